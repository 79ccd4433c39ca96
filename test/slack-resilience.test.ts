import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { seedIndex } from './fixtures/slack-index.js';
import { layoutOf, startSlackBed, visibleText, type SlackBed } from './fixtures/slack-bed.js';
import { BOT_USER, mentionEvent } from './fixtures/slack-payloads.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';
import type { SlackCall, SlackFault } from './fake-slack.js';

/** The real index, except that questions containing "explode" hit a bug: a fault that is not the user's. */
function faultyIndex(real: PaperIndex): PaperIndex {
  return new Proxy(real, {
    get(target, property, receiver) {
      if (property !== 'answer') return Reflect.get(target, property, receiver) as unknown;
      return (question: string, options?: Parameters<PaperIndex['answer']>[1]) => {
        if (question.includes('explode')) throw new Error('index exploded');
        return target.answer(question, options);
      };
    },
  });
}

let bed: SlackBed;
beforeAll(async () => { bed = await startSlackBed(faultyIndex(await seedIndex())); });
afterAll(async () => { await bed.stop(); });

/** Mentions the bot with `text` (as Slack encodes it) and returns every call that followed, once `count` arrived. */
async function mention(text: string, count = 1): Promise<SlackCall[]> {
  const before = bed.fake.calls.length;
  await bed.event(mentionEvent({ text: `<@${BOT_USER}> ${text}` }));
  await bed.fake.waitForCalls(before + count);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return bed.fake.calls.slice(before);
}

/** A polite note is one section with the reason; an answer starts with the question as header. */
const kindOf = (call: SlackCall) => (layoutOf(call.body)[0] === 'header' ? 'answer' : 'note');

