import { SlashCommandBuilder } from 'discord.js';
import { formatDigest } from '../format-digest.js';
import type { SlashCommand } from './command.js';
import { requireDaily } from './digest-access.js';
import { filterOf, filterOption } from './filter-option.js';

/**
 * `/daily [date] [filter]`: a digest on demand, in the channel, split across follow-ups when it needs several
 * messages. No date means the latest complete day, the list of the channel's digests; the reply says which day and
 * why, and which filter. The filter is the one `/subscribe` takes, so a list can be tried before subscribing to it.
 */
export const dailyCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('daily')
    .setDescription('Show the day’s top papers from Hugging Face Daily Papers, all or those matching a filter')
    .addStringOption((option) => option.setName('date').setDescription('A day, YYYY-MM-DD (default: the latest complete day, as in the daily digests)')
      .setMaxLength(10))
    .addStringOption(filterOption)
    .toJSON(),

  async execute(interaction, context) {
    const daily = requireDaily(context);
    const date = interaction.options.getString('date')?.trim() || undefined;
    const filter = filterOf(interaction);
    // Without a date, "yesterday" is the channel's own, in its subscription's time zone (UTC without one).
    const timezone = (await daily.subscriptions('discord', new Set([interaction.channelId])))[0]?.timezone;
    // The day may have to be fetched from Hugging Face first: more than 3 s is possible.
    await interaction.deferReply();
    const digest = await daily.daily({ date, filter, timezone, now: new Date() });
    const [first, ...rest] = formatDigest(digest);
    await interaction.editReply(first!);
    for (const message of rest) await interaction.followUp(message);
  },
};
