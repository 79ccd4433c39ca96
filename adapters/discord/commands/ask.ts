import { MessageFlags, SlashCommandBuilder, type ButtonInteraction } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import { MAX_QUESTION_LENGTH } from '../../../src/search/question.js';
import { ANSWER_RESULTS, formatAnswer, formatSharedAnswer } from '../format-answer.js';
import { typedText } from '../escape.js';
import { BUTTON_KIND } from '../button-ids.js';
import type { SlashCommand } from './command.js';

/** `/ask question [private]`: a cited answer sentence and the top papers. */
export const askCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; get a sentence quoted from a paper, and the papers to read')
    .addStringOption((option) => option.setName('question').setDescription('Your question, in plain words')
      .setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addBooleanOption((option) => option.setName('private').setDescription('Answer only to me (I can share it later)'))
    .toJSON(),

  async execute(interaction, { index }) {
    const question = typedText(interaction.options.getString('question', true));
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    // Ranking the whole library can take longer than Discord's 3 s on a large corpus: acknowledge first.
    await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    const answer = index.answer(question, { limit: ANSWER_RESULTS });
    await interaction.editReply(formatAnswer(answer, isPrivate));
  },

  buttons: { [BUTTON_KIND.share]: shareAnswer },
};

/**
 * "Share in channel" on a private answer: posts the same embeds publicly. The answer is read from the message
 * the button sits on, so the button needs no stored state and still works after a restart.
 */
async function shareAnswer(interaction: ButtonInteraction): Promise<void> {
  const embeds = interaction.message.embeds.map((embed) => embed.toJSON());
  if (embeds.length === 0) throw new UserError('There is no answer on that message to share any more. Ask again with /ask.');
  await interaction.reply(formatSharedAnswer(embeds));
}
