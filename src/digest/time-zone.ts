/** IANA time zone names: checking them and suggesting the one a person probably meant. */

/** True when `name` is a time zone this runtime knows (ICU data; `UTC` and `Etc/*` included). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Every known zone name, `UTC` first. */
export function timeZoneNames(): readonly string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/**
 * Zone names for autocomplete: those containing `query` (case and `_`/space blind), names starting with it
 * first, at most `limit`.
 */
export function suggestTimeZones(query: string, limit: number): string[] {
  const wanted = normalise(query);
  const matches = timeZoneNames().filter((zone) => normalise(zone).includes(wanted));
  const starts = (zone: string) => normalise(zone).split('/').some((part) => part.startsWith(wanted));
  return [...matches.filter(starts), ...matches.filter((zone) => !starts(zone))].slice(0, limit);
}

/** The closest known name to a mistyped one (`europe/paris` → `Europe/Paris`, `Paris` → `Europe/Paris`). */
export function closestTimeZone(name: string): string | undefined {
  return suggestTimeZones(name, 1)[0];
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[_\s]+/g, ' ').trim();
}
