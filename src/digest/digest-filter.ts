import { UserError } from '../errors.js';
import { createPaperIndex } from '../create-paper-index.js';
import { MAX_QUESTION_LENGTH } from '../search/question.js';

/**
 * A digest filter as typed (`/subscribe`, `/daily`), checked before anything is stored or fetched: trimmed,
 * `undefined` when blank, at most as long as a search, and with something searchable in it (searching an empty
 * index throws the search's own `UserError`, e.g. for nothing but stop words).
 */
export function checkedFilter(raw: string | undefined): string | undefined {
  const filter = raw?.trim();
  if (!filter) return undefined;
  if (filter.length > MAX_QUESTION_LENGTH) {
    const length = filter.length.toLocaleString('en-US');
    throw new UserError(`That filter is ${length} characters; please keep filters under ${MAX_QUESTION_LENGTH.toLocaleString('en-US')}.`);
  }
  createPaperIndex([]).search(filter);
  return filter;
}
