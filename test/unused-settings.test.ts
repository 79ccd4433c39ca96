import { describe, expect, it } from 'vitest';
import { unusedSettings } from '../adapters/unused-settings.js';

describe('unusedSettings', () => {
  it('warns about a setting whose token is missing, naming both and never a value', () => {
    const warnings = unusedSettings({ SLACK_APP_TOKEN: 'xapp-secret-value', DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(warnings).toEqual([
      'SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not, so Slack stays off: set SLACK_BOT_TOKEN to run it (see .env.example).',
      'DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not, so Discord stays off: set DISCORD_TOKEN to run it (see .env.example).',
    ]);
    expect(warnings.join('\n')).not.toMatch(/secret-value|123456789012345678/);
  });

  it('counts an API address set without its token as the same mistake', () => {
    const warnings = unusedSettings({ SLACK_API_URL: 'http://127.0.0.1:9/api/', DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(warnings.map((warning) => warning.split(' ')[0])).toEqual(['SLACK_API_URL', 'DISCORD_API_URL']);
  });

  it('says nothing when the token is there, when nothing is set, or for blank values (the .env.example placeholders)', () => {
    expect(unusedSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', DISCORD_TOKEN: 't', DISCORD_GUILD_ID: '1' })).toEqual([]);
    expect(unusedSettings({})).toEqual([]);
    expect(unusedSettings({ SLACK_APP_TOKEN: ' ', SLACK_SIGNING_SECRET: '', DISCORD_APPLICATION_ID: '' })).toEqual([]);
  });
});
