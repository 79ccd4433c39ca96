import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHILD_BUILD_MIN_BYTES, openLibrary, type LibraryOptions, type ReadyEvent } from '../src/library.js';
import { DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import type { SkippedRecord } from '../src/corpus/json-lines.js';
import { CorpusError } from '../src/errors.js';
import { buildInChild, ChildBuildFailure } from '../src/library/build-in-child.js';
import { childExecArgv } from '../src/library/child-exec-argv.js';

const QUESTIONS = ['spike-aware adam momentum reset', 'what is an attention sink?', 'how does attention work in vision transformers?'];

async function freshDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'paperbot-child-build-'));
}

/** The seed, plus a JSON Lines file with two good papers and two bad records (lines 2 and 4). */
async function corpusWithBadRecords(dir: string): Promise<string[]> {
  const seed = join(dir, 'seed.txt');
  await cp(DEFAULT_CORPUS_PATH, seed);
  const lines = [
    JSON.stringify({ id: '2601.00001', title: 'Quokka Counting with Drones', abstract: 'We count quokkas from the air.' }),
    '{"id": "cut short',
    JSON.stringify({ id: '2601.00002', title: 'Wombat Burrows at Scale', abstract: 'We map wombat burrows.' }),
    JSON.stringify({ id: '2601.00003', title: 'No Abstract Here' }),
  ];
  const extra = join(dir, 'extra.jsonl');
  await writeFile(extra, `${lines.join('\n')}\n`);
  return [seed, extra];
}

/** Opens the library and keeps what it reported. */
async function open(options: LibraryOptions) {
  const events: ReadyEvent[] = [];
  const skipped: { file: string; record: SkippedRecord }[] = [];
  const index = await openLibrary({ ...options, onReady: (event) => events.push(event), onSkip: (file, record) => skipped.push({ file, record }) });
  return { index, events, skipped };
}

describe('openLibrary, building in a child process', () => {
  it('builds and saves there, then serves the saved index with the same answers as a build in this process', async () => {
    const dir = await freshDir();
    const corpusPaths = await corpusWithBadRecords(dir);
    const child = await open({ corpusPaths, cacheDir: join(dir, 'child-cache'), buildInChild: true });
    const here = await open({ corpusPaths, cacheDir: join(dir, 'here-cache'), buildInChild: false });
    expect(child.events).toEqual([expect.objectContaining({ source: 'built', papers: 108, child: { peakRssBytes: expect.any(Number) } })]);
    expect(Object.keys(child.events[0]!.phases!)).toEqual(['read', 'index', 'save', 'load']);
    expect(here.events[0]!.child).toBeUndefined();
    for (const question of QUESTIONS) expect(child.index.answer(question)).toEqual(here.index.answer(question));
    expect(child.index.search('quokkas')).toEqual(here.index.search('quokkas'));
    expect(child.index.suggestTitles('wom')).toEqual(here.index.suggestTitles('wom'));
    expect(child.index.papers()).toEqual(here.index.papers());
  });

  it('passes each skipped corpus record on once, with its file and line, as a build here does', async () => {
    const dir = await freshDir();
    const corpusPaths = await corpusWithBadRecords(dir);
    const child = await open({ corpusPaths, cacheDir: join(dir, 'child-cache'), buildInChild: true });
    const here = await open({ corpusPaths, cacheDir: join(dir, 'here-cache'), buildInChild: false });
    expect(child.skipped.map(({ file, record }) => [file, record.line])).toEqual([[corpusPaths[1], 2], [corpusPaths[1], 4]]);
    expect(child.skipped).toEqual(here.skipped);
  });

  it('builds the seed here, and a corpus of CHILD_BUILD_MIN_BYTES or more in a child, unless told', async () => {
    const dir = await freshDir();
    const seed = await open({ cacheDir: join(dir, 'seed-cache') });
    expect(seed.events[0]).toMatchObject({ source: 'built' });
    expect(seed.events[0]!.child).toBeUndefined();
    const large = join(dir, 'large.jsonl');
    await writeFile(large, syntheticPapers(CHILD_BUILD_MIN_BYTES));
    const built = await open({ corpusPaths: [large], cacheDir: join(dir, 'large-cache') });
    expect(built.events[0]!.child).toBeDefined();
    // With nowhere to save the index, there is nothing for a child to hand over.
    const unsaved = await open({ corpusPaths: [large] });
    expect(unsaved.events[0]!.child).toBeUndefined();
  });

  it('rebuilds a damaged saved index there too', async () => {
    const dir = await freshDir();
    const corpusPaths = await corpusWithBadRecords(dir);
    const cacheDir = join(dir, 'cache');
    const first = await open({ corpusPaths, cacheDir, buildInChild: true });
    for (const name of await readdir(cacheDir)) await writeFile(join(cacheDir, name), '{"cut sho');
    const again = await open({ corpusPaths, cacheDir, buildInChild: true });
    expect(again.events).toEqual([expect.objectContaining({ source: 'built', papers: 108, child: expect.any(Object) })]);
    expect(again.index.answer(QUESTIONS[0]!)).toEqual(first.index.answer(QUESTIONS[0]!));
    expect((await open({ corpusPaths, cacheDir })).events[0]!.source).toBe('loaded');
  });

  it('throws a bad corpus file as the same CorpusError a build here throws', async () => {
    const dir = await freshDir();
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"title": "no abstract"}\n{"title": "nor here"}\n');
    const here = await openLibrary({ corpusPaths: [bad], cacheDir: join(dir, 'here-cache'), buildInChild: false }).catch((error: unknown) => error);
    const child = await openLibrary({ corpusPaths: [bad], cacheDir: join(dir, 'child-cache'), buildInChild: true }).catch((error: unknown) => error);
    expect(here).toBeInstanceOf(CorpusError);
    expect(child).toBeInstanceOf(CorpusError);
    expect(child).toMatchObject({ message: (here as CorpusError).message, file: bad, line: 1 });
  });

  it('builds here, and serves, when the child cannot save the index; skipped records are told once', async () => {
    const dir = await freshDir();
    const corpusPaths = await corpusWithBadRecords(dir);
    const cacheDir = join(dir, 'cache');
    await writeFile(cacheDir, 'a file where the cache folder should be');
    const { index, events, skipped } = await open({ corpusPaths, cacheDir, buildInChild: true });
    expect(events).toEqual([expect.objectContaining({ source: 'built', papers: 108, notSaved: expect.stringMatching(/EEXIST|ENOTDIR/) })]);
    expect(events[0]!.child).toBeUndefined();
    expect(skipped).toHaveLength(2);
    expect(index.answer('quokkas').results[0]?.paper.id).toBe('2601.00001');
  });

  it('builds here when the child crashes, and says why', async () => {
    const dir = await freshDir();
    const corpusPaths = await corpusWithBadRecords(dir);
    const cacheDir = join(dir, 'cache');
    // Children inherit this process's Node flags: a heap too small to load the code makes the child run out of memory.
    process.execArgv.push('--max-old-space-size=4');
    const opened = await open({ corpusPaths, cacheDir, buildInChild: true }).finally(() => process.execArgv.pop());
    expect(opened.events).toEqual([expect.objectContaining({ source: 'built', papers: 108, childFailed: expect.stringMatching(/ended \(SIGABRT|exit code/) })]);
    expect(opened.events[0]!.childFailed).toMatch(/heap/i);
    expect(opened.skipped).toHaveLength(2);
    // This process saved what it built: the next start loads it.
    const next = await open({ corpusPaths, cacheDir, buildInChild: true });
    expect(next.events[0]!.source).toBe('loaded');
    expect(next.index.answer(QUESTIONS[0]!)).toEqual(opened.index.answer(QUESTIONS[0]!));
  });
});

