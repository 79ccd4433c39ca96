import { z } from 'zod';
import type { SqlRunner } from './sql-runner.js';
import type { Subscription, SubscriptionStore } from './store.js';

const SubscriptionRow = z.object({
  platform: z.enum(['discord', 'slack']),
  channel_id: z.string(),
  time: z.string(),
  timezone: z.string(),
  filter: z.string().nullable(),
  top: z.number().int(),
  on_empty_day: z.enum(['note', 'silent']),
  unavailable_since: z.string().nullable(),
  unavailable_reason: z.string().nullable(),
});

function toSubscription(raw: unknown): Subscription {
  const row = SubscriptionRow.parse(raw);
  const subscription: Subscription = {
    platform: row.platform,
    channelId: row.channel_id,
    time: row.time,
    timezone: row.timezone,
    top: row.top,
    onEmptyDay: row.on_empty_day,
  };
  if (row.filter !== null) subscription.filter = row.filter;
  if (row.unavailable_since !== null) subscription.unavailableSince = row.unavailable_since;
  if (row.unavailable_reason !== null) subscription.unavailableReason = row.unavailable_reason;
  return subscription;
}

/** The subscriptions half of the store, for either backend: one row per channel. */
export function createSubscriptions(sql: SqlRunner): SubscriptionStore {
  const upsert = `
    INSERT INTO subscriptions (platform, channel_id, time, timezone, filter, top, on_empty_day)
    VALUES (@platform, @channelId, @time, @timezone, @filter, @top, @onEmptyDay)
    ON CONFLICT (platform, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone,
      filter = excluded.filter, top = excluded.top, on_empty_day = excluded.on_empty_day,
      unavailable_since = NULL, unavailable_reason = NULL`;
  const markUnavailable = `
    UPDATE subscriptions SET unavailable_since = @at, unavailable_reason = @reason
    WHERE platform = @platform AND channel_id = @channelId`;
  return {
    subscribe: async (s) => {
      await sql.run(upsert, { platform: s.platform, channelId: s.channelId, time: s.time, timezone: s.timezone, filter: s.filter ?? null, top: s.top, onEmptyDay: s.onEmptyDay });
    },
    unsubscribe: async (platform, channelId) => (await sql.run('DELETE FROM subscriptions WHERE platform = @platform AND channel_id = @channelId', { platform, channelId })) > 0,
    subscription: async (platform, channelId) => {
      const row = await sql.get('SELECT * FROM subscriptions WHERE platform = @platform AND channel_id = @channelId', { platform, channelId });
      return row === undefined ? undefined : toSubscription(row);
    },
    subscriptions: async () => (await sql.all(`SELECT * FROM subscriptions ORDER BY ${sql.firstStored}`)).map(toSubscription),
    markChannelUnavailable: async (platform, channelId, reason, at) => {
      await sql.run(markUnavailable, { at: at.toISOString(), reason, platform, channelId });
    },
  };
}
