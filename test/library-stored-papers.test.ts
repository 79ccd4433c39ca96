import { copyFileSync, mkdtempSync } from 'node:fs';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, SNAPSHOT_MIN_PAPERS, type ReadyEvent, type StoredPapers } from '../src/library.js';
import { DEFAULT_CORPUS_PATH, loadCorpusFile } from '../src/corpus/load.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import type { Paper } from '../src/types.js';
import { snapshotFits } from '../src/library/stored-papers.js';

/** A year of Hugging Face daily papers; each test stores some of them beside the seed corpus. */
let hfPapers: Paper[];
beforeAll(async () => {
  hfPapers = await loadCorpusFile('../shared/corpus/hf-daily-papers.jsonl.gz');
});

/** Enough papers for a start that adds them to save a snapshot. */
const enough = () => hfPapers.slice(0, SNAPSHOT_MIN_PAPERS);

function freshDirs() {
  const root = mkdtempSync(join(tmpdir(), 'paperbot-stored-'));
  return { root, corpus: join(root, 'seed.txt'), cacheDir: join(root, 'cache'), databasePath: join(root, 'paperbot.sqlite') };
}

async function setUp() {
  const dirs = freshDirs();
  await cp(DEFAULT_CORPUS_PATH, dirs.corpus);
  return dirs;
}

/** A corpus folder beside a database (in memory) that holds `papers`. */
async function setUpWithStored(papers: readonly Paper[]) {
  const dirs = await setUp();
  const store = await openSqliteStore(':memory:');
  await store.upsertPapers(papers);
  return { ...dirs, store };
}

/** Opens the library as `npm start` does, and returns the index with its ready event. */
async function start(corpus: string, cacheDir: string | undefined, storedPapers: StoredPapers) {
  let ready: ReadyEvent | undefined;
  const index = await openLibrary({ corpusPaths: [corpus], cacheDir, storedPapers, onReady: (event) => (ready = event) });
  return { index, ready: ready! };
}

