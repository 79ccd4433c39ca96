import { askCommand } from './ask.js';
import { searchCommand } from './search.js';
import { paperCommand } from './paper.js';
import { similarCommand } from './similar.js';
import { helpCommand } from './help.js';
import type { SlashCommand } from './command.js';

/**
 * Every slash command, in the order `/help` lists them. Registration and dispatch both read this list, so a new
 * command (`/daily`, `/subscribe`) is one file under `commands/` plus one line here.
 */
export const COMMANDS: readonly SlashCommand[] = [askCommand, searchCommand, paperCommand, similarCommand, helpCommand];
