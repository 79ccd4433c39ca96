import type { PaperIndex } from '../../../src/paper-index.js';
import type { Deduper } from '../dedupe.js';
import type { InFlight } from '../inflight.js';
import type { Logger } from '../../../src/logger.js';
import type { DailyPapers } from '../../../src/digest/daily-papers.js';
import type { ShareClaims } from '../../../src/share-claims.js';
import type { SlackCredentialsError } from '../credentials.js';
import type { QuestionMeter } from '../../ops/question-meter.js';

/**
 * What every listener gets: the core, a logger, the memory of answered messages and of shared replies, the shutdown
 * tracker, where to report a bot token Slack no longer accepts, and daily papers when they are configured (without
 * them the digest subcommands say so).
 */
export interface ListenerDeps {
  index: PaperIndex;
  log: Logger;
  seen: Deduper;
  inflight: InFlight;
  daily?: DailyPapers | undefined;
  /** Replies already shared (or being shared), so "Share in channel" posts once. */
  shares: ShareClaims;
  /** Called when a reply fails because Slack refuses SLACK_BOT_TOKEN (revoked, say); see `sendSafely`. */
  onBotTokenRefused(error: SlackCredentialsError): void;
  /** Counts and times the questions answered, for the metrics; absent, nothing is counted. */
  meter?: QuestionMeter | undefined;
}
