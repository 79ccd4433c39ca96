import { z } from 'zod';
import type { Paper } from '../types.js';
import { CorpusError } from '../errors.js';
import { makePaper } from './make-paper.js';

/** The page's date line, e.g. "Mar 13": the papers' day. The page gives no year, so none is invented. */
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}$/;

/** A title is one short line; a longer first line means the title/abstract pairs are out of step. */
const MAX_TITLE_LENGTH = 400;

const PageRecord = z.object({
  title: z.string().min(1).max(MAX_TITLE_LENGTH, { error: `a title line (at most ${MAX_TITLE_LENGTH} characters)` }),
  abstract: z.string().min(1),
});

interface Paragraph {
  text: string;
  line: number;
}

/**
 * Parses the text of the Hugging Face Daily Papers page: a header ending in a date line ("Mar 13"), then
 * title, blank line, abstract, blank line, for each paper.
 */
export function parsePageText(text: string, file: string): Paper[] {
  const paragraphs = splitParagraphs(text);
  const dateIndex = paragraphs.findIndex((p) => DATE_LINE.test(p.text));
  if (dateIndex < 0) throw new CorpusError(file, 1, 'expected a date line such as "Mar 13" in the page header');
  const day = paragraphs[dateIndex]!.text;
  const body = paragraphs.slice(dateIndex + 1);
  const papers: Paper[] = [];
  for (let i = 0; i < body.length; i += 2) {
    const title = body[i]!;
    const abstract = body[i + 1];
    if (!abstract) throw new CorpusError(file, title.line, `expected an abstract after the title "${title.text.slice(0, 60)}"`);
    const record = PageRecord.safeParse({ title: title.text, abstract: abstract.text });
    if (!record.success) throw new CorpusError(file, title.line, `expected ${record.error.issues[0]?.message ?? 'a title'}`);
    papers.push(makePaper({ ...record.data, authors: [], published: day }, 'hf-page'));
  }
  if (papers.length === 0) throw new CorpusError(file, paragraphs[dateIndex]!.line, 'expected papers after the date line');
  return papers;
}

/** Runs of non-blank lines, joined with a space, with the line number where each starts. */
function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let start = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push({ text: current.join(' '), line: start });
      current = [];
      continue;
    }
    if (current.length === 0) start = index + 1;
    current.push(line.trim());
  }
  if (current.length > 0) paragraphs.push({ text: current.join(' '), line: start });
  return paragraphs;
}
