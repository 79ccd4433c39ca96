/**
 * Settings that only mean something beside a token, each with that token. Set without it, they are most likely a
 * token misspelt or left out: the bot then quietly opens the terminal chat, which under a supervisor (no input)
 * ends at once with exit code 0.
 */
const NEEDED_TOKEN: Readonly<Record<string, string>> = {
  SLACK_APP_TOKEN: 'SLACK_BOT_TOKEN',
  SLACK_SIGNING_SECRET: 'SLACK_BOT_TOKEN',
  SLACK_API_URL: 'SLACK_BOT_TOKEN',
  DISCORD_APPLICATION_ID: 'DISCORD_TOKEN',
  DISCORD_GUILD_ID: 'DISCORD_TOKEN',
  DISCORD_API_URL: 'DISCORD_TOKEN',
};

const PLATFORM_OF_TOKEN: Readonly<Record<string, string>> = { SLACK_BOT_TOKEN: 'Slack', DISCORD_TOKEN: 'Discord' };

/** A warning for each setting that is set while the token it goes with is not; names only, never values. */
export function unusedSettings(env: Readonly<Record<string, string | undefined>>): string[] {
  const isSet = (name: string) => (env[name]?.trim() ?? '') !== '';
  return Object.entries(NEEDED_TOKEN)
    .filter(([setting, token]) => isSet(setting) && !isSet(token))
    .map(([setting, token]) => `${setting} is set but ${token} is not, so ${PLATFORM_OF_TOKEN[token]} stays off: set ${token} to run it (see .env.example).`);
}
