import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIndex } from './fixtures/slack-index.js';
import { layoutOf, SIGNING_SECRET, startSlackBed, visibleText, type SlackBed } from './fixtures/slack-bed.js';
import { BOT_ID, BOT_USER, CHANNEL, DM_CHANNEL, mentionEvent, messageEvent, nextTs } from './fixtures/slack-payloads.js';
import { signedHeaders } from './fake-slack.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';

let bed: SlackBed;
beforeAll(async () => { bed = await startSlackBed(await seedIndex()); });
afterAll(async () => { await bed.stop(); });

/** Sends events and returns the Slack calls they caused once `expected` have arrived (and a moment for strays). */
async function callsAfter(expected: number, send: () => Promise<unknown>) {
  const before = bed.fake.calls.length;
  await send();
  await bed.fake.waitForCalls(before + expected);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return bed.fake.calls.slice(before);
}

describe('a mention in a channel', () => {
  it('is answered in a new thread under the message: cited sentence, top 3 papers, "More results"', async () => {
    const ts = nextTs();
    const [reply] = await callsAfter(1, () => bed.event(mentionEvent({ text: `<@${BOT_USER}> what is an attention sink?`, ts })));
    expect(reply).toMatchObject({ method: 'chat.postMessage', body: { channel: CHANNEL, thread_ts: ts, unfurl_links: 'false' } });
    expect(reply!.refused).toBeUndefined();
    expect(layoutOf(reply!.body)).toEqual(['header', 'section', 'divider', 'section', 'section', 'section', 'context', 'actions']);
    expect(visibleText(reply!.body)).toMatch(/attention sink/i);
    expect(reply!.body.text).toMatch(/^“.+attention sink.+”/);
    expect(visibleText(reply!.body)).not.toContain('Share in channel');
  });

  it('answers in the existing thread when asked inside one', async () => {
    const threadTs = nextTs();
    const [reply] = await callsAfter(1, () => bed.event(mentionEvent({ text: `<@${BOT_USER}> diffusion models`, threadTs })));
    expect(reply!.body.thread_ts).toBe(threadTs);
  });

  it('strips the bot mention from the question it echoes', async () => {
    const [reply] = await callsAfter(1, () => bed.event(mentionEvent({ text: `<@${BOT_USER}> <@${BOT_USER}|paperbot> video generation` })));
    expect(visibleText(reply!.body).split('\n')[0]).toBe('video generation');
  });
});

describe('a mention or a DM that asks for help', () => {
  it('a bare mention, "help" or a greeting gets the help, not a search for the word', async () => {
    for (const text of [`<@${BOT_USER}>`, `<@${BOT_USER}> help`, `<@${BOT_USER}> hi!`]) {
      const [reply] = await callsAfter(1, () => bed.event(mentionEvent({ text })));
      expect(visibleText(reply!.body)).toContain('/papers search');
    }
    const [reply] = await callsAfter(1, () => bed.event(messageEvent({ text: 'Help?' })));
    expect(reply).toMatchObject({ method: 'chat.postMessage', body: { channel: DM_CHANNEL } });
    expect(visibleText(reply!.body)).toContain('/papers search');
  });
});

describe('a question the library has nothing on, and small talk', () => {
  it('says the library has nothing on it, then the nearest papers as possibly related, with no quote', async () => {
    const [reply] = await callsAfter(1, () => bed.event(messageEvent({ text: 'which papers study protein folding?' })));
    expect(layoutOf(reply!.body)[0]).toBe('header');
    expect(visibleText(reply!.body)).toMatch(/The library has nothing on that.*\n\*Possibly related:\*/);
    expect(reply!.body.text).toMatch(/^The library has nothing on that/);
    expect(layoutOf(reply!.body)).not.toContain('context');
    expect(limitViolations(reply!.body)).toEqual([]);
  });

  it('answers thanks with a short reply of its own and no papers', async () => {
    const [reply] = await callsAfter(1, () => bed.event(messageEvent({ text: 'thanks, that was helpful' })));
    expect(layoutOf(reply!.body)).toEqual(['section']);
    expect(reply!.body.text).toMatch(/welcome/i);
  });
});

describe('a direct message', () => {
  it('is answered in the DM, not in a thread', async () => {
    const [reply] = await callsAfter(1, () => bed.event(messageEvent({ text: 'knowledge distillation for ranking' })));
    expect(reply).toMatchObject({ method: 'chat.postMessage', body: { channel: DM_CHANNEL } });
    expect(reply!.body.thread_ts).toBeUndefined();
    expect(limitViolations(reply!.body)).toEqual([]);
    expect(unsafeSequences(reply!.body)).toEqual([]);
  });
});

describe('what is answered once, or not at all', () => {
  it('answers a retried event once (x-slack-retry-num, same event_id)', async () => {
    const event = mentionEvent({ text: `<@${BOT_USER}> attention sinks`, eventId: 'Ev0RETRY' });
    const calls = await callsAfter(1, async () => {
      expect((await bed.event(event)).status).toBe(200);
      expect((await bed.event(event, 1)).status).toBe(200);
      expect((await bed.event(event, 2)).status).toBe(200);
    });
    expect(calls).toHaveLength(1);
  });

  it('answers the app_mention + message pair for one message once', async () => {
    const ts = nextTs();
    const text = `<@${BOT_USER}> image segmentation topology`;
    const calls = await callsAfter(1, async () => {
      await bed.event(mentionEvent({ text, ts, channel: DM_CHANNEL }));
      await bed.event(messageEvent({ text, ts, channel: DM_CHANNEL }));
    });
    expect(calls).toHaveLength(1);
  });

  it('ignores bot messages, edits, its own posts and channel chatter, and answers the next question', async () => {
    const calls = await callsAfter(1, async () => {
      await bed.event(messageEvent({ text: 'from a bot', extra: { bot_id: 'B0OTHER', subtype: 'bot_message' } }));
      await bed.event(messageEvent({ text: 'my own answer', user: BOT_USER, extra: { bot_id: BOT_ID } }));
      await bed.event(messageEvent({ text: 'edited', extra: { subtype: 'message_changed' } }));
      await bed.event(mentionEvent({ text: `<@${BOT_USER}> edited mention`, extra: { edited: { user: 'U0FAKEUSER1', ts: nextTs() } } }));
      await bed.event(messageEvent({ text: 'channel talk', channel: CHANNEL, channelType: 'channel' }));
      await bed.event(messageEvent({ text: 'virtual try-on', channel: 'D0LAST' }));
    });
    expect(calls.map((call) => call.body.channel)).toEqual(['D0LAST']);
  });
});

describe('request signatures', () => {
  const body = () => mentionEvent({ text: `<@${BOT_USER}> should never be answered` });

  it('rejects a request signed with another secret, and a stale one, without answering', async () => {
    const before = bed.fake.calls.length;
    const forged = body();
    const wrong = await bed.post(forged, 'application/json', signedHeaders('0'.repeat(32), forged, 'application/json'));
    const stale = await bed.post(forged, 'application/json', signedHeaders(SIGNING_SECRET, forged, 'application/json', Math.floor(Date.now() / 1000) - 600));
    const unsigned = await fetch(bed.url, { method: 'POST', body: forged, headers: { 'content-type': 'application/json' } });
    expect([wrong.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bed.fake.calls.length).toBe(before);
  });

  it('answers Slack\'s url_verification challenge', async () => {
    const raw = JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    const response = await bed.post(raw, 'application/json');
    expect(await response.json()).toEqual({ challenge: 'c-123' });
  });
});
