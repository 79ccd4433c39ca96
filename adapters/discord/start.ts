import { Client, Events, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { PaperIndex } from '../../src/paper-index.js';
import type { DiscordConfig } from './config.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { NO_MENTIONS } from './message.js';
import { serveInteractions } from './serve.js';

/** A running Discord bot. */
export interface DiscordBot {
  /** Graceful stop: take no new interactions, finish the replies under way, then disconnect. */
  stop(): Promise<void>;
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
 * Logs in and answers interactions until `stop()`. Rejects if login fails (bad token, unreachable API); the
 * client is destroyed first. Client and gateway errors are logged, never thrown.
 */
export async function startDiscord(index: PaperIndex, config: DiscordConfig, log: Logger = silentLogger): Promise<DiscordBot> {
  const client = createDiscordClient(config);
  // An 'error' event without a listener would throw and end the process.
  client.on(Events.Error, (error) => log.error('Discord client error', { message: error.message, stack: error.stack }));
  client.on(Events.Warn, (message) => log.warn('Discord client warning', { message }));
  client.on(Events.ShardError, (error, shardId) => log.error('Discord gateway error', { shardId, message: error.message }));
  client.once(Events.ClientReady, (ready) => log.info('Discord bot ready', { user: ready.user.tag, guilds: ready.guilds.cache.size }));
  const service = serveInteractions(client, index, log);
  try {
    await client.login(config.token);
  } catch (error) {
    await service.close();
    await client.destroy();
    throw error;
  }
  return {
    async stop() {
      await service.close();
      await client.destroy();
      log.info('Discord bot stopped');
    },
  };
}
