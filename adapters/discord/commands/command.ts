import type {
  AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { PaperIndex } from '../../../src/paper-index.js';
import type { Logger } from '../../../src/logger.js';
import type { DailyPapers } from '../../../src/digest/daily-papers.js';
import type { CommandSummary } from '../format-help.js';
import type { ShareClaims } from '../../../src/share-claims.js';
import type { QuestionMeter } from '../../ops/question-meter.js';

/** What a command needs besides its interaction. */
export interface CommandContext {
  index: PaperIndex;
  log: Logger;
  /** Every registered command, for `/help`. */
  commands: readonly CommandSummary[];
  /** Daily digests; absent when the bot runs without them, and the digest commands then say so. */
  daily?: DailyPapers | undefined;
  /** Private answers already shared (or being shared), so "Share in channel" posts once. */
  shares: ShareClaims;
  /** Counts and times the questions answered, for the metrics; absent, nothing is counted. */
  meter?: QuestionMeter | undefined;
}

/** Optional services the commands use, passed from `startDiscord` down to every handler. */
export interface CommandServices {
  daily?: DailyPapers | undefined;
  meter?: QuestionMeter | undefined;
}

/** Handles a click on a button whose custom_id has one of the command's kinds. */
export type ButtonHandler = (interaction: ButtonInteraction, context: CommandContext) => Promise<void>;

/**
 * One slash command: its registration data and its behaviour, in one file (the discord.js guide's layout).
 * Handlers throw `UserError` for anything the person can fix; the dispatcher turns it into an ephemeral reply.
 */
export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  /** Answers autocomplete for the command's options; must respond within 3 s and cannot be deferred. */
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
  /** The buttons this command puts on its messages, by custom_id kind (see `button-ids.ts`). */
  buttons?: Readonly<Record<string, ButtonHandler>>;
}
