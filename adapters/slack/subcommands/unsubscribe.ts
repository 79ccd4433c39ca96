import { formatUnsubscribed } from '../format/subscription.js';
import { needDaily } from './need-daily.js';
import type { Subcommand } from './subcommand.js';

/** `/papers unsubscribe`: this channel's daily digest stops. */
export const unsubscribe: Subcommand = {
  name: 'unsubscribe',
  usage: '/papers unsubscribe',
  summary: "stop this channel's daily digest",
  run: async (request) => ({ message: formatUnsubscribed(await needDaily(request).unsubscribe('slack', request.channelId)) }),
};
