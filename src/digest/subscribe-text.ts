import { UserError } from '../errors.js';

/** The settings a text command may carry; `filter:` takes the rest of the line, so it may hold spaces. */
export interface SubscribeArguments {
  time?: string;
  timezone?: string;
  top?: number;
  filter?: string;
  onEmptyDay?: 'note' | 'silent';
}

/** What `/papers daily` was given: a day's list has no time, zone or empty-day rule, only a filter. */
export interface DailyArguments {
  /** The words before the settings, unchecked (the core checks dates): the day asked for, `''` for none. */
  date: string;
  filter?: string;
}

type Key = 'time' | 'timezone' | 'tz' | 'top' | 'filter' | 'empty';

const SUBSCRIBE_KEYS: readonly Key[] = ['time', 'timezone', 'tz', 'top', 'filter', 'empty'];
const DAILY_KEYS: readonly Key[] = ['filter'];
/** Where the settings of a daily text start: the first word that names any setting, so a misplaced one is named. */
const FIRST_SETTING = new RegExp(`(?:^|\\s)(?:${SUBSCRIBE_KEYS.join('|')}):`, 'i');

/**
 * Reads `time:08:30 timezone:Europe/Paris top:5 empty:silent filter:diffusion models` (any order, all optional;
 * `filter:` last) for text commands such as Slack's `/papers subscribe …`. Values are checked later by
 * `parseSubscriptionRequest`; this only splits them. Throws `UserError` for an unknown word.
 */
export function parseSubscribeText(text: string): SubscribeArguments {
  return readSettings(text, SUBSCRIBE_KEYS, 'Use time:HH:MM timezone:Area/City top:N empty:note|silent filter:words.');
}

/**
 * Reads `[YYYY-MM-DD] [filter:words]` for Slack's `/papers daily …`, with the subscriptions' `filter:`. Throws
 * `UserError` for a setting other than `filter:`.
 */
export function parseDailyText(text: string): DailyArguments {
  const trimmed = text.trim();
  const at = trimmed.search(FIRST_SETTING);
  const date = (at < 0 ? trimmed : trimmed.slice(0, at)).trim();
  const { filter } = readSettings(at < 0 ? '' : trimmed.slice(at), DAILY_KEYS, 'Give a day, YYYY-MM-DD, then filter:words.');
  return filter ? { date, filter } : { date };
}

/** Splits `key:value` words, the `keys` allowed; `hint` says what is, after an unknown word. */
function readSettings(text: string, keys: readonly Key[], hint: string): SubscribeArguments {
  const args: SubscribeArguments = {};
  let rest = text.trim();
  while (rest) {
    const match = /^(\w+):/.exec(rest);
    const key = keys.find((known) => known === match?.[1]?.toLowerCase());
    if (!match || !key) throw new UserError(`I did not understand "${rest.split(/\s+/)[0]}". ${hint}`);
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
