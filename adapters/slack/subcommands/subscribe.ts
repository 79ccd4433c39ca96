import { parseSubscribeText } from '../../../src/digest/subscribe-text.js';
import { formatSubscribed } from '../format/subscription.js';
import { needDaily } from './need-daily.js';
import type { Subcommand } from './subcommand.js';

/**
 * `/papers subscribe [time:HH:MM] [tz:Area/City] [top:N] [empty:note|silent] [filter:words]`: this channel gets
 * the previous day's papers every day, replacing its earlier subscription. Anyone who can use the channel may subscribe
 * (Slack's default for slash commands; a slash command payload carries no permissions to check), see SETUP.md.
 */
export const subscribe: Subcommand = {
  name: 'subscribe',
  usage: '/papers subscribe [time:09:00] [tz:Europe/Paris] [top:10] [empty:note|silent] [filter:words]',
  summary: "the previous day's papers in this channel every day",
  run: async (request) => {
    const daily = needDaily(request);
    const subscription = await daily.subscribe({ platform: 'slack', channelId: request.channelId, ...parseSubscribeText(request.argument) });
    return { message: formatSubscribed(subscription, request.now) };
  },
};
