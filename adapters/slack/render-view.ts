import type { PaperIndex } from '../../src/paper-index.js';
import type { Paper } from '../../src/types.js';
import { UserError } from '../../src/errors.js';
import { ANSWER_PAPERS, SEARCH_PAGE_SIZE } from './limits.js';
import type { ViewState } from './views.js';
import type { SlackMessage } from './format/message.js';
import { formatAnswer } from './format/answer.js';
import { formatSearchPage } from './format/search.js';
import { formatPaper, formatSimilar } from './format/paper.js';
import { formatHelp } from './format/help.js';
import { withShareButton, withSharedBy, withSharedNote } from './format/share.js';
import { SUBCOMMANDS } from './subcommands/index.js';

/** How a view is dressed for where it goes. */
export interface RenderOptions {
  /** Add a "Share in channel" button (for replies only the asker sees). */
  shareable?: boolean;
  /** For shared copies: the name of whoever shared it, shown in a context line. */
  sharedBy?: string;
  /** For the private reply once shared: a note where the share button was. */
  sharedHere?: boolean;
}

/** Runs the core call a view stands for and formats the result. Throws `UserError` for an unknown paper. */
export function renderView(index: PaperIndex, view: ViewState, options: RenderOptions = {}): SlackMessage {
  const message = formatView(index, view);
  const shared = options.sharedBy === undefined ? message : withSharedBy(message, options.sharedBy);
  if (options.sharedHere) return withSharedNote(shared);
  return options.shareable ? withShareButton(shared, view) : shared;
}

function formatView(index: PaperIndex, view: ViewState): SlackMessage {
  switch (view.v) {
    case 'answer':
      return formatAnswer(index.answer(view.q, { limit: ANSWER_PAPERS + 1 }));
    case 'search':
      return formatSearchPage(index.search(view.q, { offset: view.o, limit: SEARCH_PAGE_SIZE }));
    case 'paper':
      return formatPaper(known(index, view.id));
    case 'similar':
      return formatSimilar(known(index, view.id), index.similar(view.id, { limit: SEARCH_PAGE_SIZE }));
    case 'help':
      return formatHelp(SUBCOMMANDS, index.stats());
  }
}

/** Buttons name papers by id; after a corpus change the paper may be gone. */
function known(index: PaperIndex, id: string): Paper {
  const paper = index.paper(id);
  if (!paper) throw new UserError('That paper is no longer in my index; try `/papers search` for it.');
  return paper;
}
