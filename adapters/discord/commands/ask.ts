import { MessageFlags, SlashCommandBuilder, type APIEmbed, type ButtonInteraction } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import { MAX_QUESTION_LENGTH } from '../../../src/search/question.js';
import { ANSWER_RESULTS, formatAnswer, formatSharedAnswer, formatSharedNote } from '../format-answer.js';
import { typedText } from '../escape.js';
import { BUTTON_KIND } from '../button-ids.js';
import { errorDetails } from '../error-details.js';
import type { CommandContext, SlashCommand } from './command.js';

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
 * "Share in channel" on a private answer: posts the same embeds publicly, once, and replaces the button on the
 * private answer with a note. The answer is read from the message the button sits on, so the button needs no
 * stored state and still works after a restart. The claim is taken before the first await, so a double click,
 * handled concurrently, cannot pass it twice.
 */
async function shareAnswer(interaction: ButtonInteraction, context: CommandContext): Promise<void> {
  const embeds = interaction.message.embeds.map((embed) => embed.toJSON());
  if (embeds.length === 0) throw new UserError('There is no answer on that message to share any more. Ask again with /ask.');
  const earlier = context.shares.claim(interaction.message.id);
  // Shared already, yet this client still shows the button (it missed the edit, or the edit failed): fix it.
  if (earlier === 'shared') await interaction.update(formatSharedNote(embeds));
  // A double click: the first press is posting and will edit the message; this one only acknowledges.
  else if (earlier === 'sharing') await interaction.deferUpdate();
  else await postThenMarkShared(interaction, embeds, context);
}

/**
 * Acknowledge (`deferUpdate`), post the copy (`followUp`), then edit the private answer (`editReply`). Posting
 * before editing loses nothing: if the post fails, the claim is given back and the button is still there to press
 * again; if the edit fails, the copy is out and the claim keeps a second press from posting another. Editing first
 * (`update`) would remove the button before knowing the copy went out, and a failed post would lose the share.
 */
async function postThenMarkShared(interaction: ButtonInteraction, embeds: APIEmbed[], { shares, log }: CommandContext): Promise<void> {
  const key = interaction.message.id;
  try {
    await interaction.deferUpdate();
    await interaction.followUp(formatSharedAnswer(embeds));
  } catch (error) {
    shares.release(key);
    throw error;
  }
  shares.shared(key);
  try {
    await interaction.editReply(formatSharedNote(embeds));
  } catch (error) {
    // Shared all the same; a later press replaces the button. Telling the person "something went wrong" would mislead.
    log.warn('Discord: shared an answer but could not replace its button', { messageId: key, error: errorDetails(error) });
  }
}
