import type { PaperIndex } from '../../../src/paper-index.js';
import type { Deduper } from '../dedupe.js';
import type { InFlight } from '../inflight.js';
import type { Logger } from '../../../src/logger.js';

/** What every listener gets: the core, a logger, the memory of answered messages, and the shutdown tracker. */
export interface ListenerDeps {
  index: PaperIndex;
  log: Logger;
  seen: Deduper;
  inflight: InFlight;
}