describe('hostile input: each gets one clear, safe reply and the app keeps serving', () => {
  const table: [string, string, 'answer' | 'note'][] = [
    ['an empty mention (help)', '', 'answer'],
    ['40,000 characters', 'attention '.repeat(4000), 'note'],
    ['a broadcast <!channel>', '<!channel> attention sink', 'answer'],
    ['a user mention <@U123>', '<@U123> attention sink', 'answer'],
    ['&lt; typed literally, and raw <>', '&amp;lt; &lt;script&gt;alert(1)&lt;/script&gt; attention sink', 'answer'],
    ['code fences', '```attention sink``` `diffusion`', 'answer'],
    ['emoji and RTL text', '🧠 ما هو attention sink? ‏🙂', 'answer'],
    ['only stop words', 'what is the of and', 'note'],
  ];

  it.each(table)('%s', async (_name, text, kind) => {
    const [reply, ...extra] = await mention(text);
    expect(extra).toEqual([]);
    expect(reply!.refused).toBeUndefined();
    expect(kindOf(reply!)).toBe(kind);
    expect(limitViolations(reply!.body)).toEqual([]);
    expect(unsafeSequences(reply!.body)).toEqual([]);
  });

  const commandTable: [string, string, 'answer' | 'note'][] = [
    ['/papers with nothing (help)', '', 'answer'],
    ['/papers with 40,000 characters', 'attention '.repeat(4000), 'note'],
    ['/papers with <!channel> and <@U123>', '<!channel> <@U123> attention sink', 'answer'],
    ['/papers with &lt; and raw <>', '&amp;lt; &lt;script&gt; attention sink', 'answer'],
    ['/papers with code fences, emoji and RTL text', '```diffusion``` 🧠 ما هو attention sink?', 'answer'],
    ['/papers paper with an unknown title', 'paper Zzyzx Quantum Teapots', 'note'],
    ['/papers similar with an unknown title', 'similar <!here> Zzyzx', 'note'],
  ];

  it.each(commandTable)('%s', async (name, text, kind) => {
    const before = bed.fake.calls.length;
    expect((await bed.command(text, name)).status).toBe(200);
    await bed.fake.waitForCalls(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [reply, ...extra] = bed.fake.calls.slice(before);
    expect(extra).toEqual([]);
    expect(reply).toMatchObject({ responseId: name, refused: undefined });
    expect(kindOf(reply!)).toBe(kind);
    expect(unsafeSequences(reply!.body)).toEqual([]);
  });

  it('shows what was typed, escaped: a broadcast and a tag come back as harmless text', async () => {
    const [reply] = await mention('&lt;!channel&gt; &amp;lt; attention sink');
    const shown = visibleText(reply!.body);
    // Headers are plain text: angle brackets become look-alikes there; mrkdwn keeps them escaped.
    expect(shown.split('\n')[0]).toBe('‹!channel› &lt; attention sink');
    expect(shown).not.toContain('<!channel>');
    expect(reply!.body.text).not.toContain('<!channel>');
  });
});

describe('faults', () => {
  it('answers a bug with the apology, logs the stack, and serves the next question', async () => {
    const [apology] = await mention('explode attention');
    expect(visibleText(apology!.body)).toContain('Sorry, something went wrong on my side');
    expect(visibleText(apology!.body)).not.toContain('index exploded');
    const logged = bed.log.entries.find((entry) => entry.level === 'error' && JSON.stringify(entry.details).includes('index exploded'));
    expect(JSON.stringify(logged?.details)).toContain('at ');
    expect(kindOf((await mention('attention sink'))[0]!)).toBe('answer');
  });

  // With the bed's one retry, a 5xx is tried twice; Slack's error codes and a rate limit are not retried. Each lost
  // reply is a warning; a bot token Slack no longer accepts is also an error saying what to do (and `npm start`
  // stops on it: slack-auth.test.ts, start.test.ts).
  const webApiFaults: [string, SlackFault, number, 'advice' | 'no advice'][] = [
    ['ratelimited (HTTP 429)', { status: 429, retryAfter: 1 }, 1, 'no advice'],
    ['channel_not_found', { error: 'channel_not_found' }, 1, 'no advice'],
    ['not_in_channel', { error: 'not_in_channel' }, 1, 'no advice'],
    ['missing_scope', { error: 'missing_scope' }, 1, 'no advice'],
    ['invalid_auth', { error: 'invalid_auth' }, 1, 'advice'],
    ['HTTP 500', { status: 500 }, 2, 'no advice'],
    ['HTTP 503', { status: 503 }, 2, 'no advice'],
  ];

  it.each(webApiFaults)('survives %s from chat.postMessage and answers the next mention', async (name, fault, attempts, advice) => {
    const logged = bed.log.entries.length;
    bed.fake.fail('chat.postMessage', ...Array<SlackFault>(attempts).fill(fault));
    const failed = await mention('diffusion models', attempts);
    expect(failed.map((call) => call.refused)).toEqual(Array(attempts).fill(expect.stringMatching(/\S/)));
    const report = () => bed.log.entries.slice(logged).find((entry) => entry.message.startsWith('Slack: could not send an answer'));
    // The adapter logs once Slack's refusal has reached it, a moment after the fake recorded the call.
    for (const deadline = Date.now() + 2000; !report() && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(report()?.level).toBe('warn');
    const errors = bed.log.entries.slice(logged).filter((entry) => entry.level === 'error');
    expect(errors.map((entry) => entry.message)).toEqual(advice === 'advice' ? [expect.stringMatching(/^Slack: Slack does not accept SLACK_BOT_TOKEN \(invalid_auth\)\. Check/)] : []);
    const [next] = await mention('attention sink');
    expect(next!.refused).toBeUndefined();
    expect(kindOf(next!)).toBe('answer');
  });

  it('survives an expired response_url and answers the next command', async () => {
    bed.fake.fail('respond', { status: 404 });
    await bed.command('attention sink', 'expired');
    await bed.fake.waitForCalls(bed.fake.calls.length + 1);
    const before = bed.fake.calls.length;
    await bed.command('attention sink', 'fresh');
    const [reply] = (await bed.fake.waitForCalls(before + 1)).slice(before);
    expect(reply).toMatchObject({ responseId: 'fresh', refused: undefined });
  });
});

describe('shutdown', () => {
  it('lets an answer in progress reach Slack before it stops', async () => {
    const other = await startSlackBed(await seedIndex());
    other.fake.fail('chat.postMessage', { delayMs: 400 });
    await other.event(mentionEvent({ text: `<@${BOT_USER}> attention sink` }));
    // By now the answer is on its way: Slack is slow to accept it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await other.stop();
    expect(other.fake.calls).toMatchObject([{ method: 'chat.postMessage', refused: undefined }]);
  });

  it('stops listening when stopped', async () => {
    const other = await startSlackBed(await seedIndex());
    await other.stop();
    await expect(fetch(other.url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
