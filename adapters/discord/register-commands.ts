/**
 * `npm run discord:register`: puts the slash commands to Discord, to one server when `DISCORD_GUILD_ID` is set
 * (instant, for development), else globally. A bulk PUT replaces the whole set, so running it twice is harmless;
 * run it only when the commands change (Discord allows 200 command creates a day per server).
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import dotenv from 'dotenv';
import { ConfigError } from '../../src/errors.js';
import { readDiscordConfig, type DiscordConfig } from './config.js';
import { COMMANDS } from './commands/index.js';
import { explainConnectFailure } from './connect-failure.js';

/** Where the commands went and how many. */
export interface Registration {
  scope: 'guild' | 'global';
  count: number;
}

/**
 * Registers `COMMANDS` with the REST API at `config.apiUrl` (default Discord's). A refused token or an unreachable
 * API rejects with a `ConfigError` saying what to check.
 */
export async function registerCommands(config: DiscordConfig): Promise<Registration> {
  if (!config.applicationId) {
    throw new ConfigError('DISCORD_APPLICATION_ID is required to register commands: Developer Portal, your application → General Information → Application ID.');
  }
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const body = COMMANDS.map((command) => command.data);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  await rest.put(route, { body }).catch((error: unknown) => {
    throw explainConnectFailure(error, config.apiUrl);
  });
  return { scope: config.guildId ? 'guild' : 'global', count: body.length };
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = readDiscordConfig(process.env);
  if (!config) throw new ConfigError('DISCORD_TOKEN is not set: copy it from the Developer Portal, your application → Bot → Reset Token, into .env.');
  const { scope, count } = await registerCommands(config);
  const where = scope === 'guild' ? `server ${config.guildId} (active now)` : 'all servers (global; may take up to an hour to appear)';
  process.stdout.write(`Registered ${count} commands for ${where}.\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // A ConfigError names the variable (a refused token, an unreachable API); other errors carry Discord's message, never the token.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