describe('buildInChild', () => {
  const job = { corpusPaths: [DEFAULT_CORPUS_PATH], cacheDir: join(tmpdir(), 'paperbot-never-written'), fingerprint: 'x' };

  it('fails with the exit code and what the child wrote when the child ends without a result', async () => {
    const entry = new URL('fixtures/child-build/exits-without-result.ts', import.meta.url);
    const failure = await buildInChild(job, { entry }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChildBuildFailure);
    expect((failure as Error).message).toMatch(/ended \(exit code 3\) without a result:\nno index today/);
  });

  it('stops a child that sends a message it does not understand, and fails rather than wait for it', async () => {
    const entry = new URL('fixtures/child-build/sends-nonsense.ts', import.meta.url);
    const failure = await buildInChild(job, { entry }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChildBuildFailure);
    expect((failure as Error).message).toMatch(/unreadable message/);
  });
});

describe('childExecArgv', () => {
  const entry = new URL('file:///app/src/library/child-build-entry.ts');

  it('keeps the parent flags, tsx loader included, and adds none', () => {
    expect(childExecArgv(entry, ['--expose-gc', '--import', 'tsx'])).toEqual(['--expose-gc', '--import', 'tsx']);
    const tsxCli = ['--require', '/app/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///app/node_modules/tsx/dist/loader.mjs'];
    expect(childExecArgv(entry, tsxCli)).toEqual(tsxCli);
  });

  it('adds tsx for a TypeScript child when the parent loads TypeScript some other way (vitest)', () => {
    expect(childExecArgv(entry, ['--conditions', 'node'])).toEqual(['--conditions', 'node', '--import', 'tsx']);
    expect(childExecArgv(new URL('file:///app/dist/library/child-build-entry.js'), [])).toEqual([]);
  });

  it('drops code given on the command line and the inspector, which the child must not run or wait for', () => {
    expect(childExecArgv(entry, ['--import', 'tsx', '-e', 'openLibrary()', '--inspect-brk=9229', '--print=1'])).toEqual(['--import', 'tsx']);
  });
});

/** JSON Lines of made-up papers, at least `bytes` long. */
function syntheticPapers(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const words = Array.from({ length: 300 }, (_, j) => `word${(i * 31 + j * 7) % 5000}`).join(' ');
    const line = JSON.stringify({ id: `2601.${String(i).padStart(5, '0')}`, title: `Synthetic paper ${i} on topic${i % 50}`, abstract: `${words}.` });
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}
