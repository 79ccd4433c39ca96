import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../src/library.js';
import { DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';

async function freshDirs() {
  const root = await mkdtemp(join(tmpdir(), 'paperbot-library-'));
  const corpus = join(root, 'seed.txt');
  await cp(DEFAULT_CORPUS_PATH, corpus);
  return { corpus, cacheDir: join(root, 'cache') };
}

describe('openLibrary', () => {
  it('builds the index once, then loads the saved one while the corpus is unchanged', async () => {
    const { corpus, cacheDir } = await freshDirs();
    const events: string[] = [];
    const onReady = (event: { source: string }) => events.push(event.source);
    const built = await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    const loaded = await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    expect(events).toEqual(['built', 'loaded']);
    const question = 'spike-aware adam momentum reset';
    expect(loaded.answer(question)).toEqual(built.answer(question));
    expect(await readdir(cacheDir)).toHaveLength(3);
  });

  it('saves the author index with the rest', async () => {
    const { cacheDir } = await freshDirs();
    const corpusPaths = ['../shared/corpus/hf-daily-samples/daily_papers_2026-08-20.json'];
    const built = await openLibrary({ corpusPaths, cacheDir });
    const loaded = await openLibrary({ corpusPaths, cacheDir });
    expect(loaded.search('Xin Ding')).toEqual(built.search('Xin Ding'));
    expect(loaded.search('Xin Ding').results[0]?.paper.id).toBe('2608.16590');
  });

  it('rebuilds when the corpus changes, and keeps only the current saved index', async () => {
    const { corpus, cacheDir } = await freshDirs();
    const events: string[] = [];
    const onReady = (event: { source: string }) => events.push(event.source);
    await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    await writeFile(corpus, 'Mar 14\n\nA Brand New Paper on Quokkas\n\nQuokkas are studied here.\n');
    const index = await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    expect(events).toEqual(['built', 'built']);
    expect(index.answer('quokkas').results[0]?.paper.title).toBe('A Brand New Paper on Quokkas');
    expect(await readdir(cacheDir)).toHaveLength(3);
  });

  it('serves the index it built when it cannot save it, and says why', async () => {
    const { corpus, cacheDir } = await freshDirs();
    await writeFile(cacheDir, 'a file where the cache folder should be');
    const events: { source: string; notSaved?: string }[] = [];
    const index = await openLibrary({ corpusPaths: [corpus], cacheDir, onReady: (event) => events.push(event) });
    expect(events).toEqual([expect.objectContaining({ source: 'built', notSaved: expect.stringMatching(/EEXIST|ENOTDIR/) })]);
    expect(index.papers()).toHaveLength(106);
  });

  it('rebuilds when only the saved term sequences are damaged', async () => {
    const { corpus, cacheDir } = await freshDirs();
    const events: string[] = [];
    const onReady = (event: { source: string }) => events.push(event.source);
    await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    const sequences = (await readdir(cacheDir)).find((name) => name.endsWith('.sequences.bin'))!;
    await writeFile(join(cacheDir, sequences), Buffer.from(Uint32Array.of(0xffffffff, 7, 7).buffer));
    const index = await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    expect(events).toEqual(['built', 'built']);
    expect(index.answer('spike-aware adam momentum reset').results[0]?.paper.title).toMatch(/SPAM/);
  });

  it('rebuilds when the saved index is damaged', async () => {
    const { corpus, cacheDir } = await freshDirs();
    const events: string[] = [];
    const onReady = (event: { source: string }) => events.push(event.source);
    await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    for (const name of await readdir(cacheDir)) await writeFile(join(cacheDir, name), '{"cut sho');
    const index = await openLibrary({ corpusPaths: [corpus], cacheDir, onReady });
    expect(events).toEqual(['built', 'built']);
    expect(index.papers()).toHaveLength(106);
  });
});
