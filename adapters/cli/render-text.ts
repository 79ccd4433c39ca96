import type { Answer, PaperMatch, SearchPage, Paper } from '../../src/types.js';
import { displayText, formatAuthors } from '../../src/text.js';
import { paperLinks, primaryLink } from '../../src/links.js';
import { NOT_IN_LIBRARY, POSSIBLY_RELATED } from '../../src/answer/wording.js';

/** Plain-text rendering of the core's results for a terminal: the CLI's one formatter. */

export function renderAnswer(answer: Answer): string {
  if (answer.kind === 'small-talk') return answer.reply ?? '';
  const lines: string[] = [];
  if (answer.answer) {
    lines.push(`“${displayText(answer.answer.text)}”`, `  — ${answer.answer.paper.title} (${primaryLink(answer.answer.paper)})`, '');
  }
  if (answer.kind === 'not-in-library') lines.push(NOT_IN_LIBRARY, `${POSSIBLY_RELATED}:`, '');
  lines.push(...renderMatches(answer.results, answer.suggestions));
  return lines.join('\n');
}

export function renderSearch(page: SearchPage): string {
  const header = page.total > 0 ? [`${page.total} papers match “${page.query}”; showing ${page.offset + 1}–${page.offset + page.results.length}.`, ''] : [];
  return [...header, ...renderMatches(page.results, page.suggestions, page.offset)].join('\n');
}

export function renderMatches(matches: readonly PaperMatch[], suggestions: readonly string[], offset = 0): string[] {
  if (matches.length === 0) {
    const tips = suggestions.length > 0 ? ['Did you mean:', ...suggestions.map((title) => `  • ${title}`)] : ['Try other words: a method name, a task, or part of a title.'];
    return ['No papers matched.', ...tips];
  }
  return matches.flatMap((match, i) => [
    `${offset + i + 1}. ${displayText(match.paper.title)}  [score ${match.score.toFixed(2)}]`,
    `   ${primaryLink(match.paper)}`,
    `   ${match.snippet}`,
    `   matched: ${match.matchedTerms.join(', ')}`,
    '',
  ]);
}

export function renderPaper(paper: Paper): string {
  const links = paperLinks(paper);
  return [
    displayText(paper.title),
    paper.authors.length > 0 ? `by ${formatAuthors(paper.authors, 6)}` : undefined,
    paper.published ? `published ${paper.published}` : undefined,
    paper.upvotes !== undefined ? `${paper.upvotes} upvotes on Hugging Face` : undefined,
    '',
    displayText(paper.abstract),
    '',
    ...Object.entries(links).map(([name, url]) => `${name}: ${url}`),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}
