import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** `npm start` with no tokens (the terminal chat, ending at once on empty input), and what it wrote. */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  env = { ...process.env, DATA_DIR: await mkdtemp(join(tmpdir(), 'paperbot-logs-')), DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', LOG_LEVEL: '' };
});

/** Piped, as under systemd or Docker: stdin empty, stdout and stderr read by this process. */
function piped(settings: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { env: { ...env, ...settings } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    child.stdin?.end();
  });
}

/** On a terminal, as for a person: `script` (util-linux) gives the command one; everything it prints comes back together. */
function atTerminal(): Promise<string> {
  return new Promise((resolve) => {
    const command = `${process.execPath} --import tsx adapters/main.ts < /dev/null`;
    execFile('script', ['-qec', command, '/dev/null'], { env }, (_error, out) => resolve(out));
  });
}

describe('npm start’s log lines', () => {
  it('are JSON, one object a line, when piped', async () => {
    const { code, stderr } = await piped();
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // Built the first time, loaded from the data folder after.
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', msg: expect.stringMatching(/^Index (built|loaded)$/), papers: 106 }));
  }, 30_000);

  it('are readable lines at a terminal', async () => {
    const output = await atTerminal();
    expect(output).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z info Index (built|loaded) \{"papers":106,/m);
    expect(output).not.toContain('{"time"');
  }, 30_000);

  it('leave out what is below LOG_LEVEL', async () => {
    // A setting without its token is a warning; the index being built, information.
    const { stderr } = await piped({ LOG_LEVEL: 'warn', SLACK_APP_TOKEN: 'xapp-without-bot-token' });
    const lines = stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/^SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not/) })]);
  }, 30_000);

  it('stop with a clear message for a LOG_LEVEL it does not know', async () => {
    const { code, stderr } = await piped({ LOG_LEVEL: 'verbose' });
    expect(code).toBe(1);
    expect(stderr).toBe('LOG_LEVEL must be one of debug, info, warn, error\n');
  }, 30_000);
});
