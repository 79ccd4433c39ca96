import { localMoment, minutesOf } from './local-time.js';

/**
 * Which Hugging Face day a digest lists, and when. A Daily Papers list belongs to a UTC date and fills during that
 * date (the API's `date` and the entries' `submittedOnDailyAt` are UTC days, platform-notes §5.1), so a day's list
 * is complete only once midnight UTC has passed. A digest posted on local day D lists D − 1: a complete day, the
 * same list for every channel whose post falls on D whatever its zone or hour, and one day after another for a
 * channel, daylight-saving changes included. Upvotes keep changing for days; only the list is final.
 */

/** What one digest is: the channel's local day it is posted on, and the Hugging Face day it lists. */
export interface DigestDay {
  postingDay: string;
  papersDay: string;
}

/** `day` moved by `days` calendar days (ISO dates). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The instant Hugging Face's `day` is over: the midnight UTC that ends it. */
export function dayEnd(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00Z`);
}

/** True once no paper can be added to the list of `day` any more. */
export function isDayOver(day: string, now: Date): boolean {
  return now.getTime() >= dayEnd(day).getTime();
}

/** The Hugging Face day listed by the digest posted on local day `postingDay`: the day before. */
export function papersDayOf(postingDay: string): string {
  return addDays(postingDay, -1);
}

/**
 * The digest due at `now` for a subscription at `timeOfDay` in `timeZone`, or undefined while today's is not due.
 * Due from the local time on local day D, but never before D − 1 is over: east of UTC an early hour waits for
 * midnight UTC (Asia/Tokyo at 08:00 posts at 09:00). After downtime it is still today's digest (catch-up); an
 * earlier day's is never due again. When the clocks jump over the time (spring forward), from the first minute after.
 * Throws `RangeError` for an unknown zone.
 */
export function dueDigest(now: Date, timeZone: string, timeOfDay: string): DigestDay | undefined {
  const local = localMoment(now, timeZone);
  const papersDay = papersDayOf(local.day);
  if (local.minutes < minutesOf(timeOfDay) || !isDayOver(papersDay, now)) return undefined;
  return { postingDay: local.day, papersDay };
}

/**
 * The local time (`HH:MM`) at which the digest of local day `postingDay` is posted: `timeOfDay`, or midnight UTC
 * when that comes later in the zone's day (only east of UTC). For telling people when to expect it.
 */
export function postingTime(postingDay: string, timeZone: string, timeOfDay: string): string {
  const midnightUtc = localMoment(dayEnd(papersDayOf(postingDay)), timeZone);
  const earliest = midnightUtc.day === postingDay ? midnightUtc.minutes : 0;
  const minutes = Math.max(minutesOf(timeOfDay), earliest);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The Hugging Face day a digest posted now in `timeZone` lists, whether or not one is due: the local yesterday once
 * it is over in UTC, else the day before. That is the list of the channel's latest digest (or of today's, once due),
 * and what `/daily` without a date shows.
 */
export function latestCompleteDay(now: Date, timeZone: string): string {
  const local = localMoment(now, timeZone).day;
  const utc = now.toISOString().slice(0, 10);
  return papersDayOf(local < utc ? local : utc);
}
