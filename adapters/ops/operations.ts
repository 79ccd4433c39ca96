import type { PaperIndex } from '../../src/paper-index.js';
import type { Logger } from '../../src/logger.js';
import type { Platform } from '../../src/store/store.js';
import type { DailyPapersOptions } from '../../src/digest/daily-papers.js';
import type { OpsConfig } from './config.js';
import { Health } from './health.js';
import { createMetrics } from './metrics.js';
import type { QuestionMeter } from './question-meter.js';
import { healthUrl, METRICS_PATH, startHealthServer, type HealthServer } from './health-server.js';
import type { BotConfigs } from '../start-bots.js';
import { ConfigError } from '../../src/errors.js';

/**
 * The operations side of `npm start`: health and metrics, fed by the hooks below and shown by the server on
 * HEALTH_PORT when it is set. `npm start` moves it along: index loaded, each bot started, shutting down.
 */
export interface Operations {
  /** For `openDailyPapers`: ingests and digest runs counted. */
  dailyHooks: Pick<DailyPapersOptions, 'onIngested' | 'onDigestRun'>;
  /** For the bots: questions answered counted and timed. */
  meter: QuestionMeter;
  indexLoaded(index: PaperIndex): void;
  /** A bot is up; `isConnected` tells its connection from now on. */
  botStarted(platform: Platform, isConnected: () => boolean): void;
  /** From now on `/healthz` answers 503; the server keeps answering until `close`. */
  stopping(): void;
  close(): Promise<void>;
}

/**
 * Starts the health and metrics server when `config.health` is set (logging where), for the bots configured.
 * Throws `ConfigError` when HEALTH_PORT is the port Slack's HTTP mode needs.
 */
export async function startOperations(config: OpsConfig, bots: BotConfigs, log: Logger): Promise<Operations> {
  if (config.health && bots.slack?.mode === 'http' && bots.slack.port === config.health.port) {
    throw new ConfigError(`HEALTH_PORT and PORT are both ${config.health.port}, where Slack’s requests arrive: give HEALTH_PORT another port`);
  }
  const platforms = (['discord', 'slack'] as const).filter((platform) => bots[platform] !== undefined);
  const health = new Health(platforms);
  const metrics = createMetrics(platforms);
  let server: HealthServer | undefined;
  if (config.health) {
    server = await startHealthServer(config.health, { health: () => health.report(), metrics: metrics.registry }, log);
    log.info('Health and metrics: listening', { host: config.health.host, health: healthUrl(config.health), metrics: healthUrl(config.health, METRICS_PATH) });
  }
  return {
    dailyHooks: { onIngested: metrics.onIngested, onDigestRun: metrics.onDigestRun },
    meter: metrics.questions,
    indexLoaded: (index) => {
      metrics.watchIndex(index);
      health.markIndexLoaded();
    },
    botStarted: (platform, isConnected) => health.watch(platform, isConnected),
    stopping: () => health.markStopping(),
    close: async () => server?.close(),
  };
}
