import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { DIGEST_DEFAULTS, MAX_DIGEST_TOP } from '../../../src/digest/config.js';
import { suggestTimeZones } from '../../../src/digest/time-zone.js';
import { DISCORD_LIMITS } from '../limits.js';
import { fitPlain } from '../fit.js';
import { typedText } from '../escape.js';
import { formatSubscribed } from '../format-subscriptions.js';
import type { SlashCommand } from './command.js';
import { DIGEST_ADMIN_PERMISSION, requireDaily, requireDigestAdmin } from './digest-access.js';
import { filterOf, filterOption } from './filter-option.js';

/** The longest IANA zone name is 30 characters (America/Argentina/ComodRivadavia); some room for typos. */
const TIMEZONE_MAX_LENGTH = 64;

/** `/subscribe [time] [timezone] [filter] [top] [empty_days]`: this channel gets the previous day's papers every day. */
export const subscribeCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('subscribe')
    .setDescription('Post the previous day’s top papers in this channel every day')
    .setDefaultMemberPermissions(DIGEST_ADMIN_PERMISSION)
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) => option.setName('time').setDescription(`Time of day, HH:MM 24-hour (default ${DIGEST_DEFAULTS.time})`).setMaxLength(5))
    .addStringOption((option) => option.setName('timezone').setDescription(`Time zone, e.g. Europe/Paris (default ${DIGEST_DEFAULTS.timezone})`)
      .setAutocomplete(true).setMaxLength(TIMEZONE_MAX_LENGTH))
    .addStringOption(filterOption)
    .addIntegerOption((option) => option.setName('top').setDescription(`How many papers, 1-${MAX_DIGEST_TOP} (default ${DIGEST_DEFAULTS.top})`)
      .setMinValue(1).setMaxValue(MAX_DIGEST_TOP))
    .addStringOption((option) => option.setName('empty_days').setDescription('On days without papers: post a short note (default) or nothing')
      .addChoices({ name: 'post a short note', value: 'note' }, { name: 'post nothing', value: 'silent' }))
    .toJSON(),

  async execute(interaction, context) {
    const daily = requireDaily(context);
    requireDigestAdmin(interaction);
    const text = (name: string) => {
      const value = interaction.options.getString(name);
      return value === null ? undefined : typedText(value).trim() || undefined;
    };
    const emptyDays = text('empty_days');
    const subscription = await daily.subscribe({
      platform: 'discord',
      channelId: interaction.channelId,
      time: text('time'),
      timezone: text('timezone'),
      filter: filterOf(interaction),
      top: interaction.options.getInteger('top') ?? undefined,
      onEmptyDay: emptyDays === 'silent' || emptyDays === 'note' ? emptyDays : undefined,
    });
    await interaction.reply(formatSubscribed(subscription, new Date()));
  },

  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'timezone') return interaction.respond([]);
    const zones = suggestTimeZones(typedText(focused.value).slice(0, TIMEZONE_MAX_LENGTH), DISCORD_LIMITS.choices);
    // discord.js does not clamp choices (platform-notes §3.2); zone names are short, but the limits are Discord's.
    await interaction.respond(zones.map((zone) => ({ name: fitPlain(zone, DISCORD_LIMITS.choiceName), value: zone }))
      .filter((choice) => choice.value.length <= DISCORD_LIMITS.choiceValue));
  },
};
