import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHf, type FakeHf } from './fake-hf.js';

let hf: FakeHf;
let databasePath: string;
beforeAll(async () => {
  hf = await startFakeHf();
  databasePath = join(await mkdtemp(join(tmpdir(), 'paperbot-ingest-')), 'paperbot.sqlite');
});
afterAll(() => hf.close());

/** Runs `npm run ingest` as an operator would (through tsx), against the loopback Daily Papers API. */
function ingest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, HF_API_URL: hf.url, DATABASE_PATH: databasePath };
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'adapters/cli/ingest.ts', ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe('npm run ingest -- --date', () => {
  it('prints what was added from the day the API lists', async () => {
    const { code, stdout } = await ingest(['--date', '2026-08-20']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2026-08-20: \d+ papers listed\n {2}added \d+, updated 0/);
  });

  it('says what --date takes when it is not a calendar day, with the usage, and fetches nothing', async () => {
    const before = hf.requests.length;
    for (const day of ['yesterday', '2026-13-45']) {
      const { code, stderr } = await ingest(['--date', day]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^--date takes a calendar day as YYYY-MM-DD, e\.g\. 2026-08-20\.\nusage: npm run ingest/);
    }
    expect(hf.requests.length).toBe(before);
  });

  it('says which day could not be fetched, from where, and what to check, when Hugging Face fails: not a fault to report', async () => {
    // A 4xx other than 429 is not retried, so the run fails at once.
    hf.faults.push({ kind: 'status', status: 404 });
    const { code, stderr } = await ingest(['--date', '2026-08-21']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Could not fetch the Daily Papers of 2026-08-21 from 127\.0\.0\.1:\d+: HTTP 404\. Nothing was stored; check HF_API_URL/m);
    expect(stderr).not.toMatch(/Please report/);
  });
});
