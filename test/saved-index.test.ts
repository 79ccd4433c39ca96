import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSaved, writeSaved, type SavedLibrary } from '../src/library/saved-index.js';
import { SearchEngine } from '../src/search/search-engine.js';
import type { Paper } from '../src/types.js';

const FINGERPRINT = '0123456789abcdef0123456789abcdef';
const papers: Paper[] = [
  { id: 'a', title: 'Attention sinks', abstract: 'Language models attend to the first token.', authors: [], source: 'jsonl' },
  { id: 'b', title: 'Mortar segmentation', abstract: 'A brick wall dataset for segmentation.', authors: [], source: 'jsonl' },
];
const saved = (): SavedLibrary => ({ papers, engine: SearchEngine.build(papers).toJSON() });

describe('the saved index on disk', () => {
  it('survives two saves of the same index at once (a bot and npm run ask starting together)', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'paperbot-saved-'));
    await Promise.all([writeSaved(cacheDir, FINGERPRINT, saved()), writeSaved(cacheDir, FINGERPRINT, saved())]);
    expect((await loadSaved(cacheDir, FINGERPRINT))?.papers).toEqual(papers);
    expect((await readdir(cacheDir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temporary files of a save whose process died, and keeps those of one still saving', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'paperbot-saved-'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const abandoned = `${FINGERPRINT}.index.json.${dead}-1.tmp`;
    const inProgress = `${FINGERPRINT}.index.json.${process.pid}-999.tmp`;
    await writeFile(join(cacheDir, abandoned), '{"half":');
    await writeFile(join(cacheDir, inProgress), '{"half":');
    await writeSaved(cacheDir, FINGERPRINT, saved());
    const files = await readdir(cacheDir);
    expect(files).not.toContain(abandoned);
    expect(files).toContain(inProgress);
  });
});
