import type { SearchPage } from '../../../src/types.js';
import { displayText, plural } from '../../../src/text.js';
import { safeMrkdwn } from '../escape.js';
import { ACTION, encodeView } from '../views.js';
import { actions, button, context, header, section } from './blocks.js';
import { paperSection } from './paper-section.js';
import { noResults } from './answer.js';
import { fitMessage } from './fit.js';
import type { KnownBlock, SlackMessage } from './message.js';

/** One page of search results, with "More results" while there are more. */
export function formatSearchPage(page: SearchPage): SlackMessage {
  const { query, results, total, offset } = page;
  const blocks: KnownBlock[] = [header(`Search: ${query}`)];
  if (results.length === 0) {
    blocks.push(...(offset > 0 ? [section(`No more results for *${safeMrkdwn(query)}*.`)] : noResults(query, page.suggestions)));
    return fitMessage([`No papers matched “${query}”.`], blocks);
  }
  const last = offset + results.length;
  blocks.push(context([`${plural(total, 'paper')} match *${safeMrkdwn(query)}*; showing ${offset + 1}–${last}.`]));
  blocks.push(...results.map((match, i) => paperSection(match, offset + i)));
  if (last < total) {
    blocks.push(...actions([button('More results', ACTION.show, encodeView({ v: 'search', q: query, o: last }))]));
  }
  const fallback = [`${plural(total, 'paper')} match “${query}”:`, ...results.map((m) => `• ${displayText(m.paper.title)}`)];
  return fitMessage(fallback, blocks);
}
