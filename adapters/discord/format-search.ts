import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { Paper, PaperMatch, SearchPage } from '../../src/types.js';
import { plural } from '../../src/text.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitText } from './fit.js';
import { resultFields, suggestionLines } from './format-results.js';
import { checkedMessage, type DiscordMessage } from './message.js';
import { searchPageId, type SearchPageState } from './button-ids.js';

const SEARCH_COLOR = 0x57f287;
/** Room kept for the description and footer lines, which are short and made of numbers. */
const SEARCH_HEADER_ROOM = 1200;

/**
 * `/search`: one page of results with Previous/Next buttons that carry the page's state (`state`, whose
 * `offset` must equal `page.offset`). No buttons when everything fits on one page.
 */
export function formatSearchPage(page: SearchPage, state: SearchPageState): DiscordMessage {
  const title = fitText(`Search: ${page.query}`, DISCORD_LIMITS.embedTitle);
  const embed = new EmbedBuilder().setColor(SEARCH_COLOR).setTitle(title);
  if (page.results.length === 0) {
    embed.setDescription(`No papers matched.\n${suggestionLines(page.suggestions, SEARCH_HEADER_ROOM)}`);
    return checkedMessage({ embeds: [embed], components: [] });
  }
  const first = page.offset + 1;
  const last = page.offset + page.results.length;
  const description = `${plural(page.total, 'paper')} matched; showing ${first}–${last}.`;
  const pages = Math.ceil(page.total / state.limit);
  const footer = `Page ${Math.floor(page.offset / state.limit) + 1} of ${pages}`;
  embed.setDescription(description).setFooter({ text: footer });
  embed.addFields(resultFields(page.results, first, DISCORD_LIMITS.embedTotal - title.length - description.length - footer.length));
  const row = pagingRow(page, state);
  return checkedMessage({ embeds: [embed], components: row ? [row] : [] });
}

function pagingRow(page: SearchPage, state: SearchPageState): ActionRowBuilder<ButtonBuilder> | undefined {
  if (page.total <= state.limit && page.offset === 0) return undefined;
  const previousId = searchPageId({ ...state, offset: Math.max(0, page.offset - state.limit) });
  const nextId = searchPageId({ ...state, offset: page.offset + state.limit });
  if (!previousId || !nextId) return undefined;
  const previous = new ButtonBuilder().setCustomId(previousId).setLabel('Previous').setStyle(ButtonStyle.Secondary)
    .setDisabled(page.offset === 0);
  const next = new ButtonBuilder().setCustomId(nextId).setLabel('Next').setStyle(ButtonStyle.Secondary)
    .setDisabled(page.offset + state.limit >= page.total);
  return new ActionRowBuilder<ButtonBuilder>().addComponents(previous, next);
}

/** `/similar` and the "Similar papers" button: papers like `paper`, with why each is close. */
export function formatSimilar(paper: Paper, matches: readonly PaperMatch[]): DiscordMessage {
  const title = fitText(`Papers like: ${paper.title}`, DISCORD_LIMITS.embedTitle);
  const embed = new EmbedBuilder().setColor(SEARCH_COLOR).setTitle(title);
  if (matches.length === 0) {
    embed.setDescription('I found no other paper close to this one in my library.');
    return checkedMessage({ embeds: [embed], components: [] });
  }
  const description = `${plural(matches.length, 'paper')} sharing its most telling words.`;
  embed.setDescription(description);
  embed.addFields(resultFields(matches, 1, DISCORD_LIMITS.embedTotal - title.length - description.length));
  return checkedMessage({ embeds: [embed], components: [] });
}
