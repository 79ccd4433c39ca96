import { askCommand } from './ask.js';
import { searchCommand } from './search.js';
import { paperCommand } from './paper.js';
import { similarCommand } from './similar.js';
import { dailyCommand } from './daily.js';
import { subscribeCommand } from './subscribe.js';
import { unsubscribeCommand } from './unsubscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { helpCommand } from './help.js';
import type { SlashCommand } from './command.js';

/**
 * Every slash command, in the order `/help` lists them. Registration and dispatch both read this list, so a new
 * command is one file under `commands/` plus one line here.
 */
export const COMMANDS: readonly SlashCommand[] = [
  askCommand, searchCommand, paperCommand, similarCommand,
  dailyCommand, subscribeCommand, unsubscribeCommand, subscriptionsCommand,
  helpCommand,
];
