import type { DigestNote } from './digest.js';

/**
 * The sentences that tell people which day's list they get, in plain text (no markup; ISO dates and zone names
 * only, nothing a person typed): the adapters place and escape them. Kept here so that Discord and Slack explain
 * the same rule in the same words.
 */

/** Why `/daily` shows the day it shows. */
export function digestNoteText(note: DigestNote): string {
  switch (note.kind) {
    case 'latest':
      return 'The latest complete day (Hugging Face’s days end at midnight UTC), as in the daily digests.';
    case 'open':
      return 'This day is not over: Hugging Face adds papers to it until midnight UTC, so the list may still grow.';
    case 'fallback': {
      const why = note.reason === 'empty'
        ? `Hugging Face lists no papers for ${note.wanted}, the latest complete day (weekends and holidays are quiet)`
        : `I could not fetch ${note.wanted}, the latest complete day, from Hugging Face just now`;
      return `${why}: this is the latest day I have.`;
    }
  }
}

