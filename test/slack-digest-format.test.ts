import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../src/types.js';
import type { Digest, DigestEntry } from '../src/digest/digest.js';
import { buildDigest } from '../src/digest/build-digest.js';
import { loadCorpus } from '../src/corpus/load.js';
import { formatDigest } from '../adapters/slack/format/digest.js';
import { SLACK_LIMITS } from '../adapters/slack/limits.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';
import { layoutOf, visibleText } from './fixtures/slack-bed.js';
import type { SlackMessage } from '../adapters/slack/format/message.js';

/** Real Daily Papers records (with their AI summaries, GitHub and project links). */
const CORPUS = ['/work/shared/corpus/hf-daily-papers.jsonl.gz'];

const entry = (n: number, fields: Partial<DigestEntry> = {}): DigestEntry => ({
  paperId: `2608.${String(n).padStart(5, '0')}`, title: `Paper ${n}`, link: `https://arxiv.org/abs/2608.${String(n).padStart(5, '0')}`,
  summary: `What paper ${n} found.`, upvotes: 100 - n, links: { arxiv: `https://arxiv.org/abs/2608.${n}`, huggingFace: `https://huggingface.co/papers/2608.${n}` },
  ...fields,
});
/** The bed's readers take a message as sent (a plain JSON object). */
const layout = (message: SlackMessage | undefined) => layoutOf({ ...message });
const visible = (message: SlackMessage | undefined) => visibleText({ ...message });
const dayOf = (entries: DigestEntry[], fields: Partial<Digest> = {}): Digest => ({ date: '2026-08-20', total: entries.length, entries, ...fields });

describe('formatDigest: a day of papers', () => {
  it('opens with the date and the count, then one section and one small-print line per paper', () => {
    const [message, ...more] = formatDigest(dayOf([entry(1), entry(2)], { total: 15 }));
    expect(more).toEqual([]);
    expect(layout(message)).toEqual(['header', 'context', 'section', 'context', 'section', 'context']);
    const text = visible(message);
    expect(text).toContain('Daily papers: 2026-08-20');
    expect(text).toContain('15 papers on Hugging Face Daily Papers; the top 2 by upvotes.');
    expect(text).toContain('*1.* *<https://arxiv.org/abs/2608.00001|Paper 1>*\nWhat paper 1 found.');
    expect(text).toContain('▲ 99 · <https://arxiv.org/abs/2608.1|arXiv> · <https://huggingface.co/papers/2608.1|Hugging Face>');
    expect(message!.text).toContain('• Paper 1 (▲ 99)');
  });

  it('says what the filter kept, escaped', () => {
    const [message] = formatDigest(dayOf([entry(1)], { total: 4, filter: 'diffusion <!channel> & co' }));
    expect(visible(message)).toContain('4 papers of 2026-08-20 matching *diffusion &lt;!channel&gt; &amp; co*; the top 1 by upvotes.');
    expect(unsafeSequences(message)).toEqual([]);
  });

  it('escapes titles and summaries: no mention, broadcast or forged link survives', () => {
    const hostile = entry(1, {
      title: 'Attention <!channel> <@U123> @here',
      summary: 'See <https://evil.example|a paper> & more @everyone',
      link: 'https://evil.example/x|forged>',
      links: { github: 'javascript:alert(1)', projectPage: 'https://ok.example/p?a=1&b=2' },
    });
    const [message] = formatDigest(dayOf([hostile]));
    expect(unsafeSequences(message)).toEqual([]);
    expect(visible(message)).toContain('&lt;https://evil.example|a paper&gt; &amp; more');
    expect(visible(message)).toContain('<https://ok.example/p?a=1&amp;b=2|Project page>');
  });

  it('leaves out the upvotes of a paper that has none, and the small print when there is nothing for it', () => {
    const [message] = formatDigest(dayOf([entry(1, { upvotes: undefined, links: {} })]));
    expect(layout(message)).toEqual(['header', 'context', 'section']);
    expect(message!.text).toContain('• Paper 1');
  });
});