/** Runs `use` with the database at `path` open, as one start of the bot would. */
async function withStore<T>(path: string, use: (store: Store) => T | Promise<T>): Promise<T> {
  const store = await openSqliteStore(path);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const SEED_PAPERS = 106;
const QUESTIONS = ['spike-aware adam momentum reset', 'code interpreter beats GPT-4 on HumanEval', 'AutoCoder'];

describe('openLibrary with stored papers', () => {
  it('saves no snapshot when the stored papers are the corpus\'s own, since adding them again changes nothing', async () => {
    const many = hfPapers.slice(0, SNAPSHOT_MIN_PAPERS);
    const { root, cacheDir } = freshDirs();
    const corpus = join(root, 'corpus.jsonl');
    await writeFile(corpus, many.map((paper) => JSON.stringify(paper)).join('\n'));
    const store = await openSqliteStore(':memory:');
    await store.upsertPapers(many);
    const first = await start(corpus, cacheDir, store);
    expect(first.ready.stored).toEqual({ revision: 1, summary: { added: 0, updated: 0, unchanged: SNAPSHOT_MIN_PAPERS } });
  });

  it('saves a snapshot with the stored papers, and a restart adds only those stored since', async () => {
    const { corpus, cacheDir, store } = await setUpWithStored(enough());
    const first = await start(corpus, cacheDir, store);
    expect(first.ready.stored).toEqual({ revision: 1, summary: { added: SNAPSHOT_MIN_PAPERS, updated: 0, unchanged: 0 }, snapshotSaved: 1 });
    expect(first.ready.papers).toBe(SEED_PAPERS + SNAPSHOT_MIN_PAPERS);

    const newer = hfPapers.slice(SNAPSHOT_MIN_PAPERS, SNAPSHOT_MIN_PAPERS + 5);
    const bumped = { ...hfPapers[0]!, upvotes: (hfPapers[0]!.upvotes ?? 0) + 100 };
    await store.upsertPapers([...newer, bumped, hfPapers[1]!]);
    const second = await start(corpus, cacheDir, store);
    expect(second.ready.source).toBe('loaded');
    // hfPapers[1] came in again unchanged: the store kept its revision, so it is not even offered.
    expect(second.ready.stored).toEqual({ revision: 2, snapshot: 1, summary: { added: 5, updated: 1, unchanged: 0 } });
    expect(second.ready.papers).toBe(SEED_PAPERS + SNAPSHOT_MIN_PAPERS + 5);
    expect(second.index.paper(bumped.id)?.upvotes).toBe(bumped.upvotes);

    // The same answers as an index built from the corpus with every stored paper added.
    const fresh = await start(corpus, undefined, store);
    for (const question of QUESTIONS) expect(second.index.answer(question)).toEqual(fresh.index.answer(question));
    // The corpus index and one snapshot (its three files and its mark).
    expect(await readdir(cacheDir)).toHaveLength(7);
    await store.close();
  });

  it('adds nothing on a restart when nothing was stored since the snapshot', async () => {
    const { corpus, cacheDir, store } = await setUpWithStored(enough());
    await start(corpus, cacheDir, store);
    const again = await start(corpus, cacheDir, store);
    expect(again.ready.stored).toEqual({ revision: 1, snapshot: 1, summary: { added: 0, updated: 0, unchanged: 0 } });
    await store.close();
  });

  it('saves no snapshot for fewer stored papers than SNAPSHOT_MIN_PAPERS, and adds them all at each start', async () => {
    const { corpus, cacheDir, store } = await setUpWithStored(hfPapers.slice(0, 20));
    await start(corpus, cacheDir, store);
    const again = await start(corpus, cacheDir, store);
    // Each start begins from the corpus index alone, so they are added again: 20 papers cost about 10 ms.
    expect(again.ready.stored).toEqual({ revision: 1, summary: { added: 20, updated: 0, unchanged: 0 } });
    expect(await readdir(cacheDir)).toHaveLength(3);
    await store.close();
  });

  it('leaves the snapshot aside when the corpus changes, and removes it with the old corpus index', async () => {
    const { corpus, cacheDir, store } = await setUpWithStored(enough());
    await start(corpus, cacheDir, store);
    await writeFile(corpus, 'Mar 14\n\nA Brand New Paper on Quokkas\n\nQuokkas are studied here.\n');
    const changed = await start(corpus, cacheDir, store);
    expect(changed.ready.source).toBe('built');
    expect(changed.ready.stored).toEqual({ revision: 1, summary: { added: SNAPSHOT_MIN_PAPERS, updated: 0, unchanged: 0 }, snapshotSaved: 1 });
    expect(changed.ready.papers).toBe(1 + SNAPSHOT_MIN_PAPERS);
    expect(changed.index.answer('quokkas').results[0]?.paper.title).toBe('A Brand New Paper on Quokkas');
    expect(await readdir(cacheDir)).toHaveLength(7);
    await store.close();
  });

  it.each([
    ['index.json', 'its files are damaged'],
    ['sequences.bin', 'its files are damaged'],
    ['mark.json', 'its mark file is damaged'],
  ])('falls back to the corpus index and every stored paper when the snapshot %s is damaged', async (kind, reason) => {
    const { corpus, cacheDir, store } = await setUpWithStored(enough());
    await start(corpus, cacheDir, store);
    const file = (await readdir(cacheDir)).find((name) => name.includes('.r1.') && name.endsWith(kind))!;
    await writeFile(join(cacheDir, file), kind.endsWith('.bin') ? Buffer.from(Uint32Array.of(0xffffffff, 7, 7).buffer) : '{"cut sho');
    const restarted = await start(corpus, cacheDir, store);
    expect(restarted.ready.stored).toEqual({ revision: 1, snapshotRejected: reason, summary: { added: SNAPSHOT_MIN_PAPERS, updated: 0, unchanged: 0 }, snapshotSaved: 1 });
    expect(restarted.index.answer('AutoCoder').results[0]?.paper.title).toMatch(/AutoCoder/);
    // The damaged snapshot was replaced by a good one.
    expect((await start(corpus, cacheDir, store)).ready.stored?.snapshot).toBe(1);
    await store.close();
  });

  it('ignores a snapshot taken from another database, and one the database was put back from', async () => {
    const { root, corpus, cacheDir, databasePath } = await setUp();
    await withStore(databasePath, (store) => store.upsertPapers(hfPapers.slice(0, 10)));
    // Closed, the database is one file: its write-ahead log was folded in.
    const backup = join(root, 'backup.sqlite');
    copyFileSync(databasePath, backup);
    await withStore(databasePath, (store) => store.upsertPapers(enough()));
    const first = await withStore(databasePath, (store) => start(corpus, cacheDir, store));
    expect(first.ready.stored?.snapshotSaved).toBe(2);

    // Put back from the copy, then given other papers: revision 2 is theirs now.
    copyFileSync(backup, databasePath);
    const other = hfPapers.slice(SNAPSHOT_MIN_PAPERS, SNAPSHOT_MIN_PAPERS + 30);
    await withStore(databasePath, (store) => store.upsertPapers(other));
    const restored = await withStore(databasePath, (store) => start(corpus, cacheDir, store));
    expect(restored.ready.stored).toEqual({
      revision: 2,
      snapshotRejected: 'the store does not have the papers it was taken with (revision 2)',
      summary: { added: 40, updated: 0, unchanged: 0 },
    });
    expect(restored.index.paper(hfPapers[500]!.id)).toBeUndefined();
    // Rejected snapshots are removed: fewer papers than a snapshot needs were added, so none was saved instead.
    expect(await readdir(cacheDir)).toHaveLength(3);
  });

  it('ignores a snapshot when the database was replaced by an empty one', async () => {
    const { corpus, cacheDir, store } = await setUpWithStored(enough());
    await start(corpus, cacheDir, store);
    const empty = await openSqliteStore(':memory:');
    const restarted = await start(corpus, cacheDir, empty);
    expect(restarted.ready.stored?.snapshotRejected).toMatch(/does not have the papers/);
    expect(restarted.ready.papers).toBe(SEED_PAPERS);
    await store.close();
    await empty.close();
  });
});

describe('snapshotFits', () => {
  // Taken when the store was at revision 2, with a stored at revision 1 and b at 2.
  const mark = { revision: 2, papers: new Map([['a', 1], ['b', 2]]) };

  it('fits the store it was taken from, whatever changed after it', () => {
    expect(snapshotFits(mark, new Map([['a', 1], ['b', 2]]))).toBe(true);
    expect(snapshotFits(mark, new Map([['a', 3], ['b', 2], ['c', 4]]))).toBe(true);
  });

  it('does not fit a store that lost a paper, has one at another revision up to its own, or one it never saw', () => {
    // b is gone: another database, or an older copy.
    expect(snapshotFits(mark, new Map([['a', 1]]))).toBe(false);
    // a changed at revision 2 in this store's history, not at 1.
    expect(snapshotFits(mark, new Map([['a', 2], ['b', 2]]))).toBe(false);
    // c was stored by revision 2, yet the snapshot does not hold it: a copy put back and written to again.
    expect(snapshotFits(mark, new Map([['a', 1], ['b', 2], ['c', 2]]))).toBe(false);
  });
});
