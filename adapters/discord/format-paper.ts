import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbedField } from 'discord.js';
import type { Paper } from '../../src/types.js';
import { formatAuthors } from '../../src/text.js';
import { paperLinks, primaryLink } from '../../src/links.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitText, maskedLink, safeUrl } from './fit.js';
import { checkedMessage, type DiscordMessage } from './message.js';
import { similarId } from './button-ids.js';

const PAPER_COLOR = 0xfee75c;
/** Authors named on a card before "et al.". */
const CARD_AUTHORS = 10;
/** How each kind of link is labelled, on cards and in digests. */
export const LINK_LABELS = { arxiv: 'arXiv', huggingFace: 'Hugging Face', github: 'GitHub', projectPage: 'Project page', search: 'Search arXiv' } as const;

/** `/paper`: title linked, authors, dates, upvotes, links, the abstract trimmed to fit, and a "Similar papers" button. */
export function formatPaperCard(paper: Paper): DiscordMessage {
  const title = fitText(paper.title, DISCORD_LIMITS.embedTitle);
  const fields = cardFields(paper);
  const footer = `id ${fitText(paper.id, 120)}`;
  const used = title.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const description = fitText(paper.abstract, Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - used)) || 'No abstract.';
  const embed = new EmbedBuilder().setColor(PAPER_COLOR).setTitle(title).setDescription(description).setFooter({ text: footer });
  const url = safeUrl(primaryLink(paper));
  if (url) embed.setURL(url);
  embed.addFields(fields);
  const buttonId = similarId(paper.id);
  const button = buttonId ? new ButtonBuilder().setCustomId(buttonId).setLabel('Similar papers').setStyle(ButtonStyle.Secondary) : undefined;
  return checkedMessage({ embeds: [embed], components: button ? [new ActionRowBuilder<ButtonBuilder>().addComponents(button)] : [] });
}

function cardFields(paper: Paper): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  const authors = formatAuthors(paper.authors, CARD_AUTHORS);
  if (authors) fields.push({ name: 'Authors', value: fitText(authors, DISCORD_LIMITS.fieldValue) });
  if (paper.published) fields.push({ name: 'Published', value: fitText(paper.published, 40), inline: true });
  if (paper.featuredOn) fields.push({ name: 'On Daily Papers', value: fitText(paper.featuredOn, 40), inline: true });
  if (paper.upvotes !== undefined) fields.push({ name: 'Upvotes', value: `▲ ${paper.upvotes}`, inline: true });
  if (paper.githubStars !== undefined) fields.push({ name: 'GitHub stars', value: `★ ${paper.githubStars}`, inline: true });
  const links = linkList(paper);
  if (links) fields.push({ name: 'Links', value: links });
  // Discord rejects an empty field value (a date of only spaces cleans down to nothing).
  return fields.filter((field) => field.value.length > 0);
}

/** `[arXiv](…) · [Hugging Face](…) · …`, dropping any link that is not a safe http(s) URL. */
function linkList(paper: Paper): string {
  const links = Object.entries(paperLinks(paper)) as [keyof typeof LINK_LABELS, string][];
  const parts: string[] = [];
  let length = 0;
  for (const [kind, url] of links) {
    const link = maskedLink(LINK_LABELS[kind], url);
    if (!link || length + link.length + 3 > DISCORD_LIMITS.fieldValue) continue;
    parts.push(link);
    length += link.length + 3;
  }
  return parts.join(' · ');
}
