import { EmbedBuilder } from 'discord.js';
import type { CorpusStats, PaperSource } from '../../src/types.js';
import { plural } from '../../src/text.js';
import { fitText } from './fit.js';
import { checkedMessage, type DiscordMessage } from './message.js';

/** A command as `/help` lists it. */
export interface CommandSummary {
  name: string;
  description: string;
}

const HELP_COLOR = 0x5865f2;
const SOURCE_NAMES: Record<PaperSource, string> = {
  'hf-page': 'the Hugging Face Daily Papers page',
  'hf-api': 'the Hugging Face Daily Papers API',
  jsonl: 'arXiv listings (JSON Lines)',
};
const ABOUT =
  'I answer questions about research papers with a sentence quoted from an abstract, and I cite the paper it ' +
  'comes from. I only know the papers in my library, and I quote them; I do not make things up.';

/** `/help`: what the bot does, its commands, and what its library holds (size and dates). */
export function formatHelp(stats: CorpusStats, sources: ReadonlySet<PaperSource>, commands: readonly CommandSummary[]): DiscordMessage {
  const commandLines = commands.map((command) => `**/${command.name}**: ${fitText(command.description, 100)}`).join('\n');
  const embed = new EmbedBuilder()
    .setColor(HELP_COLOR)
    .setTitle('paperbot')
    .setDescription(ABOUT)
    .addFields({ name: 'Commands', value: commandLines }, { name: 'Library', value: libraryLine(stats, sources) });
  return checkedMessage({ embeds: [embed], components: [] });
}

function libraryLine(stats: CorpusStats, sources: ReadonlySet<PaperSource>): string {
  const size = plural(stats.papers, 'paper');
  const range = stats.firstDate === stats.lastDate ? stats.firstDate : `${stats.firstDate} to ${stats.lastDate}`;
  const days = [stats.firstDate && stats.lastDate ? range : undefined, ...stats.otherDates];
  const known = days.filter((day): day is string => Boolean(day));
  const when = known.length > 0 ? `, listed ${fitText(known.join(', '), 300)}` : '';
  const from = [...sources].map((source) => SOURCE_NAMES[source]).join(' and ') || 'nowhere yet';
  return `${size} from ${from}${when}.`;
}
