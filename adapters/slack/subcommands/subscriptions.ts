import { formatSubscriptions } from '../format/subscription.js';
import { needDaily } from './need-daily.js';
import type { Subcommand } from './subcommand.js';

/** `/papers subscriptions`: every channel of this workspace that gets a daily digest, and its settings. */
export const subscriptions: Subcommand = {
  name: 'subscriptions',
  usage: '/papers subscriptions',
  summary: 'the channels that get a daily digest',
  run: async (request) => ({ message: formatSubscriptions(await needDaily(request).subscriptions('slack'), request.channelId) }),
};
