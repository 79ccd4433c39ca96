import { UserError } from '../errors.js';

/** The settings a text command may carry; `filter:` takes the rest of the line, so it may hold spaces. */
export interface SubscribeArguments {
  time?: string;
  timezone?: string;
  top?: number;
  filter?: string;
  onEmptyDay?: 'note' | 'silent';
}

const KEYS = ['time', 'timezone', 'tz', 'top', 'filter', 'empty'] as const;

/**
 * Reads `time:08:30 timezone:Europe/Paris top:5 empty:silent filter:diffusion models` (any order, all optional;
 * `filter:` last) for text commands such as Slack's `/papers subscribe …`. Values are checked later by
 * `parseSubscriptionRequest`; this only splits them. Throws `UserError` for an unknown word.
 */
export function parseSubscribeText(text: string): SubscribeArguments {
  const args: SubscribeArguments = {};
  let rest = text.trim();
  while (rest) {
    const match = /^(\w+):/.exec(rest);
    const key = match?.[1]?.toLowerCase();
    if (!match || !key || !(KEYS as readonly string[]).includes(key)) {
      throw new UserError(`I did not understand "${rest.split(/\s+/)[0]}". Use time:HH:MM timezone:Area/City top:N empty:note|silent filter:words.`);
    }
    rest = rest.slice(match[0].length);
    if (key === 'filter') {
      args.filter = rest.trim();
      break;
    }
    const value = /^\S*/.exec(rest)?.[0] ?? '';
    rest = rest.slice(value.length).trim();
    if (key === 'time') args.time = value;
    else if (key === 'timezone' || key === 'tz') args.timezone = value;
    else if (key === 'top') args.top = Number(value);
    else if (value === 'note' || value === 'silent') args.onEmptyDay = value;
    else throw new UserError('empty: takes note or silent.');
  }
  return args;
}
