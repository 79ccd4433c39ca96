import { loadCorpus, DEFAULT_CORPUS_PATH } from '../../src/corpus/load.js';
import { createPaperIndex } from '../../src/create-paper-index.js';
import type { PaperIndex } from '../../src/paper-index.js';

let seedIndex: Promise<PaperIndex> | undefined;

/** The index over the shipped seed corpus, built once per test file. */
export function loadSeedIndex(): Promise<PaperIndex> {
  seedIndex ??= loadCorpus([DEFAULT_CORPUS_PATH]).then((papers) => createPaperIndex(papers));
  return seedIndex;
}
