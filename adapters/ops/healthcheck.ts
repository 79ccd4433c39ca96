/**
 * `npm run healthcheck`, and the container's health check: asks the running bot's `/healthz` at HEALTH_PORT and
 * HEALTH_HOST, read as `npm start` reads them (`.env` included). Exit code 0 when it answers 200; 1 otherwise,
 * with the reason on stderr.
 */
import dotenv from 'dotenv';
import { ConfigError } from '../../src/errors.js';
import { readOpsConfig } from './config.js';
import { healthUrl } from './health-server.js';
import { exitWithError } from '../cli/exit.js';

/** A bot that takes longer than this to say it is alive is not healthy (Docker's own limit is 30 s by default). */
const TIMEOUT_MS = 5000;

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const { health } = readOpsConfig(process.env);
  if (!health) throw new ConfigError('HEALTH_PORT is not set, so paperbot serves no /healthz: set it for npm start and for this check');
  const url = healthUrl(health);
  const problem = await askHealth(url);
  if (problem === undefined) return;
  process.stderr.write(`${url}: ${problem}\n`);
  process.exit(1);
}

/** Undefined when the bot answers 200; else what it answered, or why nothing did. */
async function askHealth(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return response.status === 200 ? undefined : `${response.status} ${(await response.text()).trim()}`;
  } catch (error) {
    // fetch's own message is "fetch failed"; the cause says what failed (ECONNREFUSED …).
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return `no answer (${cause instanceof Error ? cause.message : String(cause)})`;
  }
}

main().catch(exitWithError);
