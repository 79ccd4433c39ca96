import type { Digest, DigestEntry } from '../../../src/digest/digest.js';
import { digestNoteText } from '../../../src/digest/explain-day.js';
import { plural, truncate } from '../../../src/text.js';
import { SLACK_LIMITS } from '../limits.js';
import { mrkdwnLink, safeMrkdwn } from '../escape.js';
import { context, header, section } from './blocks.js';
import { linksLine } from './paper-section.js';
import { fitMessage } from './fit.js';
import type { KnownBlock, SlackMessage } from './message.js';

/** Titles are cut this short in a digest: the summary, not the title, should fill the entry. */
const TITLE_ROOM = 300;

/**
 * A day's digest as Slack messages: a header with the papers' date and the count (for `/daily`, also why that day),
 * then per paper a section (numbered title link, one-line summary) and a context line (upvotes, links). Papers are
 * never split between messages; when they do not fit the 50 blocks of one message, the rest go in further messages
 * that say they continue (the publisher posts those in the first one's thread). A day with nothing to list is one
 * short note.
 */
export function formatDigest(digest: Digest): SlackMessage[] {
  const title = `Daily papers: ${digest.date}`;
  // The filter and date as they appear in blocks (escaped mrkdwn) and in the fallback text (raw: escaped there).
  const shown = { filter: `*${safeMrkdwn(truncate(digest.filter ?? '', TITLE_ROOM))}*`, date: safeMrkdwn(digest.date) };
  const raw = { filter: digest.filter ?? '', date: digest.date };
  // For /daily: why this day (plain core text, nothing typed in it, escaped all the same).
  const note = digest.note ? digestNoteText(digest.note) : undefined;
  const noteBlocks = note ? [context([safeMrkdwn(note)])] : [];
  if (digest.empty || digest.entries.length === 0) {
    return [fitMessage([title, emptyNote(digest, raw), ...(note ? [note] : [])], [header(title), section(emptyNote(digest, shown)), ...noteBlocks])];
  }
  const head = [header(title), context([countLine(digest, shown)]), ...noteBlocks];
  const entries = digest.entries.map((entry, i) => ({ entry, blocks: entryBlocks(entry, i + 1) }));
  return packEntries(head, entries).map((chunk, part) => {
    const intro = part === 0 ? `${title}. ${countLine(digest, raw)}${note ? ` ${note}` : ''}` : `${title} (continued)`;
    const lead = part === 0 ? head : [context([`${safeMrkdwn(title)}, continued (part ${part + 1})`])];
    return fitMessage([intro, ...chunk.map(({ entry }) => fallbackLine(entry))], [...lead, ...chunk.flatMap(({ blocks }) => blocks)]);
  });
}

/** How the filter and the date are written into a line. */
interface Shown {
  filter: string;
  date: string;
}

type PackedEntry = { entry: DigestEntry; blocks: KnownBlock[] };

/** The one block a follow-up message starts with: "… continued". */
const CONTINUATION_BLOCKS = 1;

/** Entries grouped into messages of at most 50 blocks, the first one after the header blocks. */
function packEntries(head: readonly KnownBlock[], entries: readonly PackedEntry[]): PackedEntry[][] {
  const chunks: PackedEntry[][] = [[]];
  let used = head.length;
  for (const packed of entries) {
    if (used + packed.blocks.length > SLACK_LIMITS.blocksPerMessage) {
      chunks.push([]);
      used = CONTINUATION_BLOCKS;
    }
    chunks.at(-1)!.push(packed);
    used += packed.blocks.length;
  }
  return chunks;
}

/** "15 papers on Hugging Face Daily Papers; the top 10 by upvotes." With a filter: "4 papers of <date> matching <filter>". */
function countLine(digest: Digest, { filter, date }: Shown): string {
  const what = digest.filter ? `${plural(digest.total, 'paper')} of ${date} matching ${filter}` : `${plural(digest.total, 'paper')} on Hugging Face Daily Papers`;
  const shown = digest.entries.length < digest.total ? `; the top ${digest.entries.length} by upvotes` : '';
  return `${what}${shown}.`;
}

/** After "none matched": the day is not empty, and anyone in the channel can see all of it. */
const NO_MATCH_TIP = 'Without `filter:`, `/papers daily` shows them all.';

/** The note of a day with nothing to list, so that an empty day is never mistaken for a failure. */
function emptyNote(digest: Digest, { filter, date }: Shown): string {
  if (digest.empty === 'no-matches') return `None of the papers of ${date} matched ${filter}. ${NO_MATCH_TIP}`;
  if (digest.note?.kind === 'open') return `No papers on ${date} yet.`;
  return `No new papers on ${date}: Hugging Face lists none on weekends and holidays.`;
}

/** One paper: numbered title link and summary, then upvotes and links in small print. */
function entryBlocks(entry: DigestEntry, position: number): KnownBlock[] {
  const title = mrkdwnLink(entry.link, truncate(entry.title, TITLE_ROOM));
  const small = [entry.upvotes === undefined ? '' : `▲ ${entry.upvotes}`, linksLine(entry.links)].filter(Boolean);
  const blocks = [section(`*${position}.* *${title}*\n${safeMrkdwn(entry.summary)}`)];
  if (small.length > 0) blocks.push(context([small.join(' · ')]));
  return blocks;
}

function fallbackLine(entry: DigestEntry): string {
  return `• ${entry.title}${entry.upvotes === undefined ? '' : ` (▲ ${entry.upvotes})`}`;
}
