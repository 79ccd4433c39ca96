import { EmbedBuilder, embedLength } from 'discord.js';
import type { Digest, DigestEntry } from '../../src/digest/digest.js';
import { digestNoteText } from '../../src/digest/explain-day.js';
import type { PaperLinks } from '../../src/types.js';
import { plural } from '../../src/text.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitText, maskedLink, safeUrl } from './fit.js';
import { LINK_LABELS } from './format-paper.js';
import { checkedMessage, type DiscordMessage } from './message.js';

const DIGEST_COLOR = 0x57f287;
/**
 * Room kept in every message for the footer (part numbers, the publisher's marker). A footer is cut to this,
 * so no footer can push a message past the 6000-character total.
 */
export const DIGEST_FOOTER_ROOM = 120;
/** The core's summary is at most 300 characters (`DIGEST_SUMMARY_MAX`); escaping may double it. */
const SUMMARY_ROOM = 600;
/** A paper's link line; a third-party URL may be up to 2048 characters, and those past this room are dropped. */
const LINKS_ROOM = 1000;
const FILTER_ROOM = 200;
/** The note on how `/daily` chose its day: a sentence or two of the core's (`digestNoteText`). */
const NOTE_ROOM = 300;

/** After "no paper matches": the day is not empty, and anyone in the channel can see all of it. */
const NO_MATCH_TIP = 'Without a filter, /daily shows the whole list.';

/** Writes the footer of a message: its part number among all parts, 1-based. */
export type DigestFooter = (part: number, parts: number) => string | undefined;

/** Without a publisher's marker, a footer only when the digest needed several messages. */
const partFooter: DigestFooter = (part, parts) => (parts > 1 ? `Part ${part} of ${parts}` : undefined);

/**
 * The only renderer of a `Digest` on Discord: a header embed (the papers' date, count, filter or the empty-day note,
 * and for `/daily` why that day), then one embed per paper (numbered title linked to the paper, one-line summary,
 * upvotes and links), packed into as many messages as the 10-embed and 6000-character limits need. Every message
 * passes `checkedMessage`.
 */
export function formatDigest(digest: Digest, footer: DigestFooter = partFooter): DiscordMessage[] {
  const embeds = [headerEmbed(digest), ...digest.entries.map((entry, i) => entryEmbed(entry, i + 1))];
  const groups = pack(embeds);
  return groups.map((group, i) => {
    const text = footer(i + 1, groups.length);
    if (text) group.at(-1)!.setFooter({ text: fitText(text, DIGEST_FOOTER_ROOM) });
    return checkedMessage({ embeds: group, components: [] });
  });
}

function headerEmbed(digest: Digest): EmbedBuilder {
  return new EmbedBuilder()
    .setColor(DIGEST_COLOR)
    .setTitle(fitText(`Daily papers · ${digest.date}`, DISCORD_LIMITS.embedTitle))
    .setDescription(headerText(digest));
}

/** What the day holds, then, for `/daily`, why this day is shown. */
function headerText(digest: Digest): string {
  const note = digest.note ? `\n${fitText(digestNoteText(digest.note), NOTE_ROOM)}` : '';
  return countText(digest) + note;
}

function countText(digest: Digest): string {
  const filter = digest.filter ? fitText(digest.filter, FILTER_ROOM) : '';
  if (digest.empty === 'no-papers' && digest.note?.kind === 'open') return 'No papers on Hugging Face Daily Papers this day yet.';
  if (digest.empty === 'no-papers') return 'No new papers on Hugging Face Daily Papers this day (weekends and holidays are quiet).';
  if (digest.empty === 'no-matches') return `No paper this day matches “${filter}”. ${NO_MATCH_TIP}`;
  const matching = filter ? ` matching “${filter}”` : '';
  const shown = digest.entries.length;
  if (shown === digest.total) return `${plural(digest.total, 'paper')}${matching} on Hugging Face Daily Papers, most upvoted first.`;
  return `The ${shown} most upvoted of ${plural(digest.total, 'paper')}${matching} on Hugging Face Daily Papers.`;
}

function entryEmbed(entry: DigestEntry, number: number): EmbedBuilder {
  const prefix = `${number}. `;
  const embed = new EmbedBuilder()
    .setColor(DIGEST_COLOR)
    .setTitle(prefix + (fitText(entry.title, DISCORD_LIMITS.embedTitle - prefix.length) || entry.paperId.slice(0, 100)));
  const url = safeUrl(entry.link);
  if (url) embed.setURL(url);
  const lines = [fitText(entry.summary, SUMMARY_ROOM), statsLine(entry)].filter((line) => line.length > 0);
  return embed.setDescription(lines.join('\n') || '…');
}

/** `▲ 42 · [arXiv](…) · [Hugging Face](…) · [GitHub](…)`, dropping links that are unsafe or do not fit. */
function statsLine(entry: DigestEntry): string {
  const parts = entry.upvotes === undefined ? [] : [`▲ ${entry.upvotes}`];
  let length = 0;
  for (const [kind, raw] of Object.entries(entry.links) as [keyof PaperLinks, string][]) {
    const link = maskedLink(LINK_LABELS[kind], raw);
    if (!link || length + link.length + 3 > LINKS_ROOM) continue;
    parts.push(link);
    length += link.length + 3;
  }
  return parts.join(' · ');
}

/** Greedy packing in order: a new message when the next embed would break the embed count or the character total. */
function pack(embeds: EmbedBuilder[]): EmbedBuilder[][] {
  const room = DISCORD_LIMITS.embedTotal - DIGEST_FOOTER_ROOM;
  const groups: EmbedBuilder[][] = [];
  let current: EmbedBuilder[] = [];
  let used = 0;
  for (const embed of embeds) {
    const size = embedSize(embed);
    if (current.length > 0 && (current.length === DISCORD_LIMITS.embedsPerMessage || used + size > room)) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(embed);
    used += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function embedSize(embed: EmbedBuilder): number {
  return embedLength(embed.toJSON());
}
