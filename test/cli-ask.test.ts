import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** Runs `npm run ask` as a person would (through tsx), with its own data folder so tests never share a cache. */
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'paperbot-cli-'));
});

/** Set, if empty, so that a developer's own .env cannot point these runs at another corpus (dotenv never overrides). */
const SHIPPED_CORPUS = { CORPUS_PATHS: '' };

function ask(args: string[], stdin?: string, env: Record<string, string> = { DATA_DIR: dataDir, ...SHIPPED_CORPUS }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('npx', ['tsx', 'adapters/cli/ask.ts', ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

const JsonAnswer = (line: string) => JSON.parse(line) as {
  question: string; kind: string; answer: { text: string; paperId: string } | null; results: { id: string; title: string; score: number }[]; reply?: string;
};

describe('npm run ask', () => {
  it('prints the cited sentence, then the papers with links and why they matched', async () => {
    const { code, stdout } = await ask(['what is an attention sink?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^“.+”\n {2}— .+\((https:\/\/arxiv\.org\/search\/\?searchtype=title&query=.+)\)/);
    expect(stdout).toMatch(/^1\. .*Attention Sink/m);
    expect(stdout).toMatch(/matched: attention, sink/);
  });

  it('stops quietly when its reader stops reading (piped into head)', async () => {
    const child = spawn('npx', ['tsx', 'adapters/cli/ask.ts'], { env: { ...process.env, DATA_DIR: dataDir } });
    // The reader is gone before the first answer is written.
    child.stdout.destroy();
    child.stdin.end('attention sink\nspike-aware adam\n'.repeat(20));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('prints one JSON object with --json, with exactly the documented keys', async () => {
    const { code, stdout } = await ask(['--json', '--limit', '12', 'spike-aware adam']);
    expect(code).toBe(0);
    const answer = JsonAnswer(stdout);
    expect(Object.keys(answer)).toEqual(['question', 'kind', 'answer', 'results']);
    expect(answer.kind).toBe('answered');
    expect(Object.keys(answer.answer!)).toEqual(['text', 'paperId']);
    expect(answer.results).toHaveLength(12);
    expect(Object.keys(answer.results[0]!)).toEqual(['id', 'title', 'score']);
    expect(answer.results[0]!.id).toBe('spam-spike-aware-adam-with-momentum-reset-for-stable-llm-training');
  });

  it('says with --json when the library has nothing on a question: no answer, the possibly related papers, and why', async () => {
    const { code, stdout } = await ask([], 'which papers study protein folding?\nthanks, that was helpful\n');
    expect(code).toBe(0);
    const [offTopic, thanks] = stdout.trim().split('\n').map(JsonAnswer);
    expect(offTopic).toMatchObject({ kind: 'not-in-library', answer: null });
    expect(offTopic!.results.length).toBeLessThanOrEqual(3);
    expect(thanks).toMatchObject({ kind: 'small-talk', answer: null, results: [], reply: expect.stringMatching(/welcome/i) });
  });

  it('says in plain text that the library has nothing on it, and lists the nearest papers as possibly related', async () => {
    const { code, stdout } = await ask(['which papers study protein folding?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The library has nothing on that.*\nPossibly related:\n\n1\. /);
    expect(stdout).not.toMatch(/“/);
  });

  it('answers stdin line by line, in order, with an empty answer for a line it cannot search', async () => {
    const { code, stdout, stderr } = await ask([], 'what is NormGrad?\n\nhow does attention work in vision transformers?\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map(JsonAnswer);
    expect(lines.map((l) => l.question)).toEqual(['what is NormGrad?', '', 'how does attention work in vision transformers?']);
    expect(lines[1]).toEqual({ question: '', kind: 'nothing-found', answer: null, results: [] });
    expect(lines[2]!.results.length).toBeGreaterThanOrEqual(10);
    expect(stderr).toMatch(/ask a question/);
    expect(stderr).not.toMatch(/No question given/);
  });

  it('at a terminal with no question, says how to ask instead of waiting in silence', async () => {
    // `script` (util-linux, in every Debian) runs the command on a terminal, as for a person typing; Ctrl-D ends.
    const stdout = await new Promise<string>((resolve) => {
      const env = { ...process.env, DATA_DIR: dataDir, ...SHIPPED_CORPUS };
      const child = execFile('script', ['-qec', 'npx tsx adapters/cli/ask.ts', '/dev/null'], { env }, (_error, out) => resolve(out));
      child.stdin?.end('attention sink\n\u0004');
    });
    expect(stdout).toContain('No question given: type one per line, JSON comes out; Ctrl-D ends.');
    expect(stdout).toContain('{"question":"attention sink"');
  });

  it('says why, without a stack trace, for an unusable question, a bad limit or a missing corpus', async () => {
    const empty = await ask(['   ']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^Please ask a question/);
    const limit = await ask(['--limit', 'ten', 'attention']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--limit takes a whole number/);
    const missing = await ask(['--corpus', 'no/such/file.jsonl', 'attention']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no\/such\/file\.jsonl: file not found/);
    for (const run of [empty, limit, missing]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its usage for --help, and refuses an unknown option with it', async () => {
    const help = await ask(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run ask -- \[--json\]/);
    const unknown = await ask(['--frobnicate', 'attention']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--frobnicate'[\s\S]*usage: npm run ask/);
  });

  it('reads CORPUS_PATHS from a .env file, as npm start does', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'paperbot-dotenv-'));
    const envFile = join(folder, '.env');
    const corpus = join(process.cwd(), '../shared/corpus/hf-daily-samples/daily_papers_2026-08-21.json');
    await writeFile(envFile, `CORPUS_PATHS=${corpus}\nDATA_DIR=${folder}\n`);
    // DOTENV_PATH points dotenv at this file instead of the project's own .env, which a developer may have.
    const { code, stdout } = await ask(['--json', 'language models'], '', { DOTENV_PATH: envFile });
    expect(code).toBe(0);
    // Papers from the API have arXiv ids; the shipped page text has none, so its papers' ids are title slugs.
    const ids = JsonAnswer(stdout).results.map((result) => result.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{4}\.\d{4,5}$/);
  });

  it('takes --corpus instead of CORPUS_PATHS, even one naming a file that no longer exists', async () => {
    const { code, stdout, stderr } = await ask(['--json', '--corpus', '../shared/corpus/hf-daily-samples/daily_papers_2026-08-21.json', 'closed-loop embodied harness'], '', {
      DATA_DIR: dataDir,
      CORPUS_PATHS: '/nope/removed-corpus.jsonl',
    });
    expect(stderr).not.toMatch(/CORPUS_PATHS/);
    expect(code).toBe(0);
    // That file's papers have arXiv ids; the shipped corpus's are title slugs.
    expect(JsonAnswer(stdout).results[0]!.id).toMatch(/^\d{4}\.\d{4,5}$/);
  });

  it('indexes other corpus files with --corpus, gzip JSON Lines included', async () => {
    const { stdout } = await ask(['--json', '--corpus', '../shared/corpus/hf-daily-samples/daily_papers_2026-08-21.json', '--corpus', '../shared/corpus/hf-daily-samples/daily_papers_2026-08-20.json', 'closed-loop embodied harness']);
    expect(JsonAnswer(stdout).results[0]!.id).toBe('2608.16590');
  });
});
