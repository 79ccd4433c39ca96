import { describe, expect, it } from 'vitest';
import { addDays, dueDigest, isDayOver, latestCompleteDay, papersDayOf, postingTime } from '../src/digest/digest-day.js';

const at = (iso: string) => new Date(iso);

describe('Hugging Face days', () => {
  it('steps calendar days across months, years and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(papersDayOf('2026-08-21')).toBe('2026-08-20');
  });

  it('a day is over at the midnight UTC that ends it, whatever the zone', () => {
    expect(isDayOver('2026-08-20', at('2026-08-20T23:59:59.999Z'))).toBe(false);
    expect(isDayOver('2026-08-20', at('2026-08-21T00:00:00Z'))).toBe(true);
  });
});

describe('dueDigest', () => {
  it('is due from the local time, listing the local day before', () => {
    expect(dueDigest(at('2026-08-21T08:59:00Z'), 'UTC', '09:00')).toBeUndefined();
    expect(dueDigest(at('2026-08-21T09:00:00Z'), 'UTC', '09:00')).toEqual({ postingDay: '2026-08-21', papersDay: '2026-08-20' });
    // Late in the day west of UTC, the next UTC day has begun: still the local day's digest, of the local day before.
    expect(dueDigest(at('2026-08-22T00:30:00Z'), 'America/Los_Angeles', '17:00')).toEqual({ postingDay: '2026-08-21', papersDay: '2026-08-20' });
  });

  it('east of UTC, waits for midnight UTC when the local time comes first', () => {
    expect(dueDigest(at('2026-08-20T23:00:00Z'), 'Asia/Tokyo', '08:00')).toBeUndefined();
    expect(dueDigest(at('2026-08-21T00:00:00Z'), 'Asia/Tokyo', '08:00')).toEqual({ postingDay: '2026-08-21', papersDay: '2026-08-20' });
    // UTC+14: the local day starts at 10:00Z the day before; even 00:00 has a window (14:00 to midnight there).
    expect(dueDigest(at('2026-08-20T23:59:00Z'), 'Pacific/Kiritimati', '00:00')).toBeUndefined();
    expect(dueDigest(at('2026-08-21T00:00:00Z'), 'Pacific/Kiritimati', '00:00')).toEqual({ postingDay: '2026-08-21', papersDay: '2026-08-20' });
  });
});

describe('postingTime', () => {
  it('is the chosen time, or midnight UTC in local time when that is later', () => {
    expect(postingTime('2026-08-21', 'Asia/Tokyo', '08:00')).toBe('09:00');
    expect(postingTime('2026-08-21', 'Asia/Tokyo', '15:00')).toBe('15:00');
    expect(postingTime('2026-08-21', 'Asia/Kolkata', '05:00')).toBe('05:30');
    expect(postingTime('2026-08-21', 'America/New_York', '00:00')).toBe('00:00');
    expect(postingTime('2026-08-21', 'UTC', '00:00')).toBe('00:00');
  });

  it('follows daylight saving: midnight UTC is 02:00 in Paris in summer, 01:00 in winter', () => {
    expect(postingTime('2026-08-21', 'Europe/Paris', '00:30')).toBe('02:00');
    expect(postingTime('2026-12-21', 'Europe/Paris', '00:30')).toBe('01:00');
    expect(postingTime('2026-12-21', 'Europe/Paris', '07:00')).toBe('07:00');
  });
});

describe('latestCompleteDay', () => {
  it('is what a digest posted then lists: the local yesterday once it is over in UTC, else the day before', () => {
    expect(latestCompleteDay(at('2026-08-21T12:00:00Z'), 'UTC')).toBe('2026-08-20');
    expect(latestCompleteDay(at('2026-08-20T23:00:00Z'), 'Asia/Tokyo')).toBe('2026-08-19');
    expect(latestCompleteDay(at('2026-08-21T01:00:00Z'), 'Asia/Tokyo')).toBe('2026-08-20');
    // 17:00 on the 21st in California is midnight UTC: the 21st is over too, but that channel's digest of the day
    // listed the 20th, and so does /daily there.
    expect(latestCompleteDay(at('2026-08-22T00:00:00Z'), 'America/Los_Angeles')).toBe('2026-08-20');
  });
});
