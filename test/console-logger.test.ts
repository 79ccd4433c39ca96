import { describe, expect, it } from 'vitest';
import { createConsoleLogger, type ConsoleLoggerOptions } from '../src/log/console-logger.js';
import { REDACTED } from '../src/log/redact-secrets.js';

/** A stream that keeps what is written, at a terminal or not. */
function recorder(isTTY: boolean) {
  const lines: string[] = [];
  return { lines, stream: { isTTY, write: (text: string) => lines.push(text) } };
}

function loggerOn(isTTY: boolean, options: Omit<ConsoleLoggerOptions, 'stream'> = {}) {
  const { lines, stream } = recorder(isTTY);
  return { log: createConsoleLogger({ ...options, stream }), lines };
}

// Shaped like real credentials; none is one.
const DISCORD_SHAPED = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fakefakefakefakefakefakefakefake';
const SLACK_SHAPED = 'xoxb-1111111111-2222222222222-FakeFakeFakeFakeFake';

describe('the format follows where the lines go', () => {
  it('writes one JSON object a line when not at a terminal: time, level, msg, then the details', () => {
    const { log, lines } = loggerOn(false);
    log.info('Index built', { papers: 106, milliseconds: 1252 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\n$/);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(entry)).toEqual(['time', 'level', 'msg', 'papers', 'milliseconds']);
    expect(entry).toMatchObject({ level: 'info', msg: 'Index built', papers: 106 });
    expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
  });

  it('writes a readable line at a terminal: time, level, message and the details as JSON', () => {
    const { log, lines } = loggerOn(true);
    log.warn('Skipped a corpus record', { line: 3 });
    log.error('Shutting down');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z warn Skipped a corpus record \{"line":3\}\n$/);
    expect(lines[1]).toMatch(/^\S+ error Shutting down\n$/);
  });

  it('keeps time, level and msg when a detail has one of their names', () => {
    const { log, lines } = loggerOn(false);
    log.warn('Real message', { level: 'debug', msg: 'forged', time: 'never' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'Real message' });
    expect(JSON.parse(lines[0]!).time).not.toBe('never');
  });

  it('writes errors in details as their name and message, and still writes a line whose details cannot be serialised', () => {
    const { log, lines } = loggerOn(false);
    log.error('Failed', { error: new TypeError('bad input') });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    log.error('Cycle', { cycle });
    expect(JSON.parse(lines[0]!)).toMatchObject({ error: { name: 'TypeError', message: 'bad input' } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'error', msg: 'Cycle', details: '(details could not be serialised)' });
  });
});

describe('LOG_LEVEL', () => {
  it('writes info, warn and error by default, and no debug', () => {
    const { log, lines } = loggerOn(false);
    log.debug('gateway heartbeat');
    log.info('a');
    log.warn('b');
    log.error('c');
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(['info', 'warn', 'error']);
  });

  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('at %s, writes %j', (level, written) => {
    const { log, lines } = loggerOn(false, { level });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(written);
  });
});

describe('secrets', () => {
  it('never prints a token-shaped value, wherever an error put it', () => {
    for (const isTTY of [false, true]) {
      const { log, lines } = loggerOn(isTTY);
      log.error('Slack call failed', { error: new Error(`An API error occurred for ${SLACK_SHAPED}`) });
      log.error(`Discord refused ${DISCORD_SHAPED}`, { headers: { authorization: `Bot ${DISCORD_SHAPED}` } });
      log.warn('socket', { url: 'wss://example.invalid/?token=xapp-1-A0FAKE-1234-abcdef', auth: 'Bearer abcdefghijklmnopqrstuvwxyz0123' });
      const printed = lines.join('');
      for (const secret of [SLACK_SHAPED, DISCORD_SHAPED, 'xapp-1-A0FAKE', 'abcdefghijklmnopqrstuvwxyz0123']) expect(printed).not.toContain(secret);
      expect(printed).toContain(`Discord refused ${REDACTED}`);
      expect(printed).toContain(`Bearer ${REDACTED}`);
    }
  });

  it('never prints the configured secrets, whatever their shape', () => {
    const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
    const { log, lines } = loggerOn(false, { secrets: [signingSecret] });
    log.error('Signature check failed', { expected: signingSecret });
    expect(lines.join('')).not.toContain(signingSecret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ expected: REDACTED });
  });

  it('leaves ordinary words alone: "the Bot User OAuth Token (xoxb-…)" is advice, not a token', () => {
    const { log, lines } = loggerOn(false, { secrets: ['short'] });
    const advice = 'Create a new one, the Bot User OAuth Token (xoxb-…), short and sweet';
    log.error(advice);
    expect(JSON.parse(lines[0]!).msg).toBe(advice);
  });
});
