import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readOpsConfig } from '../adapters/ops/config.js';
import { Health } from '../adapters/ops/health.js';
import { createMetrics } from '../adapters/ops/metrics.js';
import { startHealthServer, type HealthServer } from '../adapters/ops/health-server.js';
import { silentLogger } from '../src/logger.js';
import { envPairs, parseDockerfile, type Instruction } from './helpers/dockerfile.js';
import { freePort } from './helpers/entry-point.js';

/**
 * No container can be built where the tests run (no Docker engine), so the Dockerfile, compose.yaml and the
 * systemd unit are checked for what can be checked without one, and the health check they run is run for real.
 */
const read = (path: string) => readFileSync(path, 'utf8');
const packageJson = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string>; dependencies: Record<string, string> };
const docker = parseDockerfile(read('Dockerfile'));
const finalStage = Math.max(...docker.map((instruction) => instruction.stage));
const compose = parse(read('compose.yaml')) as { services: { paperbot: Record<string, unknown> }; volumes: Record<string, unknown> };
const service = compose.services.paperbot;
const unit = read('deploy/paperbot.service');

const all = (keyword: string, stage?: number): Instruction[] =>
  docker.filter((instruction) => instruction.keyword === keyword && (stage === undefined || instruction.stage === stage));
const execForm = (args: string): string[] => JSON.parse(args.replace(/^CMD\s+/, '')) as string[];
const unitValues = (key: string): string[] => [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((match) => match[1]!);
/** The image's environment: its ENV, then compose's `environment` over it, as the container sees it. */
const imageEnv = { ...Object.assign({}, ...all('ENV', finalStage).map((env) => envPairs(env.args))), ...(service.environment as Record<string, string>) } as Record<string, string>;
const startCommand = packageJson.scripts.start!.split(' ');

describe('the Dockerfile', () => {
  it('runs the Node major that CI runs and package.json requires, in every stage', () => {
    const major = /^>=(\d+)\./.exec(packageJson.engines.node)?.[1];
    expect(major).toBe(process.versions.node.split('.')[0]);
    const images = all('FROM').map((from) => from.args.split(' ')[0]);
    expect(images).toHaveLength(2);
    for (const image of images) expect(image).toMatch(new RegExp(`^node:${major}-bookworm-slim$`));
  });

  it('installs from the lock file with npm ci, with the toolchain better-sqlite3 may need to compile, in the build stage only', () => {
    const runs = all('RUN', 0).map((run) => run.args);
    expect(runs.some((run) => /apt-get install .*\bpython3\b.*\bmake\b.*\bg\+\+/.test(run))).toBe(true);
    const copyLock = docker.findIndex((i) => i.keyword === 'COPY' && i.args === 'package.json package-lock.json ./' && i.stage === 0);
    const install = docker.findIndex((i) => i.keyword === 'RUN' && /^npm ci\b/.test(i.args));
    expect(copyLock).toBeGreaterThanOrEqual(0);
    expect(install).toBeGreaterThan(copyLock);
    expect(docker.filter((i) => /npm (install|i)\b/.test(i.args))).toEqual([]);
    expect(all('RUN', finalStage).map((run) => run.args).join(' ')).not.toMatch(/apt-get|g\+\+/);
  });

  it('omits dev dependencies, so everything the bot imports must be a dependency', () => {
    expect(all('RUN', 0).some((run) => run.args.includes('--omit=dev'))).toBe(true);
    const imported = new Set<string>();
    for (const dir of ['src', 'adapters']) {
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
        for (const [, name] of read(join(dir, file)).matchAll(/^(?:import|export)[^'"]*from '([^.'][^']*)'/gm)) {
          if (!name!.startsWith('node:')) imported.add(name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!);
        }
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    for (const name of [...imported, 'tsx']) expect(packageJson.dependencies, name).toHaveProperty([name]);
  });

  it('runs as the unprivileged node user, which owns the data volume', () => {
    const users = all('USER', finalStage);
    expect(users.map((user) => user.args)).toEqual(['node']);
    const cmd = docker.findIndex((i) => i.keyword === 'CMD');
    expect(docker.indexOf(users[0]!)).toBeLessThan(cmd);
    expect(all('RUN', finalStage).map((run) => run.args)).toContain(`mkdir -p ${imageEnv.DATA_DIR} && chown node:node ${imageEnv.DATA_DIR}`);
  });

  it('keeps the saved index and the database in the volume, and the shipped corpus in the image', () => {
    const [volume] = all('VOLUME').map((v) => v.args);
    expect(imageEnv.DATA_DIR).toBe(volume);
    expect(imageEnv.DATABASE_PATH!.startsWith(`${volume}/`)).toBe(true);
    expect(service.volumes).toEqual([`paperbot-data:${volume}`]);
    expect(compose.volumes).toHaveProperty(['paperbot-data']);
    expect(all('COPY', finalStage).map((copy) => copy.args)).toContain('data/hf-daily-papers-mar13.txt ./data/');
  });

  it('starts the way npm start does, with Node itself so that SIGTERM reaches the bot', () => {
    const [cmd] = all('CMD');
    expect(execForm(cmd!.args)).toEqual(startCommand);
  });

  it('copies only files that exist, and never the secrets or what the bot makes at run time', () => {
    for (const copy of all('COPY').filter((c) => !c.args.startsWith('--from'))) {
      for (const source of copy.args.split(' ').slice(0, -1)) expect(existsSync(source), source).toBe(true);
    }
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', 'data/cache', 'data/*.sqlite']) expect(ignored).toContain(entry);
  });

  it('checks health with the same command as compose, on the port the bot listens on and compose publishes', () => {
    const [check] = all('HEALTHCHECK');
    const command = execForm(check!.args.slice(check!.args.indexOf('CMD')));
    expect(service.healthcheck).toMatchObject({ test: ['CMD', ...command] });
    expect(command).toEqual(packageJson.scripts.healthcheck!.split(' '));
    expect(existsSync(command.at(-1)!)).toBe(true);
    const health = readOpsConfig(imageEnv).health!;
    expect(all('EXPOSE').map((e) => e.args)).toEqual([String(health.port)]);
    expect(service.ports).toEqual([`127.0.0.1:${health.port}:${health.port}`]);
  });
});

describe('compose.yaml', () => {
  it('reads the tokens from .env, restarts the bot, reaps its children, and gives it time to finish replies', () => {
    expect(service).toMatchObject({ build: '.', env_file: '.env', restart: 'unless-stopped', init: true, stop_grace_period: '30s' });
  });
});

describe('the systemd unit', () => {
  it('runs npm start’s command as an unprivileged user, with its data in the state directory', () => {
    const [execStart] = unitValues('ExecStart');
    expect(execStart!.split(' ').slice(1)).toEqual(startCommand.slice(1));
    expect(unitValues('User')).toEqual(['paperbot']);
    expect(unitValues('StateDirectory')).toEqual(['paperbot']);
    const env = Object.fromEntries(unitValues('Environment').map((pair) => pair.split('=', 2) as [string, string]));
    expect(env).toMatchObject({ DATA_DIR: '/var/lib/paperbot', DATABASE_PATH: '/var/lib/paperbot/paperbot.sqlite' });
    expect(readOpsConfig(env).health).toEqual({ port: 8080, host: '127.0.0.1' });
  });
});

describe('the health check the container runs', () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Runs the check as the container does, with the image's settings but a free port. */
  async function runCheck(port: number): Promise<{ code: number; stderr: string }> {
    const [node, ...args] = execForm(all('HEALTHCHECK')[0]!.args.replace(/^.*CMD /, ''));
    expect(node).toBe('node');
    const env = { ...process.env, ...imageEnv, HEALTH_PORT: String(port) };
    return new Promise((resolve) => {
      execFile(process.execPath, args, { env }, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
    });
  }

  it('passes on 200, and fails with the reason on 503 or when nothing listens (the image listens on 0.0.0.0)', async () => {
    const port = await freePort();
    expect(await runCheck(port)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/healthz: no answer \(.*ECONNREFUSED/) });
    const health = new Health(['slack']);
    server = await startHealthServer({ port, host: imageEnv.HEALTH_HOST! }, { health: () => health.report(), metrics: createMetrics([]).registry }, silentLogger);
    health.markIndexLoaded();
    expect(await runCheck(port)).toEqual({ code: 1, stderr: `http://127.0.0.1:${port}/healthz: 503 {"status":"unavailable","reason":"Slack is not connected yet","index":"loaded","platforms":{"slack":"starting"}}\n` });
    health.watch('slack', () => true);
    expect(await runCheck(port)).toEqual({ code: 0, stderr: '' });
  }, 60_000);
});
