import type { Answer } from '../../../src/types.js';
import { displayText } from '../../../src/text.js';
import { primaryLink } from '../../../src/links.js';
import { ANSWER_PAPERS } from '../limits.js';
import { mrkdwnLink, safeMrkdwn } from '../escape.js';
import { ACTION, encodeView } from '../views.js';
import { actions, button, context, divider, header, section } from './blocks.js';
import { paperSection } from './paper-section.js';
import { fitMessage } from './fit.js';
import type { KnownBlock, SlackMessage } from './message.js';
import { NOT_IN_LIBRARY, POSSIBLY_RELATED } from '../../../src/answer/wording.js';

/**
 * A cited answer: the question as header, the quoted sentence with its source, the top 3 papers with why each
 * matched, and, when `answer` holds more than 3, a "More results" button that pages on with a search for the
 * same question. A question the library has nothing on says so above the papers, as possibly related; small talk
 * gets its reply alone.
 */
export function formatAnswer(answer: Answer): SlackMessage {
  if (answer.kind === 'small-talk') return fitMessage([answer.reply ?? ''], [section(safeMrkdwn(answer.reply ?? ''))]);
  const papers = answer.results.slice(0, ANSWER_PAPERS);
  const cited = answer.answer;
  const blocks: KnownBlock[] = [header(answer.question)];
  if (cited) {
    const source = mrkdwnLink(primaryLink(cited.paper), displayText(cited.paper.title));
    blocks.push(section(`>${safeMrkdwn(displayText(cited.text))}\n— ${source}`));
  } else if (answer.kind === 'not-in-library') {
    blocks.push(section(`${NOT_IN_LIBRARY}\n*${POSSIBLY_RELATED}:*`));
  } else {
    blocks.push(...noResults(answer.question, answer.suggestions));
  }
  if (papers.length > 0) blocks.push(divider(), ...papers.map((match, i) => paperSection(match, i)));
  if (cited) blocks.push(context(['Quoted from the abstract of the top paper; follow the link before relying on it.']));
  // The caller asks the core for one paper more than it shows: that one tells whether there is a next page.
  if (answer.results.length > ANSWER_PAPERS) {
    blocks.push(...actions([button('More results', ACTION.show, encodeView({ v: 'search', q: answer.question, o: ANSWER_PAPERS }))]));
  }
  const titles = papers.map((m) => `• ${displayText(m.paper.title)}`);
  const fallback = cited
    ? [`“${displayText(cited.text)}” (${displayText(cited.paper.title)})`, ...titles]
    : answer.kind === 'not-in-library' ? [NOT_IN_LIBRARY, `${POSSIBLY_RELATED}:`, ...titles] : [`No papers matched “${answer.question}”.`];
  return fitMessage(fallback, blocks);
}

/** The "nothing matched" section, with titles to try when the core has some. */
export function noResults(query: string, suggestions: readonly string[]): KnownBlock[] {
  const tips = suggestions.length > 0
    ? `Did you mean:\n${suggestions.map((title) => `• ${safeMrkdwn(displayText(title))}`).join('\n')}`
    : 'Try other words: a method name, a task, or part of a title.';
  return [section(`No papers matched *${safeMrkdwn(query)}*.\n${tips}`)];
}
