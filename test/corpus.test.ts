import { mkdtemp, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadCorpusFile, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { parsePageText } from '../src/corpus/page-text.js';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import { parseJsonLines } from '../src/corpus/json-lines.js';
import { CorpusError } from '../src/errors.js';

const SAMPLES = '../shared/corpus/hf-daily-samples';

async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'paperbot-corpus-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('the Daily Papers page text (the shipped corpus)', () => {
  it('reads all 106 papers, each with its title, abstract and the page date', async () => {
    const papers = await loadCorpusFile(DEFAULT_CORPUS_PATH);
    expect(papers).toHaveLength(106);
    expect(papers[0]).toMatchObject({
      id: 'improving-efficient-neural-ranking-models-with-cross-architecture-knowledge-dist',
      title: 'Improving Efficient Neural Ranking Models with Cross-Architecture Knowledge Distillation',
      published: 'Mar 13',
      source: 'hf-page',
    });
    expect(papers[0]!.abstract).toMatch(/^Retrieval and ranking models are the backbone/);
    expect(new Set(papers.map((p) => p.id)).size).toBe(106);
  });

  it('keeps the date as the page gives it, without inventing a year', () => {
    const [paper] = parsePageText('new\n\nSubscribe\n\nMar 13\n\nA Title\n\nAn abstract.\n', 'page.txt');
    expect(paper!.published).toBe('Mar 13');
  });

  it('fails loudly, naming the file and line, when a title has no abstract', () => {
    expect(() => parsePageText('Mar 13\n\nFirst title\n\nIts abstract.\n\nOrphan title\n', 'page.txt')).toThrow(
      /page\.txt:7: expected an abstract after the title "Orphan title"/,
    );
  });

  it('fails loudly when there is no date line', () => {
    expect(() => parsePageText('Just some text\n\nand more', 'notes.txt')).toThrow(CorpusError);
  });
});

describe('Hugging Face api/daily_papers responses', () => {
  it('maps the 2026 shape: arXiv id, authors, upvotes, GitHub, project page, AI summary and keywords, dates', async () => {
    const papers = await loadCorpusFile(`${SAMPLES}/daily_papers_2026-08-20.json`);
    expect(papers).toHaveLength(15);
    expect(papers[0]).toMatchObject({
      id: '2608.16590',
      arxivId: '2608.16590',
      upvotes: 92,
      githubRepo: 'https://github.com/air-embodied-brain/Zetta-Embodiment',
      githubStars: 152,
      projectPage: 'https://air-embodied-brain.github.io/zetta/',
      published: '2026-08-17',
      featuredOn: '2026-08-20',
      source: 'hf-api',
    });
    expect(papers[0]!.authors).toContain('Xin Ding');
    expect(papers[0]!.aiKeywords).toContain('Z-Infra');
  });

  it('reads the byte-exact 2024 response, whose optional fields are missing', async () => {
    const papers = await loadCorpusFile(`${SAMPLES}/daily_papers_2024-04-03.raw.json`);
    expect(papers).toHaveLength(11);
    expect(papers[0]).toMatchObject({ id: '2404.02078', title: 'Advancing LLM Reasoning Generalists with Preference Trees', featuredOn: '2024-04-03' });
    expect(papers[0]!.githubRepo).toBeUndefined();
  });

  it('drops a link that is not http(s), and tolerates wrongly typed optional fields', () => {
    const [paper] = parseHfDailyPapers(
      [{ paper: { id: '2501.00001v2', title: 'T', summary: 'S.', authors: [{ name: 'A' }], githubRepo: 'javascript:alert(1)', upvotes: 'many' } }],
      'response',
    );
    expect(paper!.id).toBe('2501.00001');
    expect(paper!.upvotes).toBeUndefined();
    expect(paper!.githubRepo).toBeUndefined();
  });

  it('names the entry that lacks a required field', () => {
    expect(() => parseHfDailyPapers([{ paper: { id: '1', title: 'T', authors: [] } }], 'day.json')).toThrow(/day\.json: entry 1: expected paper\.summary/);
  });
});

describe('JSON Lines', () => {
  it('reads gzip and plain files alike', async () => {
    const lines = '{"id":"2503.11677","title":"A","abstract":"First."}\n{"id":"2503.11678v3","title":"B","abstract":"Second.","authors":["X"],"published":"2025-03-18"}\n';
    const plain = await loadCorpusFile(await tempFile('papers.jsonl', lines));
    const gzipped = await loadCorpusFile(await tempFile('papers.jsonl.gz', gzipSync(lines)));
    expect(gzipped).toEqual(plain);
    expect(plain.map((p) => p.id)).toEqual(['2503.11677', '2503.11678']);
  });

  it('reports a bad record with its line and loads the rest', () => {
    const result = parseJsonLines('{"id":"1","title":"Good","abstract":"Fine."}\n{"title": "no abstract"}\nnot json\n');
    expect(result.papers).toHaveLength(1);
    expect(result.skipped).toEqual([
      { line: 2, reason: expect.stringMatching(/abstract/) },
      { line: 3, reason: 'expected a JSON object on this line' },
    ]);
  });

  it('names the file when gzip data is truncated', async () => {
    const truncated = gzipSync('{"title":"A","abstract":"B"}\n'.repeat(50)).subarray(0, 30);
    const path = await tempFile('cut.jsonl.gz', truncated);
    await expect(loadCorpusFile(path)).rejects.toThrow(/cut\.jsonl\.gz: expected gzip data/);
  });
});

describe('ids and duplicates', () => {
  it('uses the version-less arXiv id when known, else the title slug cut to 80 characters', () => {
    const { papers } = parseJsonLines(
      '{"id":"2503.11677v2","title":"With Id","abstract":"A."}\n{"title":"Lift3D Foundation Policy: Lifting 2D Large-Scale Pretrained Models for Robust 3D Robotic Manipulation","abstract":"B."}\n',
    );
    expect(papers.map((p) => p.id)).toEqual(['2503.11677', 'lift3d-foundation-policy-lifting-2d-large-scale-pretrained-models-for-robust-3d']);
  });

  it('merges records of the same paper across files, never listing it twice', async () => {
    const first = await tempFile('a.jsonl', '{"id":"2404.02078","title":"Advancing LLM Reasoning Generalists with Preference Trees","abstract":"Old."}\n');
    const papers = await loadCorpus([first, `${SAMPLES}/daily_papers_2024-04-03.raw.json`]);
    const merged = papers.filter((p) => p.id === '2404.02078');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.upvotes).toBe(31);
  });

  it('fails with the file name when a file is missing', async () => {
    await expect(loadCorpus(['nowhere.jsonl'])).rejects.toThrow('nowhere.jsonl: file not found');
  });
});
