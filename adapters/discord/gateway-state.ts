import { Events, Status, type Client } from 'discord.js';
import type { Logger } from '../../src/logger.js';

/** The gateway connection as the bot follows it. */
export interface GatewayWatch {
  /** Whether the connection is up now: every shard `Ready`. */
  connected(): boolean;
  /** Stops following: call before `client.destroy()`, whose own closing is no drop to report. */
  close(): void;
}

/**
 * Logs the gateway connection dropping (once per outage) and coming back, and tells whether it is up. discord.js
 * reconnects by itself (resuming or identifying again); meanwhile the shard is `Connecting`, `Identifying` or
 * `Resuming`, and after a close it cannot recover from (a revoked token, say), `Disconnected`. The manager's own
 * status stays `Ready` after the first login, so the shards are asked instead.
 */
export function watchGateway(client: Client, log: Logger): GatewayWatch {
  let dropped = false;
  const onReconnecting = (shardId: number) => {
    if (dropped) return;
    dropped = true;
    log.warn('Discord: the gateway connection dropped; reconnecting', { shardId });
  };
  const onDisconnect = (event: { code: number }, shardId: number) => {
    log.error('Discord: the gateway closed the connection for good', { shardId, code: event.code });
  };
  const onBack = (shardId: number) => {
    if (!dropped) return;
    dropped = false;
    log.info('Discord: reconnected', { shardId });
  };
  const onDebug = (message: string) => log.debug?.('Discord debug', { message });
  client.on(Events.ShardReconnecting, onReconnecting);
  client.on(Events.ShardDisconnect, onDisconnect);
  client.on(Events.ShardReady, onBack);
  client.on(Events.ShardResume, onBack);
  client.on(Events.Debug, onDebug);
  return {
    connected: () => client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready),
    close: () => {
      client.off(Events.ShardReconnecting, onReconnecting);
      client.off(Events.ShardDisconnect, onDisconnect);
      client.off(Events.ShardReady, onBack);
      client.off(Events.ShardResume, onBack);
      client.off(Events.Debug, onDebug);
    },
  };
}
