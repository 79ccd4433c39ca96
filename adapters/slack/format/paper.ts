import type { Paper, PaperMatch } from '../../../src/types.js';
import { displayText, truncate } from '../../../src/text.js';
import { SLACK_LIMITS } from '../limits.js';
import { safeMrkdwn } from '../escape.js';
import { ACTION, encodeView } from '../views.js';
import { actions, button, context, divider, fitMrkdwn, header, section } from './blocks.js';
import { bylineOf, linkLine, paperSection, titleLink } from './paper-section.js';
import { fitMessage } from './fit.js';
import type { KnownBlock, SlackMessage } from './message.js';

/** One paper in full: title, byline, the abstract (cut to a section), its links and "Similar papers". */
export function formatPaper(paper: Paper): SlackMessage {
  const title = displayText(paper.title);
  const blocks: KnownBlock[] = [
    header(title),
    section([titleLink(paper), bylineOf(paper)].filter(Boolean).join('\n')),
    section(fitMrkdwn(safeMrkdwn(displayText(paper.abstract)), SLACK_LIMITS.sectionText)),
  ];
  if (paper.aiKeywords?.length) {
    blocks.push(context([`_Keywords:_ ${safeMrkdwn(truncate(paper.aiKeywords.join(', '), SLACK_LIMITS.fieldText))}`]));
  }
  blocks.push(section(linkLine(paper)));
  blocks.push(...actions([button('Similar papers', `${ACTION.extend}:0`, encodeView({ v: 'similar', id: paper.id }))]));
  return fitMessage([title, truncate(displayText(paper.abstract), 500)], blocks);
}

/** Papers like `paper`, each with its own "Similar papers" button to keep exploring. */
export function formatSimilar(paper: Paper, matches: readonly PaperMatch[]): SlackMessage {
  const title = displayText(paper.title);
  const blocks: KnownBlock[] = [header(`Similar to: ${title}`), context([`Papers that share the most telling words of ${titleLink(paper)}.`])];
  if (matches.length === 0) blocks.push(section('I found no other papers on the same subject.'));
  else blocks.push(divider(), ...matches.map((match, i) => paperSection(match, i)));
  return fitMessage([`Papers similar to “${title}”:`, ...matches.map((m) => `• ${displayText(m.paper.title)}`)], blocks);
}
