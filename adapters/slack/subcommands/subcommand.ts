import type { PaperIndex } from '../../../src/paper-index.js';
import type { DailyPapers } from '../../../src/digest/daily-papers.js';
import type { SlackMessage } from '../format/message.js';
import type { ViewState } from '../views.js';

/** Who asked, where, and what followed the subcommand's name. */
export interface SubcommandRequest {
  argument: string;
  index: PaperIndex;
  userId: string;
  channelId: string;
  /** Subscriptions and digests; `undefined` when the bot runs without daily papers. */
  daily: DailyPapers | undefined;
  /** The moment of the request: "today" for `/papers daily`. */
  now: Date;
}

/**
 * What a subcommand answers: a view of the papers (rendered by `renderView`, shareable, restart-proof), or
 * finished messages for subcommands that show something else (a subscription's confirmation, a digest that
 * may take more than one message).
 */
export type SubcommandReply = { view: ViewState } | { message: SlackMessage } | { messages: SlackMessage[] };

/** One `/papers <name> …` subcommand. Adding one is a file exporting this and a line in `index.ts`. */
export interface Subcommand {
  name: string;
  /** How to call it, as shown in help: `/papers search <words>`. */
  usage: string;
  summary: string;
  /** Throws `UserError` with a reason to show for what the person can fix. */
  run(request: SubcommandRequest): SubcommandReply | Promise<SubcommandReply>;
}
