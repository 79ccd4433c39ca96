import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { seedIndex } from './fixtures/slack-index.js';
import { buttonLabelled, buttonsIn, layoutOf, startSlackBed, visibleText, type SlackBed } from './fixtures/slack-bed.js';
import { BOT_USER, CHANNEL, mentionEvent, nextTs } from './fixtures/slack-payloads.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';
import type { SlackCall } from './fake-slack.js';

const SINK_TITLE = 'When Attention Sink Emerges in Language Models: An Empirical View';

let index: PaperIndex;
let bed: SlackBed;
beforeAll(async () => {
  index = await seedIndex();
  bed = await startSlackBed(index);
});
afterAll(async () => { await bed.stop(); });

let ids = 0;
/** Runs `/papers <text>`: checks the ack is an immediate empty 200, and returns the one reply through response_url. */
async function papers(text: string): Promise<SlackCall> {
  const id = `cmd-${++ids}`;
  const response = await bed.command(text, id);
  const ackedAt = performance.now();
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
  return replyTo(id, ackedAt);
}

/** The reply posted to response URL `id`, checked against Slack's limits and for stray mentions. */
async function replyTo(id: string, notBefore = 0): Promise<SlackCall> {
  for (let waited = 0; waited < 5000; waited += 10) {
    const replies = bed.fake.calls.filter((call) => call.responseId === id);
    if (replies.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(bed.fake.calls.filter((call) => call.responseId === id)).toHaveLength(1);
      const [reply] = replies;
      expect(reply!.receivedAt).toBeGreaterThanOrEqual(notBefore - 1);
      expect(reply!.refused).toBeUndefined();
      expect(limitViolations(reply!.body)).toEqual([]);
      expect(unsafeSequences(reply!.body)).toEqual([]);
      return reply!;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no reply to ${id}`);
}

describe('/papers subcommands, answered only to the caller with a share button', () => {
  it('/papers <question>: the cited answer and top 3 papers', async () => {
    const reply = await papers('what is an attention sink?');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(layoutOf(reply.body)).toEqual(['header', 'section', 'divider', 'section', 'section', 'section', 'context', 'actions', 'actions']);
    expect(buttonsIn(reply.body).map((b) => (b.text as { text: string }).text))
      .toEqual(['Similar papers', 'Similar papers', 'Similar papers', 'More results', 'Share in channel']);
  });

  it('/papers search <words>: a page of 5 with the total and "More results"', async () => {
    const reply = await papers('search attention');
    expect(visibleText(reply.body)).toMatch(/\d+ papers match \*attention\*; showing 1–5\./);
    expect(layoutOf(reply.body).filter((type) => type === 'section')).toHaveLength(5);
    expect(buttonLabelled(reply.body, 'More results').value).toBe('{"v":"search","q":"attention","o":5}');
  });

  it('/papers paper <title>: the paper in full, found by its title or a lower-case variant', async () => {
    for (const title of [SINK_TITLE, SINK_TITLE.toLowerCase()]) {
      const reply = await papers(`paper ${title}`);
      expect(visibleText(reply.body).split('\n')[0]).toBe(SINK_TITLE);
      expect(visibleText(reply.body)).toContain('known as attention sink');
    }
  });

  it('/papers similar <title>: other papers on the subject, not the paper itself', async () => {
    const reply = await papers(`similar ${SINK_TITLE}`);
    const text = visibleText(reply.body);
    expect(text.split('\n')[0]).toBe(`Similar to: ${SINK_TITLE}`);
    expect(text).toMatch(/Visual Attention Sink|Attention Sinks/);
  });

  it('/papers help, and /papers alone: every subcommand and the corpus size', async () => {
    for (const text of ['help', '']) {
      const help = visibleText((await papers(text)).body);
      for (const usage of ['/papers search', '/papers paper', '/papers similar', '/papers help']) expect(help).toContain(usage);
      expect(help).toContain(`I know ${index.stats().papers} papers`);
    }
  });

  it('explains an unknown title politely, with close titles when there are some', async () => {
    expect(visibleText((await papers('paper Zzyzx Quantum Teapots')).body)).toContain('I don\'t know a paper called “Zzyzx Quantum Teapots”');
    expect(visibleText((await papers('paper when attention sink')).body)).toContain(`Did you mean:\n• ${SINK_TITLE}`);
    expect(visibleText((await papers('search')).body)).toContain('Give me some words to search for');
  });
});

describe('buttons', () => {
  it('"More results" replaces a private reply with the next page', async () => {
    const first = await papers('search attention');
    await bed.click(buttonLabelled(first.body, 'More results'), { ephemeral: true }, 'more-1');
    const next = await replyTo('more-1');
    expect(next.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(visibleText(next.body)).toContain('showing 6–10.');
  });

  it('"Similar papers" adds a private reply with its own share button', async () => {
    const first = await papers(`paper ${SINK_TITLE}`);
    await bed.click(buttonLabelled(first.body, 'Similar papers'), { ephemeral: true }, 'similar-1');
    const similar = await replyTo('similar-1');
    expect(similar.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(similar.body)).toContain(`Similar to: ${SINK_TITLE}`);
    expect(buttonLabelled(similar.body, 'Share in channel')).toBeDefined();
  });

  describe('under a public answer to a mention', () => {
    async function publicAnswer(): Promise<{ ts: string; body: Record<string, unknown> }> {
      const before = bed.fake.calls.length;
      await bed.event(mentionEvent({ text: `<@${BOT_USER}> what is an attention sink?` }));
      const calls = await bed.fake.waitForCalls(before + 1);
      // The answer's own ts, as Slack returns it from chat.postMessage.
      return { ts: nextTs(), body: calls[before]!.body };
    }

    it('"More results" updates the answer in place with chat.update', async () => {
      const answer = await publicAnswer();
      const before = bed.fake.calls.length;
      await bed.click(buttonLabelled(answer.body, 'More results'), { ephemeral: false, ts: answer.ts, threadTs: answer.body.thread_ts as string }, 'pub-more');
      const [update] = (await bed.fake.waitForCalls(before + 1)).slice(before);
      expect(update).toMatchObject({ method: 'chat.update', body: { channel: CHANNEL, ts: answer.ts } });
      expect(visibleText(update!.body)).toContain('showing 4–8.');
      expect(visibleText(update!.body)).not.toContain('Share in channel');
    });

    it('"Similar papers" replies in the answer\'s thread', async () => {
      const answer = await publicAnswer();
      const before = bed.fake.calls.length;
      await bed.click(buttonLabelled(answer.body, 'Similar papers'), { ephemeral: false, ts: answer.ts, threadTs: answer.body.thread_ts as string }, 'pub-similar');
      const [post] = (await bed.fake.waitForCalls(before + 1)).slice(before);
      expect(post).toMatchObject({ method: 'chat.postMessage', body: { channel: CHANNEL, thread_ts: answer.body.thread_ts } });
      expect(visibleText(post!.body)).toMatch(/^Similar to: /);
    });
  });

  it('keep working after a restart: their state is in the button, not in memory', async () => {
    const first = await papers('search attention');
    const restarted = await startSlackBed(index);
    try {
      await restarted.click(buttonLabelled(first.body, 'More results'), { ephemeral: true }, 'after-restart');
      const [next] = await restarted.fake.waitForCalls(1);
      expect(visibleText(next!.body)).toContain('showing 6–10.');
    } finally {
      await restarted.stop();
    }
  });

  it('a button this app cannot read gets a polite private note', async () => {
    await bed.click({ type: 'button', action_id: 'papers_show', value: '{"v":"nonsense"}', text: { type: 'plain_text', text: 'More results' } }, { ephemeral: false, ts: nextTs() }, 'garbled');
    const note = await replyTo('garbled');
    expect(note.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(note.body)).toContain('please ask again');
  });
});
