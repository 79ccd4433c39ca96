import type { Paper, PaperLinks } from './types.js';

const ARXIV_ABS = 'https://arxiv.org/abs/';
const HF_PAPERS = 'https://huggingface.co/papers/';
const ARXIV_TITLE_SEARCH = 'https://arxiv.org/search/?searchtype=title&query=';

/** Where a reader can go for a paper: arXiv and Hugging Face when the arXiv id is known, else a title search. */
export function paperLinks(paper: Paper): PaperLinks {
  const links: PaperLinks = {};
  if (paper.arxivId) {
    links.arxiv = ARXIV_ABS + paper.arxivId;
    links.huggingFace = HF_PAPERS + paper.arxivId;
  } else {
    links.search = ARXIV_TITLE_SEARCH + encodeURIComponent(paper.title);
  }
  if (paper.githubRepo) links.github = paper.githubRepo;
  if (paper.projectPage) links.projectPage = paper.projectPage;
  return links;
}

/** The one link to put on a paper's title. */
export function primaryLink(paper: Paper): string {
  const links = paperLinks(paper);
  return links.arxiv ?? links.search!;
}

/** `raw` as a URL when it is a well-formed http(s) address; links from third parties get nothing else. */
export function parseHttpUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
