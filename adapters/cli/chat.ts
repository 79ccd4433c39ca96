import { createInterface, type Interface } from 'node:readline/promises';
import type { PaperIndex } from '../../src/paper-index.js';
import { APOLOGY, isUserError } from '../../src/errors.js';
import { plural } from '../../src/text.js';
import { renderAnswer, renderMatches, renderPaper, renderSearch } from './render-text.js';

/**
 * The terminal chat `npm start` opens when no bot token is set: the whole core, no tokens, no server
 * (after hubot's Shell adapter). Plain questions are answered; `/search`, `/paper`, `/similar`, `/help` and
 * `/quit` work as on Discord.
 */
export async function startTerminalChat(index: PaperIndex, input = process.stdin, output = process.stdout): Promise<void> {
  const terminal = createInterface({ input, output, terminal: input.isTTY === true });
  output.write(`${welcome(index)}\n`);
  try {
    for (;;) {
      const line = await ask(terminal);
      if (line === undefined || /^\/(quit|exit)$/.test(line.trim())) break;
      if (line.trim() === '') continue;
      output.write(`${reply(index, line)}\n\n`);
    }
  } finally {
    terminal.close();
  }
}

async function ask(terminal: Interface): Promise<string | undefined> {
  try {
    return await terminal.question('paperbot> ');
  } catch {
    // Closed input (Ctrl-D, or the end of a pipe) ends the chat.
    return undefined;
  }
}

/** One reply to one line: never throws, so a bad line cannot end the chat. */
export function reply(index: PaperIndex, line: string): string {
  try {
    return route(index, line.trim());
  } catch (error) {
    if (isUserError(error)) return error.message;
    return `${APOLOGY} (${error instanceof Error ? error.message : String(error)})`;
  }
}

function route(index: PaperIndex, line: string): string {
  const [, command, rest = ''] = /^\/(\w+)\s*(.*)$/s.exec(line) ?? [];
  switch (command) {
    case undefined:
      return renderAnswer(index.answer(line));
    case 'search':
      return renderSearch(index.search(rest));
    case 'paper': {
      const paper = index.paper(rest) ?? index.suggestTitles(rest, 1).map((s) => index.paper(s.paperId))[0];
      return paper ? renderPaper(paper) : `No paper matches “${rest}”. Try /search ${rest}`;
    }
    case 'similar': {
      const paper = index.paper(rest) ?? index.suggestTitles(rest, 1).map((s) => index.paper(s.paperId))[0];
      if (!paper) return `No paper matches “${rest}”. Try /search ${rest}`;
      return [`Papers like “${paper.title}”:`, '', ...renderMatches(index.similar(paper.id), [])].join('\n');
    }
    case 'help':
      return help(index);
    default:
      return `Unknown command /${command}. ${help(index)}`;
  }
}

function welcome(index: PaperIndex): string {
  return [
    `paperbot: ask about ${plural(index.stats().papers, 'paper')}. Type a question, or /help.`,
    'To run it on Discord or Slack, set DISCORD_TOKEN or SLACK_BOT_TOKEN (see .env.example and the README).',
  ].join('\n');
}

function help(index: PaperIndex): string {
  const stats = index.stats();
  const days = [stats.firstDate, stats.lastDate].filter(Boolean).join(' to ') || stats.otherDates.join(', ');
  return [
    `I answer questions about ${plural(stats.papers, 'paper')}${days ? ` (${days})` : ''} with the sentence that answers it and the papers that match.`,
    '  <question>          e.g. what is an attention sink?',
    '  /search <words>     ranked papers with why each matched',
    '  /paper <title|id>   one paper in full',
    '  /similar <title|id> papers like it',
    '  /quit               leave',
  ].join('\n');
}
