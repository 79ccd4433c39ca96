/**
 * Every Slack limit the adapter honours, in one place. Slack rejects a message that breaks one
 * (`invalid_blocks`) or silently cuts it, so the formatter fits answers to these numbers, never to bare literals.
 * Limits drift: each carries its source and the month it was checked (platform-notes §4.4).
 */
export const SLACK_LIMITS = {
  /** Blocks in one message (modals and the Home tab allow 100). https://docs.slack.dev/reference/block-kit/blocks, checked 2026-11. */
  blocksPerMessage: 50,
  /** Characters in a section's `text`. @slack/types 3.2.0 blocks.d.ts L392-394, checked 2026-11. */
  sectionText: 3000,
  /** Items in a section's `fields`. @slack/types 3.2.0 blocks.d.ts L398-400, checked 2026-11. */
  sectionFields: 10,
  /** Characters in one section field. @slack/types 3.2.0 blocks.d.ts L398-400, checked 2026-11. */
  fieldText: 2000,
  /** Characters in a header's plain text. https://docs.slack.dev/reference/block-kit/blocks/header-block, checked 2026-11. */
  headerText: 150,
  /** Elements in a context block. @slack/types 3.2.0 blocks.d.ts L181 (ContextBlock), checked 2026-11. */
  contextElements: 10,
  /** Characters in any text object (a context element's text included). https://docs.slack.dev/reference/block-kit/composition-objects/text-object, checked 2026-11. */
  textObject: 3000,
  /** Elements in an actions block. https://docs.slack.dev/reference/block-kit/blocks/actions-block, checked 2026-11. */
  actionsElements: 25,
  /** Characters in a button's text. https://docs.slack.dev/reference/block-kit/block-elements/button-element, checked 2026-11. */
  buttonText: 75,
  /** Characters in a button's `value`: the state a button carries. Same source as `buttonText`, checked 2026-11. */
  buttonValue: 2000,
  /** Characters in an `action_id` (and in a `block_id`). Same source as `buttonText`; @slack/types blocks.d.ts L181, checked 2026-11. */
  actionId: 255,
  /** Characters of top-level `text` Slack keeps; it truncates longer text. https://docs.slack.dev/reference/methods/chat.postMessage, checked 2026-11. */
  messageText: 40_000,
} as const;

/** How many papers one answer lists in Slack: the cited answer plus the top three (issue 5). */
export const ANSWER_PAPERS = 3;

/** Papers per page for `/papers search` and "More results". */
export const SEARCH_PAGE_SIZE = 5;
