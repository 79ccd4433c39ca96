/**
 * A throwaway PostgreSQL cluster for the tests: in a temporary folder, on a free loopback port, with a random
 * password, fast and unsafe settings (no fsync: nothing in it outlives the run). As root, the server runs as the
 * `postgres` user, since PostgreSQL refuses to run as root.
 *
 * `node --import tsx scripts/postgres-cluster.ts start` prints `<folder> <url>`; `... stop <folder>` stops it and
 * removes the folder. `.ci/run` and the tests' global setup use it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
/** Where Debian's packages put each version's server programs. */
const DEBIAN_BINARIES = '/usr/lib/postgresql';

export interface Cluster {
  /** The superuser's URL, password included, for the `postgres` database. */
  url: string;
  dir: string;
  /** Starts the server again after `stop`, on the same port. */
  start(): Promise<void>;
  /** Stops the server (fast shutdown: sessions are cut, as in a restart). */
  stop(): Promise<void>;
  /** Stops the server and removes the folder. */
  remove(): Promise<void>;
}

/** The folder of the newest server version's programs (`initdb`, `pg_ctl`), if one is installed. */
export function findPostgresBinaries(): string | undefined {
  if (!existsSync(DEBIAN_BINARIES)) return undefined;
  const versions = readdirSync(DEBIAN_BINARIES).filter((name) => existsSync(join(DEBIAN_BINARIES, name, 'bin', 'initdb')));
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : join(DEBIAN_BINARIES, newest, 'bin');
}

/** Runs a server program, as `postgres` when this process is root. */
function runAs(program: string, args: string[]): Promise<unknown> {
  return userInfo().uid === 0 ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, args);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Creates and starts a cluster with the programs in `bin`. */
export async function startCluster(bin: string): Promise<Cluster> {
  const dir = await mkdtemp(join(tmpdir(), 'paperbot-pg-'));
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(dir, 'password'), password);
  if (userInfo().uid === 0) chownSync(dir, ...postgresIds());
  const data = join(dir, 'data');
  await runAs(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--pwfile', join(dir, 'password'), '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  const start = async () => {
    await runAs(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', settings, 'start']);
  };
  const stop = async () => {
    await runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dir,
    start,
    stop,
    remove: async () => {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates the database `name` on the server at `serverUrl` (a superuser's URL); resolves with its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await asSuperuser(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the database `name`, with whatever sessions still use it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await asSuperuser(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function asSuperuser(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Stops the cluster in `dir` (started by another process) and removes the folder. */
export async function removeCluster(bin: string, dir: string): Promise<void> {
  await runAs(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
}

/** The `postgres` user's uid and gid, who owns the cluster when this process is root. */
function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return [id('-u'), id('-g')];
}

/** The command line: `start` prints `<folder> <url>`; `stop <folder>`. */
async function main(): Promise<void> {
  const [command, dir] = process.argv.slice(2);
  const bin = findPostgresBinaries();
  if (!bin) throw new Error(`no PostgreSQL server programs under ${DEBIAN_BINARIES}`);
  if (command === 'start') {
    const cluster = await startCluster(bin);
    process.stdout.write(`${cluster.dir} ${cluster.url}\n`);
  } else if (command === 'stop' && dir) {
    await removeCluster(bin, dir);
  } else {
    throw new Error('usage: postgres-cluster.ts start | stop <folder>');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
