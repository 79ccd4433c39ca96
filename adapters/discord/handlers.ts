import {
  MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction,
} from 'discord.js';
import { APOLOGY, isUserError, UserError } from '../../src/errors.js';
import type { PaperIndex } from '../../src/paper-index.js';
import type { Logger } from '../../src/logger.js';
import { ShareClaims } from '../../src/share-claims.js';
import { formatNotice } from './format-notice.js';
import type { DiscordMessage } from './message.js';
import { customIdKind } from './custom-id.js';
import { errorDetails } from './error-details.js';
import type { ButtonHandler, CommandContext, CommandServices, SlashCommand } from './commands/command.js';

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

const UNKNOWN_COMMAND = 'I do not know that command any more. Type / to see the ones I have.';
const STALE_BUTTON = 'That button belongs to an older version of this message. Run the command again for a fresh one.';

/**
 * The one entry point for interactions: routes commands, autocomplete and buttons to `commands`, and catches
 * everything, so the returned function never rejects (a rejection in an event listener would kill the process).
 * User errors get their reason, ephemerally; anything else is logged with context and answered with `APOLOGY`.
 */
export function createInteractionHandler(
  commands: readonly SlashCommand[], index: PaperIndex, log: Logger, services: CommandServices = {},
): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  const buttons = new Map<string, ButtonHandler>(commands.flatMap((command) => Object.entries(command.buttons ?? {})));
  const context: CommandContext = {
    index, log, commands: commands.map((command) => ({ name: command.data.name, description: command.data.description })),
    daily: services.daily, shares: new ShareClaims(), meter: services.meter,
  };
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) throw new UserError(UNKNOWN_COMMAND);
        await command.execute(interaction, context);
      } else if (interaction.isAutocomplete()) {
        const complete = byName.get(interaction.commandName)?.autocomplete;
        // An option Discord still autocompletes but we no longer do: an empty list beats "Loading options failed".
        await (complete ? complete(interaction, context) : interaction.respond([]));
      } else if (interaction.isButton()) {
        const handler = buttons.get(customIdKind(interaction.customId));
        if (!handler) throw new UserError(STALE_BUTTON);
        await handler(interaction, context);
      }
    } catch (error) {
      await reportFailure(interaction, error, log);
    }
  };
}

async function reportFailure(interaction: Interaction, error: unknown, log: Logger): Promise<void> {
  if (!isUserError(error)) log.error('Discord interaction failed', { ...describe(interaction), error: errorDetails(error) });
  try {
    if (interaction.isAutocomplete()) await answerAutocompleteEmpty(interaction);
    else if (interaction.isChatInputCommand() || interaction.isButton()) {
      await sendNotice(interaction, formatNotice(isUserError(error) ? error.message : APOLOGY));
    }
  } catch (replyError) {
    // Discord itself failed (expired token, 429 past retries, 5xx): nothing more to tell the person.
    log.warn('Could not answer a Discord interaction', { ...describe(interaction), error: errorDetails(replyError) });
  }
}

async function answerAutocompleteEmpty(interaction: AutocompleteInteraction): Promise<void> {
  if (!interaction.responded) await interaction.respond([]);
}

/**
 * Sends a notice only the person sees. After a public `deferReply`, the "thinking…" message is deleted and the
 * notice follows up ephemerally, so a user's mistake never shows in the channel. After a button's `deferUpdate`,
 * the notice follows up and the button's message stays as it is.
 */
async function sendNotice(interaction: Answerable, notice: DiscordMessage): Promise<void> {
  const ephemeral = { ...notice, flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral) {
      await interaction.editReply(notice);
      return;
    }
    if (isDeferredUpdate(interaction)) {
      await interaction.followUp(ephemeral);
      return;
    }
    await interaction.deleteReply();
    await interaction.followUp(ephemeral);
  } else if (interaction.replied) {
    await interaction.followUp(ephemeral);
  } else {
    await interaction.reply(ephemeral);
  }
}

/**
 * A button acknowledged with `deferUpdate`: `@original` is then the message the button sits on, which must not be
 * deleted. discord.js sets `ephemeral` only when it sends a reply of its own (reply, deferReply), so it stays null
 * here (14.28 `InteractionResponses#deferUpdate`).
 */
function isDeferredUpdate(interaction: Answerable): boolean {
  return interaction.isButton() && interaction.ephemeral === null;
}

/** Log context: what was asked, by whom, where. Never the interaction token. */
function describe(interaction: Interaction): Record<string, unknown> {
  const what = interaction.isCommand() || interaction.isAutocomplete()
    ? { command: interaction.commandName }
    : interaction.isButton() ? { customId: interaction.customId } : { type: interaction.type };
  return { interactionId: interaction.id, ...what, userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId };
}
