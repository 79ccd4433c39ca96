const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `text` is a YYYY-MM-DD day that exists. `Date.parse` alone accepts 2026-02-30 (as March 2), so the
 * day must also read back the same.
 */
export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
