import { truncate } from '../../../src/text.js';
import { SLACK_LIMITS } from '../limits.js';
import { safePlainText } from '../escape.js';
import type { Button, KnownBlock } from './message.js';

/**
 * Block builders that enforce the limits: the formatters compose these and never write a block literal, so no
 * block can leave here too long. Text passed as `mrkdwn` must already be safe (escaped); plain text is made safe here.
 */

/**
 * Cuts mrkdwn to `max` characters without leaving half a link (`<https://…`) or half an entity (`&am`) at the
 * end, which Slack would render as garbage or reject.
 */
export function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = truncate(text, max).slice(0, -1);
  return `${head.replace(/<[^>]*$/, '').replace(/&[a-z]{0,4}$/, '').trimEnd()}…`;
}

/** The message's title line: plain text, made safe, cut to 150 characters. */
export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(safePlainText(text), SLACK_LIMITS.headerText), emoji: true } };
}

/** A section of mrkdwn; `verbatim` stops Slack from turning bare URLs and names in paper text into links. */
export function section(mrkdwn: string, accessory?: Button): KnownBlock {
  const text = { type: 'mrkdwn' as const, text: fitMrkdwn(mrkdwn, SLACK_LIMITS.sectionText), verbatim: true };
  return accessory ? { type: 'section', text, accessory } : { type: 'section', text };
}

/** A section of up to 10 short mrkdwn fields (label / value pairs). */
export function fieldsSection(fields: readonly string[]): KnownBlock {
  return {
    type: 'section',
    fields: fields.slice(0, SLACK_LIMITS.sectionFields).map((text) => ({
      type: 'mrkdwn' as const, text: fitMrkdwn(text, SLACK_LIMITS.fieldText), verbatim: true,
    })),
  };
}

/** Small grey lines of mrkdwn (at most 10 elements). */
export function context(mrkdwn: readonly string[]): KnownBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, SLACK_LIMITS.contextElements).map((text) => ({
      type: 'mrkdwn' as const, text: fitMrkdwn(text, SLACK_LIMITS.textObject), verbatim: true,
    })),
  };
}

/** A horizontal rule between the answer and the papers. */
export function divider(): KnownBlock {
  return { type: 'divider' };
}

/** A button, or `undefined` when its state does not fit in a `value` (the button is then left out). */
export function button(label: string, actionId: string, value: string | undefined, style?: 'primary'): Button | undefined {
  if (value === undefined || value.length > SLACK_LIMITS.buttonValue || actionId.length > SLACK_LIMITS.actionId) return undefined;
  const text = { type: 'plain_text' as const, text: truncate(safePlainText(label), SLACK_LIMITS.buttonText), emoji: true };
  return style ? { type: 'button', text, action_id: actionId, value, style } : { type: 'button', text, action_id: actionId, value };
}

/** An actions block of the buttons that exist, or nothing when none do. */
export function actions(buttons: readonly (Button | undefined)[]): KnownBlock[] {
  const present = buttons.filter((b): b is Button => b !== undefined).slice(0, SLACK_LIMITS.actionsElements);
  return present.length > 0 ? [{ type: 'actions', elements: present }] : [];
}
