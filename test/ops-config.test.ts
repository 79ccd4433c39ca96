import { describe, expect, it } from 'vitest';
import { readOpsConfig, secretValues } from '../adapters/ops/config.js';
import { ConfigError } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import { startOperations } from '../adapters/ops/operations.js';

describe('readOpsConfig', () => {
  it('defaults to info, and no health server', () => {
    expect(readOpsConfig({})).toEqual({ logLevel: 'info', health: undefined });
    expect(readOpsConfig({ LOG_LEVEL: '', HEALTH_PORT: '', HEALTH_HOST: '' })).toEqual({ logLevel: 'info', health: undefined });
  });

  it('takes a level in any case, a port, and loopback unless told otherwise', () => {
    expect(readOpsConfig({ LOG_LEVEL: ' Debug ', HEALTH_PORT: '8080' })).toEqual({ logLevel: 'debug', health: { port: 8080, host: '127.0.0.1' } });
    expect(readOpsConfig({ HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' }).health).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(readOpsConfig({ HEALTH_PORT: '9464', HEALTH_HOST: '::1' }).health?.host).toBe('::1');
    expect(readOpsConfig({ HEALTH_PORT: '9464', HEALTH_HOST: 'paperbot.internal' }).health?.host).toBe('paperbot.internal');
  });

  it.each([
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
    [{ LOG_LEVEL: 'warning' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
    [{ HEALTH_PORT: 'eighty' }, 'HEALTH_PORT must be a whole number from 1 to 65535'],
    [{ HEALTH_PORT: '0' }, 'HEALTH_PORT must be a whole number from 1 to 65535'],
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT must be a whole number from 1 to 65535'],
    [{ HEALTH_PORT: '80.5' }, 'HEALTH_PORT must be a whole number from 1 to 65535'],
    [{ HEALTH_PORT: '8080', HEALTH_HOST: 'http://localhost' }, 'HEALTH_HOST must be an IP address or a host name'],
    [{ HEALTH_PORT: '8080', HEALTH_HOST: '127.0.0.1:8080' }, 'HEALTH_HOST must be an IP address or a host name'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => readOpsConfig(env)).toThrow(ConfigError);
    expect(() => readOpsConfig(env)).toThrow(message);
  });
});

describe('secretValues', () => {
  it('lists the values of the token and signing-secret settings that are set, and nothing else', () => {
    const env = { DISCORD_TOKEN: ' discord-secret ', SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: 'abc123abc123', HEALTH_PORT: '8080' };
    expect(secretValues(env)).toEqual(['discord-secret', 'xoxb-secret', 'abc123abc123']);
  });
});

describe('startOperations', () => {
  it('refuses HEALTH_PORT on the port where Slack’s HTTP requests arrive, before listening on anything', async () => {
    const slack = { mode: 'http', botToken: 'xoxb-x', signingSecret: 'abcdef0123456789', port: 3000 } as const;
    await expect(startOperations({ logLevel: 'info', health: { port: 3000, host: '127.0.0.1' } }, { discord: undefined, slack }, silentLogger))
      .rejects.toThrow(new ConfigError('HEALTH_PORT and PORT are both 3000, where Slack’s requests arrive: give HEALTH_PORT another port'));
  });
});
