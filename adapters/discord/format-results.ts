import type { APIEmbedField } from 'discord.js';
import type { Paper, PaperMatch } from '../../src/types.js';
import { paperLinks } from '../../src/links.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitText, maskedLink } from './fit.js';

/** Below this a field name cannot show enough of a title to tell papers apart. */
const MIN_NAME_ROOM = 40;
/** A snippet shorter than this says nothing: drop it instead. */
const MIN_SNIPPET_ROOM = 24;
const MATCHED_ROOM = 100;
/** The title gets this part of a result's room (at most 256), the link, snippet and matched words the rest. */
const NAME_SHARE = 0.4;

/**
 * One embed field per match (title as the name; link, date, snippet and matched words as the value), the lot
 * fitted into `budget` characters so that 25 results still pass the 6000-character message limit.
 */
export function resultFields(matches: readonly PaperMatch[], firstNumber: number, budget: number): APIEmbedField[] {
  const shown = matches.slice(0, DISCORD_LIMITS.fields);
  const share = Math.floor(budget / Math.max(1, shown.length));
  return shown.map((match, i) => resultField(match, firstNumber + i, share));
}

function resultField(match: PaperMatch, number: number, share: number): APIEmbedField {
  const prefix = `${number}. `;
  const nameRoom = Math.min(DISCORD_LIMITS.fieldName, Math.max(MIN_NAME_ROOM, Math.floor(share * NAME_SHARE)));
  const name = prefix + fitText(match.paper.title, nameRoom - prefix.length);
  const valueRoom = Math.min(DISCORD_LIMITS.fieldValue, share - name.length);
  return { name, value: resultValue(match, valueRoom) };
}

function resultValue(match: PaperMatch, room: number): string {
  const head = paperLine(match.paper);
  // Too little room for the link line: a cut link would be broken markdown, so show words only.
  if (head.length > room) return fitText(match.snippet, room) || '…';
  const matched = match.matchedTerms.length > 0 ? `matched: ${fitText(match.matchedTerms.join(', '), MATCHED_ROOM)}` : '';
  const lines = [head];
  let left = room - head.length;
  const snippetRoom = left - (matched ? matched.length + 2 : 0) - 1;
  if (snippetRoom >= MIN_SNIPPET_ROOM) {
    const snippet = fitText(match.snippet, snippetRoom);
    lines.push(snippet);
    left -= snippet.length + 1;
  }
  if (matched && matched.length + 3 <= left) lines.push(`*${matched}*`);
  return lines.join('\n');
}

/** `[arXiv](…) · 2025-03-18 · ▲ 42`: where to read it, when, how popular. */
export function paperLine(paper: Paper): string {
  const links = paperLinks(paper);
  const link = links.arxiv ? maskedLink('arXiv', links.arxiv) : maskedLink('search arXiv', links.search);
  const day = paper.featuredOn ?? paper.published;
  const parts = [link, day ? fitText(day, 20) : undefined, paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined];
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

/** "Did you mean" lines for when nothing matched, within `room` characters. */
export function suggestionLines(suggestions: readonly string[], room: number): string {
  if (suggestions.length === 0) return 'Try other words: a method name, a task, or part of a title.';
  const lines = ['Did you mean:'];
  const each = Math.floor((room - lines[0]!.length) / suggestions.length) - 3;
  for (const title of suggestions) lines.push(`• ${fitText(title, each)}`);
  return lines.join('\n');
}
