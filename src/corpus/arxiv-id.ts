/** New-style arXiv ids (`2503.11677`, `2503.11677v2`) and old-style ones (`hep-th/9901001`). */
const ARXIV_ID = /^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;

/** The version-less arXiv id in `raw`, or undefined when `raw` is not an arXiv id. */
export function normaliseArxivId(raw: string): string | undefined {
  const match = ARXIV_ID.exec(raw.trim());
  return match?.[1]?.toLowerCase();
}
