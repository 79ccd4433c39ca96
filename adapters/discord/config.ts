import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';

/** The Discord adapter's settings, read once at start. */
export interface DiscordConfig {
  /** The bot token (Developer Portal → your application → Bot → Reset Token). Secret. */
  token: string;
  /** The application id; needed to register commands, not to run. */
  applicationId?: string;
  /** Register commands to this server only (instant updates, for development); else globally. */
  guildId?: string;
  /** Another REST base than Discord's, e.g. a rate-limit proxy: `https://proxy.example/api` (no `/v10`). */
  apiUrl?: string;
}

const SNOWFLAKE = /^\d{17,20}$/;
/** Bot tokens are three base64url parts joined by dots. Checking the shape catches "Bot xyz" and pasted quotes. */
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

function snowflake(name: string, where: string) {
  return z.string().regex(SNOWFLAKE, { error: `${name} must be a numeric Discord id (17 to 20 digits): ${where}.` });
}

// Every message names the variable and where to get it; none repeats the value, which may be a secret.
const DiscordEnv = z.object({
  DISCORD_TOKEN: z.string().regex(TOKEN_SHAPE, {
    error: 'DISCORD_TOKEN does not look like a bot token (three parts joined by dots, no "Bot " prefix or quotes): copy it from the Developer Portal, your application → Bot → Reset Token.',
  }),
  DISCORD_APPLICATION_ID: snowflake('DISCORD_APPLICATION_ID', 'Developer Portal, your application → General Information → Application ID').optional(),
  DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID', 'in Discord, turn on Settings → Advanced → Developer Mode, then right-click the server → Copy Server ID').optional(),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'DISCORD_API_URL must be an http(s) URL such as https://discord.com/api (leave it unset for Discord itself).' })
    .refine((url) => !/\/v\d+\/?$/.test(url), { error: 'DISCORD_API_URL must end before the version: …/api, not …/api/v10.' })
    .optional(),
});

const NAMES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'] as const;

/**
 * Reads the Discord settings from `env` (tests pass a plain object). Returns `undefined` when `DISCORD_TOKEN`
 * is unset or blank: the bot then runs without Discord. Throws `ConfigError` naming each bad variable.
 */
export function readDiscordConfig(env: Readonly<Record<string, string | undefined>>): DiscordConfig | undefined {
  const values: Record<string, string> = {};
  for (const name of NAMES) {
    const value = env[name]?.trim();
    if (value) values[name] = value;
  }
  if (values.DISCORD_TOKEN === undefined) return undefined;
  const parsed = DiscordEnv.safeParse(values);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message).join('\n'));
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID, DISCORD_API_URL } = parsed.data;
  const config: DiscordConfig = { token: DISCORD_TOKEN };
  if (DISCORD_APPLICATION_ID) config.applicationId = DISCORD_APPLICATION_ID;
  if (DISCORD_GUILD_ID) config.guildId = DISCORD_GUILD_ID;
  if (DISCORD_API_URL) config.apiUrl = DISCORD_API_URL.replace(/\/+$/, '');
  return config;
}
