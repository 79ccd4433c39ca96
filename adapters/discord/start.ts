import { Client, Events, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { PaperIndex } from '../../src/paper-index.js';
import type { DiscordConfig } from './config.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { NO_MENTIONS } from './message.js';
import { serveInteractions } from './serve.js';
import type { DailyPapers } from '../../src/digest/daily-papers.js';
import type { DigestPublisher } from '../../src/digest/publisher.js';
import { createDiscordPublisher } from './digest-publisher.js';
import { explainConnectFailure } from './connect-failure.js';
import { watchGateway } from './gateway-state.js';
import type { QuestionMeter } from '../ops/question-meter.js';

/** A running Discord bot. */
export interface DiscordBot {
  /** Posts scheduled digests through this bot: pass it to `DailyPapers.startSchedule({ discord: bot.publisher })`. */
  publisher: DigestPublisher;
  /** Graceful stop: take no new interactions, finish the replies under way, then disconnect. */
  stop(): Promise<void>;
  /** Whether the gateway connection is up now (false while discord.js reconnects), for `/healthz`. */
  connected(): boolean;
}

/** What the bot may use besides the paper index; each part optional. */
export interface DiscordBotOptions {
  /** Daily digests for `/daily`, `/subscribe`, `/unsubscribe`, `/subscriptions`; without it they say so. */
  daily?: DailyPapers | undefined;
  /** Counts and times the questions answered, for the metrics. */
  meter?: QuestionMeter | undefined;
}

/**
 * A discord.js client for paperbot: only the `Guilds` intent (slash commands, autocomplete and buttons need no
 * privileged intent), no mentions by default, and REST at `apiUrl` when set (the gateway address then comes
 * from that API's `/gateway/bot`).
 */
export function createDiscordClient(config: Pick<DiscordConfig, 'apiUrl'>, rest: Partial<RESTOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: config.apiUrl ? { ...rest, api: config.apiUrl } : rest,
  });
}

/**
 * Logs in and answers interactions until `stop()`. Rejects if login fails, the client destroyed first: with a
 * `ConfigError` saying what to check when the token is refused or the API cannot be reached. Client and gateway
 * errors are logged, never thrown. The schedule is the caller's to start (with `publisher`) and to stop before
 * `stop()`, since one schedule serves every platform.
 */
export async function startDiscord(
  index: PaperIndex, config: DiscordConfig, log: Logger = silentLogger, options: DiscordBotOptions = {},
): Promise<DiscordBot> {
  const client = createDiscordClient(config);
  // An 'error' event without a listener would throw and end the process.
  client.on(Events.Error, (error) => log.error('Discord client error', { message: error.message, stack: error.stack }));
  client.on(Events.Warn, (message) => log.warn('Discord client warning', { message }));
  client.on(Events.ShardError, (error, shardId) => log.error('Discord gateway error', { shardId, message: error.message }));
  client.once(Events.ClientReady, (ready) => log.info('Discord bot ready', { user: ready.user.tag, guilds: ready.guilds.cache.size }));
  const gateway = watchGateway(client, log);
  const service = serveInteractions(client, index, log, { daily: options.daily, meter: options.meter });
  try {
    await client.login(config.token);
  } catch (error) {
    gateway.close();
    await service.close();
    await client.destroy();
    throw explainConnectFailure(error, config.apiUrl);
  }
  return {
    publisher: createDiscordPublisher(client),
    connected: gateway.connected,
    async stop() {
      await service.close();
      gateway.close();
      await client.destroy();
      log.info('Discord bot stopped');
    },
  };
}
