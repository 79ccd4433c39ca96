import type { Paper, TitleSuggestion } from '../../../src/types.js';
import type { PaperIndex } from '../../../src/paper-index.js';
import { UserError } from '../../../src/errors.js';
import { lookupPaper } from '../../../src/lookup-paper.js';
import { echoTyped } from './echo-typed.js';

/** The paper with this id or title; a `UserError` naming close titles when there is none. */
export function findPaper(index: PaperIndex, usage: string, title: string): Paper {
  const found = lookupPaper(index, title);
  switch (found.kind) {
    case 'paper':
      return found.paper;
    case 'nothing-typed':
      throw new UserError(`Which paper? Give its title or arXiv id: \`${usage}\`.`);
    case 'unknown':
      throw new UserError(`I don't know a paper called ${echoTyped(title)}.${tips(found.candidates)}`);
  }
}

function tips(candidates: readonly TitleSuggestion[]): string {
  if (candidates.length === 0) return '\nTry `/papers search` with a few words of it.';
  return `\nDid you mean:\n${candidates.map((candidate) => `• ${candidate.title}`).join('\n')}`;
}
