import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UserError } from '../../../src/errors.js';
import { decodeView, type ViewState } from '../views.js';

/** The fields of a `block_actions` payload the button listeners read. */
const ClickBody = z.looseObject({
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional() })).min(1),
  user: z.looseObject({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  container: z.looseObject({
    is_ephemeral: z.boolean().optional(), thread_ts: z.string().optional(), message_ts: z.string().optional(), channel_id: z.string().optional(),
  }).optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  message: z.looseObject({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
});

/** A button click, reduced to what a reply needs. */
export interface Click {
  view: ViewState;
  userName: string;
  /** Where a public message sits; absent for ephemeral messages, which only `respond` can reach. */
  publicMessage?: { channel: string; ts: string; threadTs: string | undefined };
  /**
   * This button on this message (channel, message ts, a hash of the button's value, which may be 2000 characters),
   * the same for every press of it, ephemeral messages included; absent if Slack did not say which message it is on.
   */
  buttonKey?: string;
}

/**
 * Reads a click on one of our buttons. Throws `UserError` for a button whose state this version cannot read
 * (an old message from a different release), so the person learns to ask again.
 */
export function readClick(body: unknown): Click {
  const parsed = ClickBody.safeParse(body);
  const view = parsed.success ? decodeView(parsed.data.actions[0]?.value) : undefined;
  if (!parsed.success || !view) throw new UserError('This button is from an older message I can no longer read; please ask again.');
  const { actions, user, container, channel, message } = parsed.data;
  const ephemeral = container?.is_ephemeral === true || !message || !channel;
  const channelId = container?.channel_id ?? channel?.id;
  const messageTs = container?.message_ts ?? message?.ts;
  return {
    view,
    userName: user.username ?? user.name ?? 'someone',
    ...(channelId && messageTs ? { buttonKey: `${channelId}:${messageTs}:${digest(actions[0]!.value ?? '')}` } : {}),
    ...(ephemeral ? {} : { publicMessage: { channel: channel.id, ts: message.ts, threadTs: message.thread_ts ?? container?.thread_ts } }),
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
