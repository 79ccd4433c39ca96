import type { CorpusStats } from '../../../src/types.js';
import { plural } from '../../../src/text.js';
import { safeMrkdwn } from '../escape.js';
import { context, header, section } from './blocks.js';
import { fitMessage } from './fit.js';
import type { SlackMessage } from './message.js';

/** One line of help: how to call a subcommand and what it does. */
export interface HelpLine {
  usage: string;
  summary: string;
}

/** What the bot can do and what it knows. */
export function formatHelp(lines: readonly HelpLine[], stats: CorpusStats): SlackMessage {
  const usage = lines.map((line) => `\`${safeMrkdwn(line.usage)}\` ${safeMrkdwn(line.summary)}`).join('\n');
  const dates = stats.firstDate && stats.lastDate ? `, ${stats.firstDate} to ${stats.lastDate}` : '';
  const known = `I know ${plural(stats.papers, 'paper')}${dates}.`;
  return fitMessage(['paperbot help', known], [
    header('paperbot: questions about research papers'),
    section(`Mention me with a question (in a thread I answer in that thread), DM me, or use:\n${usage}`),
    context([safeMrkdwn(known)]),
  ]);
}
