import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, type LogLevel } from '../../src/log/console-logger.js';

/** Where `/healthz` and `/metrics` listen when HEALTH_HOST is not set: this machine only. */
export const DEFAULT_HEALTH_HOST = '127.0.0.1';

/** Where the health and metrics endpoints listen. */
export interface HealthAddress {
  port: number;
  host: string;
}

/** How `npm start` runs, besides what it runs: logging, and the health and metrics endpoints. */
export interface OpsConfig {
  logLevel: LogLevel;
  /** Unset when HEALTH_PORT is not: then no server. */
  health: HealthAddress | undefined;
}

/** Settings whose values are secrets: the loggers never print them, whatever message quotes them. */
const SECRET_SETTINGS = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;

/** An empty variable (`LOG_LEVEL=` in .env) means "not set". */
const unset = (value: unknown) => (value === '' ? undefined : value);
const PORT_RANGE = 'HEALTH_PORT must be a whole number from 1 to 65535';

// Error texts name the variable and what it takes.
const OpsEnv = z.object({
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? unset(value.trim().toLowerCase()) : value),
    z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default(DEFAULT_LOG_LEVEL),
  ),
  HEALTH_PORT: z.preprocess(unset, z.coerce.number({ error: PORT_RANGE }).int({ error: PORT_RANGE }).min(1, { error: PORT_RANGE })
    .max(65535, { error: PORT_RANGE }).optional()),
  HEALTH_HOST: z.preprocess(
    unset,
    z.union([z.ipv4(), z.ipv6(), z.hostname()], {
      error: 'HEALTH_HOST must be an IP address or a host name, e.g. 127.0.0.1, or 0.0.0.0 for every interface',
    }).default(DEFAULT_HEALTH_HOST),
  ),
});

/** Reads LOG_LEVEL, HEALTH_PORT and HEALTH_HOST (all optional); throws `ConfigError` naming each bad variable. */
export function readOpsConfig(env: Record<string, string | undefined>): OpsConfig {
  const parsed = OpsEnv.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const { LOG_LEVEL: logLevel, HEALTH_PORT: port, HEALTH_HOST: host } = parsed.data;
  return { logLevel, health: port === undefined ? undefined : { port, host } };
}

/** The values of the secret settings that are set, for `createConsoleLogger({ secrets })`. */
export function secretValues(env: Record<string, string | undefined>): string[] {
  return SECRET_SETTINGS.map((name) => env[name]?.trim() ?? '').filter((value) => value !== '');
}
