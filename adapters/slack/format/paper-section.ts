import type { Paper, PaperLinks, PaperMatch } from '../../../src/types.js';
import { displayText, formatAuthors, truncate } from '../../../src/text.js';
import { paperLinks, primaryLink } from '../../../src/links.js';
import { SLACK_LIMITS } from '../limits.js';
import { mrkdwnLink, safeMrkdwn } from '../escape.js';
import { button, fitMrkdwn, section } from './blocks.js';
import { ACTION, encodeView } from '../views.js';
import type { KnownBlock } from './message.js';

/** Titles longer than this are cut in lists: the snippet, not the title, should fill a section. */
const TITLE_ROOM = 300;
/** Room kept for the title, authors, matched words and links; the snippet gets the rest of the section. */
const SNIPPET_ROOM = SLACK_LIMITS.sectionText - 1200;

/** The title as a bold link to the paper's main page. */
export function titleLink(paper: Paper): string {
  return `*${mrkdwnLink(primaryLink(paper), truncate(displayText(paper.title), TITLE_ROOM))}*`;
}

/** "arXiv · Hugging Face · GitHub · Project page", each a link, for the links the record has. */
export function linkLine(paper: Paper): string {
  return linksLine(paperLinks(paper));
}

/** The same line from links alone (a digest entry carries links, not the paper). */
export function linksLine(links: PaperLinks): string {
  const named: [string | undefined, string][] = [
    [links.arxiv, 'arXiv'], [links.huggingFace, 'Hugging Face'], [links.github, 'GitHub'],
    [links.projectPage, 'Project page'], [links.search, 'Search arXiv'],
  ];
  return named.filter(([url]) => url !== undefined).map(([url, label]) => mrkdwnLink(url!, label)).join(' · ');
}

/** Authors, date and upvotes on one line; empty when the record has none of them. */
export function bylineOf(paper: Paper): string {
  const parts = [
    paper.authors.length > 0 ? formatAuthors(paper.authors.map(displayText)) : undefined,
    paper.published,
    paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined,
  ].filter((part): part is string => Boolean(part));
  return safeMrkdwn(truncate(parts.join(' · '), TITLE_ROOM));
}

/**
 * One paper of a result list: linked title, byline, snippet, why it matched, links, and a "Similar papers"
 * button whose action id is numbered by `position` (action ids must be unique in a message).
 */
export function paperSection(match: PaperMatch, position: number): KnownBlock {
  const { paper } = match;
  const lines = [
    titleLink(paper),
    bylineOf(paper),
    `>${fitMrkdwn(safeMrkdwn(displayText(match.snippet)), SNIPPET_ROOM)}`,
    match.matchedTerms.length > 0 ? `_Matched:_ ${safeMrkdwn(truncate(match.matchedTerms.join(', '), TITLE_ROOM))}` : '',
    linkLine(paper),
  ].filter(Boolean);
  const similar = button('Similar papers', `${ACTION.extend}:${position}`, encodeView({ v: 'similar', id: paper.id }));
  return section(lines.join('\n'), similar);
}
