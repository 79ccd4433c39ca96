import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Paper, PaperMatch } from '../src/types.js';
import { loadCorpus } from '../src/corpus/load.js';
import { escapeMrkdwn, mrkdwnLink, safeUrl } from '../adapters/slack/escape.js';
import { questionFromText } from '../adapters/slack/incoming-text.js';
import { formatAnswer } from '../adapters/slack/format/answer.js';
import { formatSearchPage } from '../adapters/slack/format/search.js';
import { formatPaper, formatSimilar } from '../adapters/slack/format/paper.js';
import { decodeView, encodeView } from '../adapters/slack/views.js';
import { SLACK_LIMITS } from '../adapters/slack/limits.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';

const CORPUS = ['/work/shared/corpus/arxiv-cs-daily.jsonl.gz', '/work/shared/corpus/hf-daily-papers.jsonl.gz'];

const match = (paper: Paper, snippet = paper.abstract): PaperMatch => ({ paper, score: 1, snippet, matchedTerms: ['attention'] });
const answerOf = (papers: Paper[], question = 'what is attention?'): Answer => ({
  kind: 'answered', question, answer: { text: papers[0]!.abstract, paperId: papers[0]!.id, paper: papers[0]! }, results: papers.map((p) => match(p)), suggestions: [],
});
const paper = (fields: Partial<Paper>): Paper => ({ id: 'p1', title: 'A paper', abstract: 'An abstract.', authors: [], source: 'jsonl', ...fields });

describe('mrkdwn escaping', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & b <!channel> *bold* _it_ `code`')).toBe('a &amp; b &lt;!channel&gt; *bold* _it_ `code`');
  });

  it('makes links only of plain http(s) URLs, with the label escaped', () => {
    expect(mrkdwnLink('https://arxiv.org/abs/2501.00001', 'A <b> & C | D')).toBe('<https://arxiv.org/abs/2501.00001|A &lt;b&gt; &amp; C ｜ D>');
    expect(safeUrl('https://github.com/x?a=1&b=2')).toBe('https://github.com/x?a=1&amp;b=2');
    // A third-party link that would close the link early and open a mention of its own is not linked at all.
    expect(mrkdwnLink('https://x.org/|<!channel>', 'Repo')).toBe('Repo');
    expect(mrkdwnLink('javascript:alert(1)', 'Repo')).toBe('Repo');
  });
});

describe('the question in incoming text', () => {
  it('drops mentions of the bot and keeps what the person typed (Slack sends typed &, <, > as entities)', () => {
    expect(questionFromText('<@UBOT> what is an &lt;b&gt;attention sink&lt;/b&gt; &amp; why?', 'UBOT')).toBe('what is an <b>attention sink</b> & why?');
    expect(questionFromText('<@UBOT|paperbot>   diffusion', 'UBOT')).toBe('diffusion');
  });

  it('turns other markup into the words a reader sees, so none of it can be sent back live', () => {
    expect(questionFromText('<!channel> ask <@U123> in <#C1|general> about <https://arxiv.org/abs/1|this> <!subteam^S1|@team>', 'UBOT'))
      .toBe('@channel ask @U123 in #general about this @team');
  });
});

describe('button state', () => {
  it('survives the round trip and refuses what this app did not write', () => {
    const view = { v: 'search', q: 'attention <sinks> & "quotes"', o: 10 } as const;
    expect(decodeView(encodeView(view))).toEqual(view);
    expect(decodeView('{"v":"search","q":"x","o":-1}')).toBeUndefined();
    expect(decodeView('{"v":"drop tables"}')).toBeUndefined();
    expect(decodeView('not json')).toBeUndefined();
  });

  it('is left out when it would not fit in a button value', () => {
    expect(encodeView({ v: 'answer', q: '"'.repeat(SLACK_LIMITS.buttonValue) })).toBeUndefined();
  });
});

