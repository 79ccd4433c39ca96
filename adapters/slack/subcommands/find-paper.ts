import type { Paper } from '../../../src/types.js';
import type { PaperIndex } from '../../../src/paper-index.js';
import { UserError } from '../../../src/errors.js';
import { truncate } from '../../../src/text.js';

/** Titles offered when a title is not found. */
const TITLE_TIPS = 3;
/** An unknown title is echoed back this short: enough to recognise, not a wall of text. */
const ECHO_ROOM = 120;

/** The paper with this id or title; a `UserError` naming close titles when there is none. */
export function findPaper(index: PaperIndex, usage: string, title: string): Paper {
  if (title === '') throw new UserError(`Which paper? Give its title or arXiv id: \`${usage}\`.`);
  const paper = index.paper(title);
  if (paper) return paper;
  const close = index.suggestTitles(title, TITLE_TIPS).map((s) => `• ${s.title}`);
  const tips = close.length > 0 ? `\nDid you mean:\n${close.join('\n')}` : '\nTry `/papers search` with a few words of it.';
  throw new UserError(`I don't know a paper called “${truncate(title, ECHO_ROOM)}”.${tips}`);
}
