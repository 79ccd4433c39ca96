import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedIndex } from './fixtures/slack-index.js';
import { buttonLabelled, buttonsIn, startSlackBed, visibleText, type SlackBed } from './fixtures/slack-bed.js';
import { nextTs } from './fixtures/slack-payloads.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';
import type { SlackCall } from './fake-slack.js';

/** Long enough for a listener that has acked to send whatever it was going to send. */
const SETTLE_MS = 300;

let bed: SlackBed;
beforeAll(async () => {
  bed = await startSlackBed(await seedIndex());
});
afterAll(async () => { await bed.stop(); });
afterEach(() => {
  // Whatever the bot sent fit Slack's limits and could ping no one.
  for (const call of bed.fake.calls) {
    expect(limitViolations(call.body)).toEqual([]);
    expect(unsafeSequences(call.body)).toEqual([]);
  }
});

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const labels = (body: Record<string, unknown>) => buttonsIn(body).map((button) => (button.text as { text: string }).text);
const sentTo = (responseId: string): SlackCall[] => bed.fake.calls.filter((call) => call.responseId === responseId);
const publicCopies = (calls: readonly SlackCall[]) => calls.filter((call) => call.body.response_type === 'in_channel' && call.refused === undefined);

let ids = 0;
/** `/papers <question>`: the private reply, and the ts of the ephemeral message it became (pressed by `press`). */
async function privateReply(question = 'what is an attention sink?'): Promise<{ body: Record<string, unknown>; ts: string }> {
  const id = `ask-${++ids}`;
  const before = bed.fake.calls.length;
  await bed.command(question, id);
  const [reply] = (await bed.fake.waitForCalls(before + 1)).filter((call) => call.responseId === id);
  expect(reply!.body).toMatchObject({ response_type: 'ephemeral' });
  return { body: reply!.body, ts: nextTs() };
}

/** A press of Share on `reply`, through a fresh response URL; resolves after it was acked and the bot has settled. */
async function press(reply: { body: Record<string, unknown>; ts: string }): Promise<SlackCall[]> {
  const id = `share-${++ids}`;
  const response = await bed.click(buttonLabelled(reply.body, 'Share in channel'), { ephemeral: true, ts: reply.ts }, id);
  expect(response.status).toBe(200);
  await settle();
  return sentTo(id);
}

describe('"Share in channel" on a private /papers reply', () => {
  it('posts the reply for everyone, then replaces the private copy: button gone, a note in its place', async () => {
    const mine = await privateReply();
    const [copy, update, ...more] = await press(mine);
    expect(more).toEqual([]);
    expect(copy!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(visibleText(copy!.body)).toContain(visibleText(mine.body).split('\n')[1]!);
    expect(visibleText(copy!.body)).toContain('Shared by ada');
    expect(labels(copy!.body)).not.toContain('Share in channel');

    expect(update!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(visibleText(update!.body)).toContain(visibleText(mine.body).split('\n')[1]!);
    expect(visibleText(update!.body).split('\n').at(-1)).toBe('Shared in this channel.');
    expect(labels(update!.body)).toEqual(labels(mine.body).filter((label) => label !== 'Share in channel'));
  });

  it('posts once when a second press arrives while the first is posting (a double click): the second sends nothing', async () => {
    const mine = await privateReply();
    bed.fake.fail('respond', { delayMs: SETTLE_MS });
    const first = `share-${++ids}`;
    const second = `share-${++ids}`;
    const button = buttonLabelled(mine.body, 'Share in channel');
    await bed.click(button, { ephemeral: true, ts: mine.ts }, first);
    await bed.click(button, { ephemeral: true, ts: mine.ts }, second);
    await settle();
    await settle();
    expect(sentTo(first).map((call) => call.body.response_type)).toEqual(['in_channel', 'ephemeral']);
    expect(sentTo(second)).toEqual([]);
  });

  it('posts nothing for a press after the share (a client still showing the button), and sends the note again', async () => {
    const mine = await privateReply();
    await press(mine);
    const later = await press(mine);
    expect(later.map((call) => call.body)).toEqual([expect.objectContaining({ response_type: 'ephemeral', replace_original: true })]);
    expect(visibleText(later[0]!.body)).toContain('Shared in this channel.');
  });

  it('treats the share button of another view on the same message (after "More results") as a new share', async () => {
    const mine = await privateReply('search attention');
    await press(mine);
    const pageId = `more-${++ids}`;
    await bed.click(buttonLabelled(mine.body, 'More results'), { ephemeral: true, ts: mine.ts }, pageId);
    await settle();
    const [page] = sentTo(pageId);
    expect(publicCopies(await press({ body: page!.body, ts: mine.ts }))).toHaveLength(1);
  });

  it('keeps the private reply and its button when the public post fails, and shares on the next press', async () => {
    const mine = await privateReply();
    bed.fake.fail('respond', { status: 500 });
    const failed = await press(mine);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.refused).toBe('HTTP 500');
    expect(bed.log.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Slack: could not send sharing a reply' }));

    const retried = await press(mine);
    expect(publicCopies(retried)).toHaveLength(1);
    expect(retried.map((call) => call.body.replace_original)).toEqual([false, true]);
  });

  it('does not post again when the copy went out but the private reply could not be replaced', async () => {
    const mine = await privateReply();
    bed.fake.fail('respond', { delayMs: 0 }, { status: 500 });
    const first = await press(mine);
    expect(publicCopies(first)).toHaveLength(1);
    expect(first[1]!.refused).toBe('HTTP 500');

    const again = await press(mine);
    expect(publicCopies(again)).toEqual([]);
    expect(again.map((call) => call.body.replace_original)).toEqual([true]);
  });
});
