import { describe, expect, it } from 'vitest';
import { Deduper, IncomingMessage, isIgnored, messageKeys } from '../adapters/slack/dedupe.js';

const message = (fields: Record<string, unknown>) => IncomingMessage.parse({ channel: 'C1', ts: '1.1', text: 'hi', user: 'U1', ...fields });

describe('Deduper', () => {
  it('takes a message once, whichever of its keys comes back', () => {
    const seen = new Deduper();
    expect(seen.firstTime(messageKeys(message({}), 'Ev1'))).toBe(true);
    expect(seen.firstTime(messageKeys(message({}), 'Ev1'))).toBe(false); // a retry
    expect(seen.firstTime(messageKeys(message({}), 'Ev2'))).toBe(false); // the other event of the pair
    expect(seen.firstTime(messageKeys(message({ ts: '1.2' }), 'Ev1'))).toBe(false); // same delivery
    expect(seen.firstTime(messageKeys(message({ ts: '1.3' }), 'Ev3'))).toBe(true);
  });

  it('forgets after ten minutes, longer than Slack retries', () => {
    let now = 0;
    const seen = new Deduper(() => now);
    seen.firstTime(['a']);
    now = 9 * 60_000;
    expect(seen.firstTime(['a'])).toBe(false);
    now += 10 * 60_000 + 1;
    expect(seen.firstTime(['a'])).toBe(true);
  });

  it('keeps at most about 10,000 keys under a flood', () => {
    const seen = new Deduper(() => 0);
    for (let i = 0; i < 12_000; i += 1) seen.firstTime([`k${i}`]);
    expect(seen.firstTime(['k0'])).toBe(true);
    expect(seen.firstTime(['k11999'])).toBe(false);
  });
});

describe('isIgnored', () => {
  it('answers people, including a message with a file or a thread reply sent to the channel', () => {
    for (const fields of [{}, { subtype: 'file_share' }, { subtype: 'thread_broadcast' }]) expect(isIgnored(message(fields), 'UBOT')).toBe(false);
  });

  it('ignores bots, itself, edits, other subtypes and authorless messages', () => {
    for (const fields of [{ bot_id: 'B1' }, { user: 'UBOT' }, { edited: { ts: '2' } }, { subtype: 'message_changed' }, { subtype: 'channel_join' }, { user: undefined }]) {
      expect(isIgnored(message(fields), 'UBOT'), JSON.stringify(fields)).toBe(true);
    }
  });
});
