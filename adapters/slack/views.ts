import { z } from 'zod';
import { SLACK_LIMITS } from './limits.js';

/**
 * What a message shows, as data small enough to ride in a button's `value`. Buttons carry the view they lead
 * to instead of a key into server memory, so they keep working after a restart.
 */
export const ViewState = z.discriminatedUnion('v', [
  z.strictObject({ v: z.literal('answer'), q: z.string().min(1) }),
  z.strictObject({ v: z.literal('search'), q: z.string().min(1), o: z.number().int().min(0) }),
  z.strictObject({ v: z.literal('paper'), id: z.string().min(1) }),
  z.strictObject({ v: z.literal('similar'), id: z.string().min(1) }),
  z.strictObject({ v: z.literal('help') }),
]);
export type ViewState = z.infer<typeof ViewState>;

/**
 * Action ids: what a click does with the view in its `value`. `show` replaces the message with the view (paging),
 * `extend` adds the view as a new message (similar papers), `share` posts the view for the whole channel.
 * Slack wants action ids unique within a message, so `extend` buttons get a `:n` suffix.
 */
export const ACTION = {
  show: 'papers_show',
  extend: 'papers_extend',
  share: 'papers_share',
} as const;

/** Matches every `extend` button's action id, numbered or not. */
export const EXTEND_ACTION = /^papers_extend(?::\d+)?$/;

/** The button value for a view, or `undefined` when it does not fit Slack's limit (a very long question). */
export function encodeView(view: ViewState): string | undefined {
  const value = JSON.stringify(view);
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

/** The view a button carried, or `undefined` for a value this app did not write (or an older, different app). */
export function decodeView(value: unknown): ViewState | undefined {
  if (typeof value !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = ViewState.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
