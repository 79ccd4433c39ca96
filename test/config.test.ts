import { describe, expect, it } from 'vitest';
import { readCoreConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('readCoreConfig', () => {
  it('reads CORPUS_PATHS as a comma-separated list of files, blanks and spaces ignored', () => {
    expect(readCoreConfig({ CORPUS_PATHS: ' package.json , ,README.md' }).corpusPaths).toEqual(['package.json', 'README.md']);
    expect(readCoreConfig({}).corpusPaths).toEqual([]);
  });

  it('names CORPUS_PATHS and the missing file when one does not exist', () => {
    const read = () => readCoreConfig({ CORPUS_PATHS: 'package.json,/nope/corpus.jsonl' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow('CORPUS_PATHS: names /nope/corpus.jsonl, which does not exist (a comma-separated list of corpus files)');
  });

  it('names every missing file, in one sentence', () => {
    expect(() => readCoreConfig({ CORPUS_PATHS: '/nope/a.jsonl,package.json,/nope/b.jsonl' }))
      .toThrow('CORPUS_PATHS: names /nope/a.jsonl, /nope/b.jsonl, which do not exist (a comma-separated list of corpus files)');
  });

  it('puts the saved index in DATA_DIR/cache', () => {
    expect(readCoreConfig({ DATA_DIR: '/srv/paperbot/' }).cacheDir).toBe('/srv/paperbot/cache');
  });
});
