import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHILD_BUILD_MIN_BYTES, openLibrary, type LibraryOptions, type ReadyEvent } from '../src/library.js';
import { DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import type { SkippedRecord } from '../src/corpus/json-lines.js';
import { CorpusError } from '../src/errors.js';
import { buildInChild, ChildBuildFailure } from '../src/library/build-in-child.js';
import { CHILD_MIN_OLD_SPACE_MIB, childExecArgv } from '../src/library/child-exec-argv.js';
import { childOf, cpuSeconds, isRunning, waitFor } from './helpers/processes.js';

/** 74,728 arXiv cs abstracts (41 MB gzip): a build of 15 s or more. */
const LARGE_CORPUS = '../shared/corpus/arxiv-cs-daily.jsonl.gz';

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

function fixture(name: string): URL {
  return new URL(`fixtures/child-build/${name}`, import.meta.url);
}

/** Runs `work` with `flags` added to this process's Node flags, which child processes inherit (see childExecArgv). */
async function withChildFlags<T>(flags: string[], work: () => Promise<T>): Promise<T> {
  process.execArgv.push(...flags);
  try {
    return await work();
  } finally {
    process.execArgv.splice(-flags.length);
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
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
    const opened = await withChildFlags(['--import', fixture('crashes.mjs').href], () => open({ corpusPaths, cacheDir, buildInChild: true }));
    expect(opened.events).toEqual([expect.objectContaining({ source: 'built', papers: 108, childFailed: expect.stringMatching(/ended \(exit code 1\) without a result/) })]);
    expect(opened.events[0]!.childFailed).toMatch(/this child crashed on purpose/);
    expect(opened.skipped).toHaveLength(2);
    // This process saved what it built: the next start loads it.
    const next = await open({ corpusPaths, cacheDir, buildInChild: true });
    expect(next.events[0]!.source).toBe('loaded');
    expect(next.index.answer(QUESTIONS[0]!)).toEqual(opened.index.answer(QUESTIONS[0]!));
  });

  it('stops a child that takes longer than allowed, then builds here as for any failure of the child, and says why', async () => {
    const dir = await freshDir();
    const corpusPaths = await corpusWithBadRecords(dir);
    const cacheDir = join(dir, 'cache');
    const started = performance.now();
    const opened = await withChildFlags(['--import', fixture('hangs-deaf-to-sigterm.mjs').href], () => open({ corpusPaths, cacheDir, buildInChild: true, childBuildTimeoutMs: 1000 }));
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(opened.events).toEqual([expect.objectContaining({ source: 'built', papers: 108, childFailed: expect.stringMatching(/had not finished after 1 s and was stopped/) })]);
    expect(opened.events[0]!.childFailed).toMatch(/deaf to SIGTERM/);
    expect(opened.skipped).toHaveLength(2);
    expect(opened.index.answer('quokkas').results[0]?.paper.id).toBe('2601.00001');
    expect((await open({ corpusPaths, cacheDir })).events[0]!.source).toBe('loaded');
  });

  it('gives the child the memory a build needs, whatever heap cap this process runs under', async () => {
    const dir = await freshDir();
    const corpusPaths = await corpusWithBadRecords(dir);
    // 4 MiB of heap cannot even load the code: a child held to it would run out of memory at once.
    const onCommandLine = await withChildFlags(['--max-old-space-size=4'], () => open({ corpusPaths, cacheDir: join(dir, 'flag-cache'), buildInChild: true }));
    expect(onCommandLine.events).toEqual([expect.objectContaining({ source: 'built', papers: 108, child: expect.any(Object) })]);
    expect(onCommandLine.events[0]!.childFailed).toBeUndefined();
    const nodeOptions = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --max-old-space-size=4`;
    const inEnvironment = await open({ corpusPaths, cacheDir: join(dir, 'env-cache'), buildInChild: true }).finally(() => restoreEnv('NODE_OPTIONS', nodeOptions));
    expect(inEnvironment.events).toEqual([expect.objectContaining({ source: 'built', papers: 108, child: expect.any(Object) })]);
    expect(inEnvironment.events[0]!.childFailed).toBeUndefined();
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

  it('kills a child that outlives its time and ignores SIGTERM, and fails saying so', async () => {
    const entry = fixture('hangs-deaf-to-sigterm.mjs');
    const started = performance.now();
    const failure = await buildInChild(job, { entry, timeoutMs: 500 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChildBuildFailure);
    expect((failure as Error).message).toMatch(/had not finished after 0.5 s and was stopped:\nwaiting forever, deaf to SIGTERM/);
    // SIGTERM did nothing: SIGKILL came after the grace period.
    expect(performance.now() - started).toBeGreaterThan(2000);
  });

  it('ends soon after its parent is killed, even in the middle of indexing, and saves nothing', async () => {
    const cacheDir = await freshDir();
    const parent = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(fixture('parent-of-build.ts')), LARGE_CORPUS, cacheDir], { stdio: 'ignore' });
    try {
      // tsx has a child process of its own (esbuild).
      let child = 0;
      await waitFor('the child process', () => (child = childOf(parent.pid!, 'child-build-entry') ?? 0) > 0, 20_000);
      // By 2 s of processor time it has started Node and is reading or indexing 75k papers: 15 s or more in
      // synchronous steps, during which it handles no event.
      await waitFor('the child to be busy building', () => cpuSeconds(child) >= 2, 30_000);
      parent.kill('SIGKILL');
      const killed = performance.now();
      await waitFor('the orphaned child to end', () => !isRunning(child), 5_000);
      expect(performance.now() - killed).toBeLessThan(2000);
    } finally {
      parent.kill('SIGKILL');
    }
    expect(await readdir(cacheDir)).toEqual([]);
  });
});

describe('childExecArgv', () => {
  const entry = new URL('file:///app/src/library/child-build-entry.ts');
  const heapLimit = (mebibytes: number) => mebibytes * 2 ** 20;
  /** What V8 gives itself on a 64-bit machine with 16 GB or more: 4,096 MiB of old space and 48 of new. */
  const DEFAULT_HEAP = heapLimit(4144);

  it('keeps the parent flags, tsx loader included, and adds only a heap limit', () => {
    expect(childExecArgv(entry, ['--expose-gc', '--import', 'tsx'], DEFAULT_HEAP)).toEqual(['--expose-gc', '--import', 'tsx', '--max-old-space-size=4144']);
    const tsxCli = ['--require', '/app/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///app/node_modules/tsx/dist/loader.mjs'];
    expect(childExecArgv(entry, tsxCli, DEFAULT_HEAP)).toEqual([...tsxCli, '--max-old-space-size=4144']);
  });

  it('adds tsx for a TypeScript child when the parent loads TypeScript some other way (vitest)', () => {
    expect(childExecArgv(entry, ['--conditions', 'node'], DEFAULT_HEAP)).toEqual(['--conditions', 'node', '--import', 'tsx', '--max-old-space-size=4144']);
    expect(childExecArgv(new URL('file:///app/dist/library/child-build-entry.js'), [], DEFAULT_HEAP)).toEqual(['--max-old-space-size=4144']);
  });

  it('drops code given on the command line and the inspector, which the child must not run or wait for', () => {
    const parentArgv = ['--import', 'tsx', '-e', 'openLibrary()', '--inspect-brk=9229', '--print=1'];
    expect(childExecArgv(entry, parentArgv, DEFAULT_HEAP)).toEqual(['--import', 'tsx', '--max-old-space-size=4144']);
  });

  it('lifts a heap cap too small for a build to CHILD_MIN_OLD_SPACE_MIB, and keeps a larger one', () => {
    const lifted = ['--import', 'tsx', `--max-old-space-size=${CHILD_MIN_OLD_SPACE_MIB}`];
    for (const cap of ['--max-old-space-size=512', '--max_old_space_size=512', '--max-heap-size=560']) {
      expect(childExecArgv(entry, ['--import', 'tsx', cap], heapLimit(560))).toEqual(lifted);
    }
    // A cap set in NODE_OPTIONS is in no argv, only in the heap's limit; the child's flag overrides it.
    expect(childExecArgv(entry, ['--import', 'tsx'], heapLimit(560))).toEqual(lifted);
    expect(childExecArgv(entry, ['--import', 'tsx', '--max-old-space-size=8192'], heapLimit(8240))).toEqual(['--import', 'tsx', '--max-old-space-size=8240']);
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
