import { describe, expect, it } from 'vitest';
import { readSlackConfig } from '../adapters/slack/config.js';
import { ConfigError } from '../src/errors.js';

const BOT = 'xoxb-1111-2222-secretbotvalue';
const APP = 'xapp-1-A1-3333-secretappvalue';
const SIGNING = '0123456789abcdef0123456789abcdef';

/** The error `readSlackConfig` throws for `env`. */
function failure(env: Record<string, string>): ConfigError {
  try {
    readSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readSlackConfig', () => {
  it('leaves Slack off when SLACK_BOT_TOKEN is unset or empty', () => {
    expect(readSlackConfig({})).toBeUndefined();
    expect(readSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: SIGNING })).toBeUndefined();
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set, even with a signing secret', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SIGNING }))
      .toEqual({ mode: 'socket', botToken: BOT, appToken: APP });
  });

  it('chooses HTTP with the signing secret, on PORT or 3000', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING }))
      .toEqual({ mode: 'http', botToken: BOT, signingSecret: SIGNING, port: 3000 });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: '8080', SLACK_APP_TOKEN: '' }))
      .toMatchObject({ mode: 'http', port: 8080 });
  });

  it('passes SLACK_API_URL through for a proxy or gateway', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'https://gateway.example/api/' }))
      .toMatchObject({ apiUrl: 'https://gateway.example/api/' });
  });

  it('names every bad variable and never echoes a value', () => {
    const error = failure({ SLACK_BOT_TOKEN: 'xoxp-secretuservalue', SLACK_APP_TOKEN: 'secretappvalue', PORT: '70000', SLACK_API_URL: 'ftp://secretgateway' });
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'PORT', 'SLACK_API_URL']) expect(error.message).toContain(name);
    expect(error.message).not.toMatch(/secret|70000/);
  });

  it('refuses a SLACK_API_URL with a user or password in it, without echoing them: fetch cannot send them, and its errors would print them', () => {
    const message = failure({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'https://proxyuser:proxy-secret@gateway.example/api/' }).message;
    expect(message).toMatch(/^SLACK_API_URL must not contain a user or password/);
    expect(message).not.toMatch(/proxyuser|secret/);
  });

  it('says what is missing when a bot token comes with neither connection secret', () => {
    expect(failure({ SLACK_BOT_TOKEN: BOT }).message).toMatch(/SLACK_APP_TOKEN .*SLACK_SIGNING_SECRET/);
    expect(failure({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'not-hex-secretvalue' }).message).toMatch(/^SLACK_SIGNING_SECRET must/);
  });
});
