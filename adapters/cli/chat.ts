import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { PaperIndex } from '../../src/paper-index.js';
import type { Paper } from '../../src/types.js';
import { APOLOGY, isUserError } from '../../src/errors.js';
import { asksForHelp, plural } from '../../src/text.js';
import { lookupPaper } from '../../src/lookup-paper.js';
import { renderAnswer, renderMatches, renderPaper, renderSearch } from './render-text.js';

/** A chat reply lists fewer papers than `npm run ask`: a screenful, not a report. */
const CHAT_RESULTS = 5;

/**
 * The terminal chat `npm start` opens when no bot token is set: the whole core, no tokens, no server
 * (after hubot's Shell adapter). Plain questions are answered; `/search`, `/paper`, `/similar`, `/help` and
 * `/quit` work as on Discord, and so do a bare "help" (or a greeting) and "quit".
 */
export async function startTerminalChat(index: PaperIndex, input: Readable = process.stdin, output: Writable = process.stdout): Promise<void> {
  const terminal = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true, prompt: 'paperbot> ' });
  output.write(`${welcome(index)}\n`);
  terminal.prompt();
  // The line iterator ends when the input does (Ctrl-D, or the end of a pipe).
  for await (const line of terminal) {
    // Bare "quit" too: a person new to the chat types the word before looking up the command.
    if (/^\/?(quit|exit)$/i.test(line.trim())) break;
    if (line.trim() !== '') output.write(`${reply(index, line)}\n\n`);
    terminal.prompt();
  }
  terminal.close();
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
      if (asksForHelp(line)) return help(index);
      return renderAnswer(index.answer(line, { limit: CHAT_RESULTS }));
    case 'search':
      return renderSearch(index.search(rest));
    case 'paper': {
      const paper = findPaper(index, rest);
      return typeof paper === 'string' ? paper : renderPaper(paper);
    }
    case 'similar': {
      const paper = findPaper(index, rest);
      if (typeof paper === 'string') return paper;
      return [`Papers like “${paper.title}”:`, '', ...renderMatches(index.similar(paper.id, { limit: CHAT_RESULTS }), [])].join('\n');
    }
    case 'help':
      return help(index);
    default:
      return `Unknown command /${command}. ${help(index)}`;
  }
}

/**
 * A paper by id or title, else a message naming the candidates. The terminal has no list to pick from as you
 * type, so the start of exactly one title picks that paper.
 */
function findPaper(index: PaperIndex, typed: string): Paper | string {
  const found = lookupPaper(index, typed, { candidates: CHAT_RESULTS, completeUniquePrefix: true });
  switch (found.kind) {
    case 'paper':
      return found.paper;
    case 'nothing-typed':
      return 'Which paper? Give its title or arXiv id, e.g. /paper The Consciousness Prior';
    case 'unknown': {
      const tips = found.candidates.length > 0 ? ['Did you mean:', ...found.candidates.map((c) => `  • ${c.title}`)] : [`Try /search ${typed}`];
      return [`No paper is titled “${typed}”.`, ...tips].join('\n');
    }
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
    `I answer questions about ${plural(stats.papers, 'paper')}${days ? ` (${days})` : ''}, quoting the sentence that answers each and listing the papers that match.`,
    '  <question>          e.g. what is an attention sink?',
    '  /search <words>     ranked papers with why each matched',
    '  /paper <title|id>   one paper in full',
    '  /similar <title|id> papers like it',
    '  /quit               leave',
  ].join('\n');
}