describe('the limits fitter, on the longest real records', () => {
  let longest: Paper[];
  beforeAll(async () => {
    const papers = await loadCorpus(CORPUS);
    const size = (p: Paper) => p.abstract.length + p.title.length + p.authors.join(', ').length;
    longest = [...papers].sort((a, b) => size(b) - size(a)).slice(0, 60);
  }, 60_000);

  it('leaves "More results" out when the answer holds no more than it shows', () => {
    const message = formatAnswer(answerOf(longest.slice(0, 3)));
    expect(message.blocks.map((block) => block.type)).not.toContain('actions');
  });

  it('fits an answer quoting the longest abstract whole', () => {
    const message = formatAnswer(answerOf(longest.slice(0, 3)));
    expect(limitViolations(message)).toEqual([]);
    expect(unsafeSequences(message)).toEqual([]);
  });

  it('fits a search page of 60 results into 50 blocks, keeping the "More results" button', () => {
    const message = formatSearchPage({ query: 'long', results: longest.map((p) => match(p)), total: 500, offset: 0, suggestions: [] });
    expect(message.blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(limitViolations(message)).toEqual([]);
    expect(unsafeSequences(message)).toEqual([]);
  });

  it('fits every one of those papers shown in full, and as similar papers', () => {
    for (const p of longest) {
      expect(limitViolations(formatPaper(p)), p.id).toEqual([]);
      expect(unsafeSequences(formatPaper(p)), p.id).toEqual([]);
    }
    expect(limitViolations(formatSimilar(longest[0]!, longest.slice(1).map((p) => match(p))))).toEqual([]);
  });

  it('cuts a 40,000-character question to the header and the fallback text limits', () => {
    const question = 'attention '.repeat(4000);
    const message = formatAnswer({ ...answerOf(longest.slice(0, 1)), question });
    expect(limitViolations(message)).toEqual([]);
  });
});

describe('golden payloads', () => {
  const sink = paper({
    id: '2410.10781', arxivId: '2410.10781', title: 'When Attention Sink Emerges in Language Models: An Empirical View',
    abstract: 'Language Models (LMs) assign significant attention to the first token, even if it is not semantically important, which is known as attention sink.',
    authors: ['Xiangming Gu', 'Tianyu Pang', 'Chao Du', 'Qian Liu'], published: '2024-10-14', upvotes: 12, githubRepo: 'https://github.com/sail-sg/Attention-Sink',
  });
  const visual = paper({ id: 'see-what-you-are-told', title: 'See What You Are Told: Visual Attention Sink in Large Multimodal Models', abstract: 'Large multimodal models "see" images.', published: 'Mar 13' });
  const calibration = paper({ id: 'unveiling-hidden-attention-sinks', title: 'Unveiling and Harnessing Hidden Attention Sinks', abstract: 'Attention sinks & <calibration>.', authors: ['Zhongzhi Yu'] });

  it('an answer: header, cited sentence, one section per paper, context, "More results"', async () => {
    const answer: Answer = {
      kind: 'answered',
      question: 'what is an attention sink?',
      answer: { text: sink.abstract, paperId: sink.id, paper: sink },
      // Four results: three are shown, the fourth tells that "More results" has something to show.
      results: [match(sink, 'which is known as attention sink.'), match(visual), match(calibration), match(paper({ id: 'fourth' }))],
      suggestions: [],
    };
    await expect(JSON.stringify(formatAnswer(answer), null, 2)).toMatchFileSnapshot('./fixtures/slack-golden-answer.json');
  });

  it('a paper in full: title, byline, abstract, links, "Similar papers"', async () => {
    await expect(JSON.stringify(formatPaper(sink), null, 2)).toMatchFileSnapshot('./fixtures/slack-golden-paper.json');
  });
});

describe('mention safety in what papers say', () => {
  const hostile = paper({
    title: 'Pings <!channel> and <@U123> & <!subteam^S1> <https://evil.example|click>',
    abstract: 'We study <!here> and <!everyone>; also @channel, @here. See https://evil.example/x and <#C1>.',
    authors: ['<@U999>', 'Eve <!here>'],
    githubRepo: 'https://github.com/a/b|<!channel>',
    projectPage: 'https://ok.example/page?a=1&b=2',
    aiKeywords: ['<!everyone>'],
  });

  it('lets no mention, broadcast or foreign link through in any format', () => {
    const messages = [
      formatPaper(hostile),
      formatAnswer(answerOf([hostile], '<!channel> @here <@U1>')),
      formatSearchPage({ query: '<@U1>', results: [match(hostile)], total: 1, offset: 0, suggestions: [] }),
      formatSimilar(hostile, [match(hostile)]),
      formatAnswer({ kind: 'nothing-found', question: '<!here>', answer: null, results: [], suggestions: [hostile.title] }),
      formatAnswer({ kind: 'not-in-library', question: '<!channel> @here', answer: null, results: [match(hostile)], suggestions: [] }),
    ];
    for (const message of messages) expect(unsafeSequences(message)).toEqual([]);
    // The escaped words are still there for the reader to see.
    expect(JSON.stringify(messages[0])).toContain('&lt;!channel&gt;');
  });

  it('links the project page with its & escaped, and drops the forged GitHub link', () => {
    const text = JSON.stringify(formatPaper(hostile).blocks);
    expect(text).toContain('<https://ok.example/page?a=1&amp;b=2|Project page>');
    expect(text).not.toContain('|GitHub>');
  });
});
