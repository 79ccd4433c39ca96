import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { DEFAULT_HF_API_URL } from '../ingest/hf-client.js';
import { DEFAULT_DATABASE_PATH } from '../store/sqlite-store.js';
import { isTimeZone } from './time-zone.js';

/** Defaults of a new subscription, from issue 6: 09:00 UTC, ten papers, a note on empty days. */
export const DIGEST_DEFAULTS = { time: '09:00', timezone: 'UTC', top: 10 } as const;
/** The most papers one digest may list. */
export const MAX_DIGEST_TOP = 25;

/** `HH:MM`, 24 h, as stored. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An unset or empty variable takes the default (`z.coerce.number()` would read `''` as 0, platform-notes §7). */
const unsetIsDefault = (value: unknown) => (value === '' ? undefined : value);

const DailyEnv = z.object({
  HF_API_URL: z.preprocess(unsetIsDefault, z.url({ protocol: /^https?$/ }).default(DEFAULT_HF_API_URL)),
  DATABASE_PATH: z.preprocess(unsetIsDefault, z.string().default(DEFAULT_DATABASE_PATH)),
  // The message never quotes the value: it may hold a password.
  DATABASE_URL: z.preprocess(unsetIsDefault, z.url({ protocol: /^postgres(ql)?$/, error: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/paperbot' }).optional()),
  DIGEST_TIME: z.preprocess(unsetIsDefault, z.string().regex(TIME_OF_DAY, { error: 'expected HH:MM (24 h)' }).default(DIGEST_DEFAULTS.time)),
  DIGEST_TIMEZONE: z.preprocess(
    unsetIsDefault,
    z.string().refine(isTimeZone, { error: 'expected an IANA time zone name such as Europe/Paris' }).default(DIGEST_DEFAULTS.timezone),
  ),
  DIGEST_TOP: z.preprocess(unsetIsDefault, z.coerce.number().int().min(1).max(MAX_DIGEST_TOP).default(DIGEST_DEFAULTS.top)),
});

/** Settings of ingestion, the store and digests. */
export interface DailyConfig {
  hfApiUrl: string;
  /** The SQLite file, used when `databaseUrl` is not set. */
  databasePath: string;
  /** A PostgreSQL server's URL (`DATABASE_URL`): the store lives there instead of the SQLite file. Secret. */
  databaseUrl?: string;
  /** Defaults for `/subscribe` when the person gives none. */
  digestTime: string;
  digestTimezone: string;
  digestTop: number;
}

/**
 * Reads `HF_API_URL`, `DATABASE_PATH`, `DATABASE_URL`, `DIGEST_TIME`, `DIGEST_TIMEZONE`, `DIGEST_TOP` from `env` (all
 * optional).
 * Throws `ConfigError` naming each bad variable, never echoing its value.
 */
export function readDailyConfig(env: Record<string, string | undefined>): DailyConfig {
  const parsed = DailyEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid daily-papers settings: ${problems.join('; ')}`);
  }
  const { HF_API_URL, DATABASE_PATH, DATABASE_URL, DIGEST_TIME, DIGEST_TIMEZONE, DIGEST_TOP } = parsed.data;
  const database = DATABASE_URL === undefined ? {} : { databaseUrl: DATABASE_URL };
  return { hfApiUrl: HF_API_URL, databasePath: DATABASE_PATH, ...database, digestTime: DIGEST_TIME, digestTimezone: DIGEST_TIMEZONE, digestTop: DIGEST_TOP };
}
