import { DISCORD_LIMITS } from './limits.js';

/**
 * Buttons carry their whole state in `custom_id` (`<kind>:<arg>:<arg>…`), so a button keeps working after a
 * restart and needs no store. The last argument may itself contain `:` (a search query), so decoding splits
 * only as many times as the kind expects.
 */
const SEPARATOR = ':';

/** Builds a custom_id, or `undefined` when it would pass Discord's 100 characters (the caller then omits the button). */
export function encodeCustomId(kind: string, args: readonly (string | number)[]): string | undefined {
  const id = [kind, ...args.map(String)].join(SEPARATOR);
  return id.length <= DISCORD_LIMITS.customId ? id : undefined;
}

/** The kind of a custom_id: the text before the first `:`. */
export function customIdKind(customId: string): string {
  const end = customId.indexOf(SEPARATOR);
  return end === -1 ? customId : customId.slice(0, end);
}

/**
 * The arguments after the kind: exactly `count` of them, the last taking the rest of the id; `undefined` when
 * the id has fewer (a button from an older layout).
 */
export function customIdArgs(customId: string, count: number): string[] | undefined {
  const parts = customId.split(SEPARATOR).slice(1);
  if (parts.length < count) return undefined;
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join(SEPARATOR)];
}
