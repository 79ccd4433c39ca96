import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbed } from 'discord.js';
import type { Answer } from '../../src/types.js';
import { primaryLink } from '../../src/links.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitText, maskedLink } from './fit.js';
import { resultFields, suggestionLines } from './format-results.js';
import { checkedMessage, type DiscordMessage } from './message.js';
import { SHARE_BUTTON_ID } from './button-ids.js';
import { escapeMarkdownText } from './escape.js';
import { NOT_IN_LIBRARY, POSSIBLY_RELATED } from '../../src/answer/wording.js';

/** The answer papers listed under the quote. */
export const ANSWER_RESULTS = 3;
const QUOTE_ROOM = 1500;
const CITED_TITLE_ROOM = 200;
const ANSWER_FOOTER = 'Quoted from the paper’s abstract; read the paper before relying on it.';
const ANSWER_COLOR = 0x5865f2;
/** Replaces the button on a private answer once it is shared; names no one, so it cannot ping. */
export const SHARED_NOTE = 'Shared in this channel.';

/**
 * `/ask`: the question as the title, the cited sentence as a quote with its paper linked, then the top papers
 * and why each matched; for a question the library has nothing on, that it has nothing, and the papers as possibly
 * related; for small talk, the reply alone. `shareable` adds the "Share in channel" button (for private answers).
 */
export function formatAnswer(answer: Answer, shareable: boolean): DiscordMessage {
  if (answer.kind === 'small-talk') return checkedMessage({ content: escapeMarkdownText(answer.reply ?? ''), embeds: [], components: [] });
  const title = `“${fitText(answer.question, DISCORD_LIMITS.embedTitle - 2)}”`;
  const description = answer.answer ? citation(answer) : withoutQuote(answer);
  const footer = answer.answer ? ANSWER_FOOTER : '';
  const budget = DISCORD_LIMITS.embedTotal - title.length - description.length - footer.length;
  const embed = new EmbedBuilder()
    .setColor(ANSWER_COLOR)
    .setTitle(title)
    .setDescription(description);
  if (footer) embed.setFooter({ text: footer });
  const fields = resultFields(answer.results.slice(0, ANSWER_RESULTS), 1, budget);
  if (fields.length > 0) embed.addFields(fields);
  return checkedMessage({ embeds: [embed], components: shareable ? [shareRow()] : [] });
}

/**
 * "Share in channel": the private answer's embeds as they were sent (the button's message), without the button.
 * Empty when the message has no answer to share.
 */
export function formatSharedAnswer(embeds: readonly APIEmbed[]): DiscordMessage {
  return checkedMessage({ embeds: embeds.map((embed) => EmbedBuilder.from(embed)), components: [] });
}

/** The private answer once shared: the same embeds, the button gone, a note in its place. */
export function formatSharedNote(embeds: readonly APIEmbed[]): DiscordMessage {
  return checkedMessage({ content: SHARED_NOTE, embeds: embeds.map((embed) => EmbedBuilder.from(embed)), components: [] });
}

/** What stands in the quote's place: the library has nothing on it (papers follow as possibly related), or no paper matched. */
function withoutQuote(answer: Answer): string {
  if (answer.kind === 'not-in-library') return `${NOT_IN_LIBRARY}\n**${POSSIBLY_RELATED}:**`;
  return `No papers matched.\n${suggestionLines(answer.suggestions, 1000)}`;
}

function citation(answer: Answer): string {
  const cited = answer.answer!;
  const quote = `> ${fitText(cited.text, QUOTE_ROOM)}`;
  const source = maskedLink(fitText(cited.paper.title, CITED_TITLE_ROOM), primaryLink(cited.paper));
  return source ? `${quote}\n— from **${source}**` : quote;
}

function shareRow(): ActionRowBuilder<ButtonBuilder> {
  const share = new ButtonBuilder().setCustomId(SHARE_BUTTON_ID).setLabel('Share in channel').setStyle(ButtonStyle.Primary);
  return new ActionRowBuilder<ButtonBuilder>().addComponents(share);
}
