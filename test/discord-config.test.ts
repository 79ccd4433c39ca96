import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/errors.js';
import { readDiscordConfig } from '../adapters/discord/config.js';

// Shaped like a bot token (three dot-joined base64url parts); not a real one.
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fakefakefakefakefakefakefakefake';

function configError(env: Record<string, string>): ConfigError {
  try {
    readDiscordConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readDiscordConfig', () => {
  it('returns undefined when DISCORD_TOKEN is unset or blank: the bot runs without Discord', () => {
    expect(readDiscordConfig({})).toBeUndefined();
    expect(readDiscordConfig({ DISCORD_TOKEN: '  ', DISCORD_GUILD_ID: 'nonsense' })).toBeUndefined();
  });

  it('reads the token, ids and API base, trimming spaces and the base’s trailing slash', () => {
    expect(readDiscordConfig({
      DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_APPLICATION_ID: '1100000000000000001', DISCORD_GUILD_ID: '1200000000000000001',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
    })).toEqual({ token: TOKEN, applicationId: '1100000000000000001', guildId: '1200000000000000001', apiUrl: 'http://127.0.0.1:8080/api' });
    expect(readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '' })).toEqual({ token: TOKEN });
  });

  it.each([
    ['DISCORD_TOKEN', { DISCORD_TOKEN: `Bot ${TOKEN}` }, /DISCORD_TOKEN does not look like a bot token.*Bot → Reset Token/],
    ['DISCORD_APPLICATION_ID', { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'paperbot' }, /DISCORD_APPLICATION_ID must be a numeric Discord id.*Application ID/],
    ['DISCORD_GUILD_ID', { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '12' }, /DISCORD_GUILD_ID must be a numeric Discord id.*Copy Server ID/],
    ['DISCORD_API_URL', { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'ftp://proxy' }, /DISCORD_API_URL must be an http\(s\) URL/],
    ['DISCORD_API_URL with a version', { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'https://proxy.example/api/v10' }, /not …\/api\/v10/],
  ])('names %s and how to get it when it is malformed', (_, env, message) => {
    expect(configError(env).message).toMatch(message);
  });

  it('never repeats a secret in its message', () => {
    const leaky = 'Bot secret-token-value-123';
    const error = configError({ DISCORD_TOKEN: leaky, DISCORD_API_URL: 'not a url secret-token-value-123' });
    expect(error.message).not.toContain('secret-token-value-123');
    expect(error.message.split('\n')).toHaveLength(2);
  });
});
