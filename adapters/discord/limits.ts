/**
 * Discord's hard limits, each with where it is written down. Checked 2026-11 against
 * `discord/discord-api-docs` at c98d64bc (2026-08-06); paths are under `developers/`:
 * `resources/message.mdx` (msg), `interactions/receiving-and-responding.mdx` (r&r),
 * `interactions/application-commands.mdx` (cmd), `components/reference.mdx` (comp).
 * Lengths are in UTF-16 code units (JavaScript's `length`), which is never less than Discord's character count.
 */
export const DISCORD_LIMITS = {
  /** Message `content` (msg L1080). */
  content: 2000,
  /** Embeds per message (msg L1083). */
  embedsPerMessage: 10,
  /** Embed title (msg L611). */
  embedTitle: 256,
  /** Embed description (msg L612). */
  embedDescription: 4096,
  /** Fields per embed (msg L613). */
  fields: 25,
  /** Field name (msg L614). */
  fieldName: 256,
  /** Field value (msg L615). */
  fieldValue: 1024,
  /** Footer text (msg L616). */
  footerText: 2048,
  /** Author name (msg L617). */
  authorName: 256,
  /** Title + description + field names and values + footer + author, summed over all embeds of a message (msg L619). */
  embedTotal: 6000,
  /** Choices in one autocomplete answer (r&r L313). */
  choices: 25,
  /** Autocomplete choice name, 1 to 100 (cmd L122). */
  choiceName: 100,
  /** Autocomplete string choice value (cmd L124). */
  choiceValue: 100,
  /** Buttons in one action row (comp L115). */
  buttonsPerRow: 5,
  /** Action rows in one (non components-v2) message (comp L2542). */
  actionRows: 5,
  /** A component's `custom_id`, 1 to 100 (comp L85). */
  customId: 100,
  /** Button label (comp L175-177). */
  buttonLabel: 80,
  /** A command's or option's description, 1 to 100 (cmd L31). */
  commandDescription: 100,
  /** Time to the first interaction response, in ms, before Discord shows "did not respond" (r&r L351). */
  firstResponseMs: 3000,
} as const;
