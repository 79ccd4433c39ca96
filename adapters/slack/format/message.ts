import type { types } from '@slack/bolt';

/** A Slack message as the adapter sends it: blocks, and the plain `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

export type Button = types.Button;
export type KnownBlock = types.KnownBlock;
