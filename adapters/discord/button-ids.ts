import { customIdArgs, customIdKind, encodeCustomId } from './custom-id.js';

/** The kinds of button paperbot puts on messages; the dispatcher routes a click by its custom_id's kind. */
export const BUTTON_KIND = { share: 'share', searchPage: 'search', similar: 'similar' } as const;

/** "Share in channel" needs no state: the answer to share is the message the button sits on. */
export const SHARE_BUTTON_ID = BUTTON_KIND.share;

/**
 * The longest `/search` query a paging button can carry. Worst case of the rest of the id:
 * `search:` (7) + a 20-digit user id + `:` + offset ≤ 3 digits + `:` + limit ≤ 2 digits + `:` = 35 of 100.
 */
export const SEARCH_QUERY_MAX_LENGTH = 64;

/** What a Previous/Next button needs to show its page: who may page, where, how many, and the query. */
export interface SearchPageState {
  ownerId: string;
  offset: number;
  limit: number;
  query: string;
}

export function searchPageId(state: SearchPageState): string | undefined {
  return encodeCustomId(BUTTON_KIND.searchPage, [state.ownerId, state.offset, state.limit, state.query]);
}

/** The state of a paging button, or `undefined` for an id that is not one (or from an older layout). */
export function parseSearchPageId(customId: string): SearchPageState | undefined {
  if (customIdKind(customId) !== BUTTON_KIND.searchPage) return undefined;
  const args = customIdArgs(customId, 4);
  if (!args) return undefined;
  const [ownerId, offset, limit, query] = args as [string, string, string, string];
  if (!/^\d+$/.test(ownerId) || !/^\d+$/.test(offset) || !/^\d+$/.test(limit) || query === '') return undefined;
  return { ownerId, offset: Number(offset), limit: Number(limit), query };
}

/** The "Similar papers" button of a paper card; `undefined` if the paper id is too long to carry. */
export function similarId(paperId: string): string | undefined {
  return encodeCustomId(BUTTON_KIND.similar, [paperId]);
}

export function parseSimilarId(customId: string): string | undefined {
  if (customIdKind(customId) !== BUTTON_KIND.similar) return undefined;
  return customIdArgs(customId, 1)?.[0] || undefined;
}
