import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { reply, startTerminalChat } from '../adapters/cli/chat.js';
import { loadSeedIndex } from './helpers/seed.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { loadCorpusFile } from '../src/corpus/load.js';
import { SNAPSHOT_MIN_PAPERS } from '../src/library.js';

let index: PaperIndex;
beforeAll(async () => {
  index = await loadSeedIndex();
});

describe('the terminal chat', () => {
  it('answers a question with the cited sentence and five papers', () => {
    const text = reply(index, 'what is an attention sink?');
    expect(text).toMatch(/^“.*attention sink.*”/);
    expect(text).toMatch(/^5\. /m);
    expect(text).not.toMatch(/^6\. /m);
  });

  it('serves /search, /paper, /similar and /help like the bots do', () => {
    expect(reply(index, '/search spike-aware adam')).toMatch(/papers match “spike-aware adam”; showing 1–/);
    expect(reply(index, '/paper SPAM: Spike-Aware Adam with Momentum Reset for Stable LLM Training')).toMatch(/^SPAM: Spike-Aware Adam/);
    expect(reply(index, '/similar TopoMortar: A dataset to evaluate image segmentation methods focused on topology accuracy')).toMatch(/^Papers like “TopoMortar/);
    expect(reply(index, '/paper TopoMor')).toMatch(/^TopoMortar: A dataset/);
    expect(reply(index, '/paper one-step diffusi')).toMatch(/^No paper is titled “one-step diffusi”\.\nDid you mean:\n  • SNOOPI/);
    expect(reply(index, '/help')).toMatch(/106 papers \(Mar 13\)/);
  });

  it('shows its help for a bare "help" or a greeting, which would otherwise be searched for', () => {
    for (const line of ['help', 'Help?', 'hi', 'hello!', 'commands']) expect(reply(index, line)).toMatch(/^I answer questions about 106 papers/);
    expect(reply(index, 'help with catastrophic forgetting')).not.toMatch(/^I answer questions/);
  });

  it('explains instead of failing on empty, unknown and unusable input', () => {
    expect(reply(index, '/search')).toMatch(/Please ask a question/);
    expect(reply(index, '/paper quokka migration')).toMatch(/No paper is titled “quokka migration”/);
    expect(reply(index, '/paper')).toMatch(/Which paper\?/);
    expect(reply(index, '/frobnicate')).toMatch(/^Unknown command \/frobnicate/);
    expect(reply(index, 'the of and')).toMatch(/could not find any words/);
  });

  it('ends at a bare "quit" or "exit" as at /quit', async () => {
    for (const word of ['quit', 'Exit']) {
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const done = startTerminalChat(index, input, output);
      input.end(`${word}\nwhat is NormGrad?\n`);
      await done;
      expect(printed).not.toMatch(/No papers matched|NormGrad/);
    }
  });

  it('keeps going after a bad line and ends at /quit or the end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = startTerminalChat(index, input, output);
    input.end('\u0000\u0007\nwhat is NormGrad?\n/quit\nnever read\n');
    await done;
    expect(printed).toMatch(/set DISCORD_TOKEN or SLACK_BOT_TOKEN/);
    expect(printed).toMatch(/Please ask a question/);
    expect(printed).toMatch(/There and Back Again/);
  });
});

describe('npm start with no tokens', () => {
  it('opens the terminal chat over the shipped corpus', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'paperbot-start-'));
    const env = { ...process.env, DATA_DIR: dataDir, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' };
    const output = await new Promise<string>((resolve) => {
      const child = execFile('npx', ['tsx', 'adapters/main.ts'], { env, cwd: process.cwd() }, (_, stdout) => resolve(stdout));
      child.stdin?.end('what is GarDiff?\n');
    });
    expect(output).toMatch(/paperbot: ask about 106 papers/);
    expect(output).toMatch(/Improving Virtual Try-On with Garment-focused Diffusion Models/);
  });

  it('adds the papers ingested earlier, and the next time starts from the snapshot it saved with them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'paperbot-start-'));
    const databasePath = join(dataDir, 'paperbot.sqlite');
    const store = await openSqliteStore(databasePath);
    await store.upsertPapers((await loadCorpusFile('../shared/corpus/hf-daily-papers.jsonl.gz')).slice(0, SNAPSHOT_MIN_PAPERS));
    await store.close();
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: databasePath, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' };
    const chat = () => new Promise<{ stdout: string; stderr: string }>((resolve) => {
      const child = execFile('npx', ['tsx', 'adapters/main.ts'], { env, cwd: process.cwd() }, (_, stdout, stderr) => resolve({ stdout, stderr }));
      child.stdin?.end('/quit\n');
    });
    const first = await chat();
    expect(first.stdout).toMatch(/paperbot: ask about 1,106 papers/);
    expect(first.stderr).toMatch(/"msg":"Added ingested papers","added":1000,"updated":0\}/);
    expect(first.stderr).toMatch(/"msg":"Saved the index with the ingested papers, for the next start","storeRevision":1\}/);
    const second = await chat();
    expect(second.stdout).toMatch(/paperbot: ask about 1,106 papers/);
    expect(second.stderr).toMatch(/"msg":"Index loaded","papers":1106,.*"snapshotOfStoreRevision":1\}/);
    // Nothing was added or changed since the snapshot: nothing to say.
    expect(second.stderr).not.toMatch(/Added ingested papers/);
  }, 60_000);
});
