import { truncate } from '../../../src/text.js';
import { SLACK_LIMITS } from '../limits.js';
import { safeMrkdwn } from '../escape.js';
import { context } from './blocks.js';
import type { KnownBlock, SlackMessage } from './message.js';

/**
 * The last step of every formatter: at most 50 blocks (a trailing actions block is kept, the middle is cut and
 * says so) and fallback text within Slack's 40,000 characters. Each block is already within its own limits.
 */
export function fitMessage(fallbackLines: readonly string[], blocks: readonly KnownBlock[]): SlackMessage {
  return { text: fallbackText(fallbackLines), blocks: fitBlocks(blocks) };
}

/** Plain notification text: each line made safe, the whole cut to Slack's limit. */
export function fallbackText(lines: readonly string[]): string {
  return truncate(lines.map(safeMrkdwn).join('\n'), SLACK_LIMITS.messageText);
}

/** A finished message with more blocks at the end (a share button, a "shared by" line), refitted. */
export function appendBlocks(message: SlackMessage, extra: readonly KnownBlock[]): SlackMessage {
  return { text: message.text, blocks: fitBlocks([...message.blocks, ...extra]) };
}

function fitBlocks(blocks: readonly KnownBlock[]): KnownBlock[] {
  const max = SLACK_LIMITS.blocksPerMessage;
  if (blocks.length <= max) return [...blocks];
  const last = blocks.at(-1)!;
  const tail = last.type === 'actions' ? [last] : [];
  const keep = max - 1 - tail.length;
  const notice = context([`_Some results were left out: Slack shows at most ${max} blocks in a message._`]);
  return [...blocks.slice(0, keep), notice, ...tail];
}
