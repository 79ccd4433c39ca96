import type Database from 'better-sqlite3';
import { z } from 'zod';
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

/** The subscriptions half of the SQLite store: one row per channel. */
export function createSqliteSubscriptions(db: Database.Database): SubscriptionStore {
  const upsert = db.prepare(`
    INSERT INTO subscriptions (platform, channel_id, time, timezone, filter, top, on_empty_day)
    VALUES (@platform, @channelId, @time, @timezone, @filter, @top, @onEmptyDay)
    ON CONFLICT (platform, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone,
      filter = excluded.filter, top = excluded.top, on_empty_day = excluded.on_empty_day,
      unavailable_since = NULL, unavailable_reason = NULL`);
  const remove = db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?');
  const select = db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?');
  const markUnavailable = db.prepare(
    'UPDATE subscriptions SET unavailable_since = ?, unavailable_reason = ? WHERE platform = ? AND channel_id = ?',
  );

  return {
    subscribe: db.transaction((s: Subscription) => {
      upsert.run({ ...s, filter: s.filter ?? null });
    }),
    unsubscribe: db.transaction((platform: string, channelId: string) => remove.run(platform, channelId).changes > 0),
    subscription: (platform, channelId) => {
      const row = select.get(platform, channelId);
      return row === undefined ? undefined : toSubscription(row);
    },
    subscriptions: () => db.prepare('SELECT * FROM subscriptions ORDER BY rowid').all().map(toSubscription),
    markChannelUnavailable: db.transaction((platform: string, channelId: string, reason: string, at: Date) => {
      markUnavailable.run(at.toISOString(), reason, platform, channelId);
    }),
  };
}
