import { MessageFlags, SlashCommandBuilder, type ButtonInteraction } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import { MAX_QUESTION_LENGTH } from '../../../src/search/question.js';
import { ANSWER_RESULTS, formatAnswer, formatSharedAnswer, formatSharedNote } from '../format-answer.js';
import { typedText } from '../escape.js';
import { BUTTON_KIND } from '../button-ids.js';
import { errorDetails } from '../error-details.js';
import type { CommandContext, SlashCommand } from './command.js';
import { stopwatch } from '../../ops/question-meter.js';

/** `/ask question [private]`: a cited answer sentence and the top papers. */
export const askCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; get a sentence quoted from a paper, and the papers to read')
    .addStringOption((option) => option.setName('question').setDescription('Your question, in plain words')
      .setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addBooleanOption((option) => option.setName('private').setDescription('Answer only to me (I can share it later)'))
    .toJSON(),

  async execute(interaction, { index, meter }) {
    const elapsed = stopwatch();
    const question = typedText(interaction.options.getString('question', true));
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    // Ranking the whole library can take longer than Discord's 3 s on a large corpus: acknowledge first.
    await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    const answer = index.answer(question, { limit: ANSWER_RESULTS });
    await interaction.editReply(formatAnswer(answer, isPrivate));
    meter?.answered('discord', elapsed());
  },

  buttons: { [BUTTON_KIND.share]: shareAnswer },
};

/**
 * "Share in channel" on a private answer: posts the same embeds publicly, once, and replaces the button on the
 * private answer with a note (the order and the double clicks: `ShareClaims.share`). The answer is read from the
 * message the button sits on, so the button needs no stored state and still works after a restart.
 */
async function shareAnswer(interaction: ButtonInteraction, { shares, log }: CommandContext): Promise<void> {
  const embeds = interaction.message.embeds.map((embed) => embed.toJSON());
  if (embeds.length === 0) throw new UserError('There is no answer on that message to share any more. Ask again with /ask.');
  const key = interaction.message.id;
  await shares.share(key, {
    acknowledge: async () => void (await interaction.deferUpdate()),
    // Acknowledged without a change (`deferUpdate`), then the copy as a follow-up.
    post: async () => {
      await interaction.deferUpdate();
      await interaction.followUp(formatSharedAnswer(embeds));
    },
    markShared: async () => {
      // A later press (this client missed the edit) answers with the note itself.
      if (!interaction.deferred) return void (await interaction.update(formatSharedNote(embeds)));
      try {
        await interaction.editReply(formatSharedNote(embeds));
      } catch (error) {
        // Shared all the same; a later press replaces the button. Telling the person "something went wrong" would mislead.
        log.warn('Discord: shared an answer but could not replace its button', { messageId: key, error: errorDetails(error) });
      }
    },
  });
}