describe('formatDigest: days with nothing to list', () => {
  it('says so on a day without papers, never an empty message', () => {
    const messages = formatDigest({ date: '2026-08-22', total: 0, entries: [], empty: 'no-papers' });
    expect(messages).toHaveLength(1);
    expect(layout(messages[0])).toEqual(['header', 'section']);
    expect(visible(messages[0])).toContain('No new papers on 2026-08-22: Hugging Face lists none on weekends and holidays.');
    expect(limitViolations(messages[0]!)).toEqual([]);
  });

  it('names the filter when papers came but none matched', () => {
    const [message] = formatDigest({ date: '2026-08-20', total: 0, entries: [], filter: 'quantum <b>', empty: 'no-matches' });
    expect(visible(message)).toContain('None of the papers of 2026-08-20 matched *quantum &lt;b&gt;*. Without `filter:`, `/papers daily` shows them all.');
    expect(message!.text).toContain('None of the papers of 2026-08-20 matched quantum &lt;b&gt;.');
  });
});

describe('formatDigest for /daily: why this day', () => {
  it('says under the count that no date meant the latest complete day, in the blocks and the notification text', () => {
    const [message] = formatDigest(dayOf([entry(1)], { note: { kind: 'latest' } }));
    expect(layout(message)).toEqual(['header', 'context', 'context', 'section', 'context']);
    const note = 'The latest complete day (Hugging Face’s days end at midnight UTC), as in the daily digests.';
    expect(visible(message)).toContain(`1 paper on Hugging Face Daily Papers.\n${note}`);
    expect(message!.text.split('\n')[0]).toBe(`Daily papers: 2026-08-20. 1 paper on Hugging Face Daily Papers. ${note}`);
  });

  it('on a day still filling with nothing yet, says it is not over rather than calling it a quiet day', () => {
    const [message] = formatDigest({ date: '2026-08-27', total: 0, entries: [], empty: 'no-papers', note: { kind: 'open' } });
    expect(layout(message)).toEqual(['header', 'section', 'context']);
    expect(visible(message)).toContain('No papers on 2026-08-27 yet.');
    expect(visible(message)).toContain('This day is not over: Hugging Face adds papers to it until midnight UTC, so the list may still grow.');
    expect(visible(message)).not.toContain('weekends');
  });

  it('names the day it wanted when it shows another', () => {
    const [message] = formatDigest(dayOf([entry(1)], { note: { kind: 'fallback', wanted: '2026-08-22', reason: 'empty' } }));
    expect(visible(message)).toContain('Hugging Face lists no papers for 2026-08-22, the latest complete day (weekends and holidays are quiet): this is the latest day I have.');
  });
});

describe('formatDigest against Slack\'s limits: 25 papers with the longest real texts', () => {
  let day: Paper[];
  beforeAll(async () => {
    const papers = await loadCorpus(CORPUS);
    const size = (p: Paper) => p.title.length + (p.aiSummary ?? p.abstract).length + (p.githubRepo ?? '').length + (p.projectPage ?? '').length;
    day = [...papers].sort((a, b) => size(b) - size(a)).slice(0, 25);
  }, 60_000);

  it('splits into messages of at most 50 blocks, never splitting a paper, each within every limit', () => {
    const digest = buildDigest(day, { date: '2026-08-20', top: 25 });
    const messages = formatDigest(digest);
    // 2 header blocks + 25 × (section + context) = 52 blocks: one message cannot hold them.
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(limitViolations(message)).toEqual([]);
      expect(unsafeSequences(message)).toEqual([]);
      const types = layout(message);
      expect(types.filter((type) => type === 'section')).toHaveLength(types.filter((type) => type === 'context').length - 1);
    }
    expect(visible(messages[1]).split('\n')[0]).toBe('Daily papers: 2026-08-20, continued (part 2)');
    const numbers = messages.flatMap((m) => [...visible(m).matchAll(/^\*(\d+)\.\*/gm)].map((match) => Number(match[1])));
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(messages.map((m) => m.text).join('\n')).toContain(`• ${digest.entries[24]!.title}`);
  });

  it('fits a 10-paper day (the default) in one message', () => {
    expect(formatDigest(buildDigest(day, { date: '2026-08-20', top: 10 }))).toHaveLength(1);
  });
});
