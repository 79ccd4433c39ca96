import { split, SentenceSplitterSyntax } from 'sentence-splitter';

/** Cache of split abstracts: answers keep quoting the same top papers, and splitting costs ~0.1 ms per abstract. */
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 5000;

/** The sentences of a text, verbatim, split by `sentence-splitter` (abbreviations such as "e.g." kept whole). */
export function splitSentences(text: string): readonly string[] {
  const known = cache.get(text);
  if (known) return known;
  const sentences = split(text)
    .filter((node) => node.type === SentenceSplitterSyntax.Sentence)
    .map((node) => node.raw.trim())
    .filter((sentence) => sentence.length > 0);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, sentences);
  return sentences;
}
