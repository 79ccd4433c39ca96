import { z } from 'zod';
import type { Paper } from '../types.js';
import { CorpusError } from '../errors.js';
import { makePaper } from './make-paper.js';
import { parseHttpUrl } from '../links.js';
import { isIsoDay } from '../iso-day.js';

/**
 * One entry of `GET huggingface.co/api/daily_papers`. Loose on purpose: the API has changed shape (2024 vs 2026
 * samples in shared/corpus/hf-daily-samples) and only `paper.id`, `title`, `summary` and author names are always
 * there (huggingface_hub's own parser treats the rest as optional, platform-notes §5.1).
 */
const HfAuthor = z.looseObject({ name: z.string() });
const optionalText = z.string().optional().catch(undefined);
const optionalCount = z.number().int().nonnegative().optional().catch(undefined);

const HfPaper = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().min(1),
  authors: z.array(HfAuthor),
  publishedAt: optionalText,
  submittedOnDailyAt: optionalText,
  upvotes: optionalCount,
  githubRepo: optionalText,
  githubStars: optionalCount,
  projectPage: optionalText,
  ai_summary: optionalText,
  ai_keywords: z.array(z.string()).optional().catch(undefined),
});

export const HfDailyEntry = z.looseObject({
  paper: HfPaper,
  publishedAt: optionalText,
});

export type HfDailyEntry = z.infer<typeof HfDailyEntry>;

/**
 * Parses an `api/daily_papers` response (a JSON array of entries) into papers. A response that is not an array,
 * or an entry without the required fields, fails with the file (or URL) and the entry's position.
 */
export function parseHfDailyPapers(json: unknown, source: string): Paper[] {
  if (!Array.isArray(json)) throw new CorpusError(source, undefined, 'expected a JSON array of daily-papers entries');
  return json.map((entry, index) => {
    const parsed = HfDailyEntry.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CorpusError(source, undefined, `entry ${index + 1}: expected ${issue?.path.join('.') || 'an object'} (${issue?.message})`);
    }
    return hfEntryToPaper(parsed.data);
  });
}

/** Maps one validated entry to a `Paper`. */
export function hfEntryToPaper(entry: HfDailyEntry): Paper {
  const { paper } = entry;
  return makePaper(
    {
      arxivId: paper.id,
      title: paper.title.trim(),
      abstract: paper.summary.trim(),
      authors: paper.authors.map((author) => author.name.trim()).filter(Boolean),
      published: isoDay(paper.publishedAt),
      featuredOn: isoDay(paper.submittedOnDailyAt ?? entry.publishedAt),
      upvotes: paper.upvotes,
      githubRepo: httpUrl(paper.githubRepo),
      githubStars: paper.githubStars,
      projectPage: httpUrl(paper.projectPage),
      aiSummary: paper.ai_summary?.trim() || undefined,
      aiKeywords: paper.ai_keywords,
    },
    'hf-api',
  );
}

function isoDay(timestamp: string | undefined): string | undefined {
  const day = timestamp?.slice(0, 10);
  return day && isIsoDay(day) ? day : undefined;
}

/** Only http(s) links are kept: a `javascript:` or bare string from the API must not become a button. */
function httpUrl(raw: string | undefined): string | undefined {
  return parseHttpUrl(raw)?.href;
}
