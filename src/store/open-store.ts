import type { DailyConfig } from '../digest/config.js';
import { silentLogger, type Logger } from '../logger.js';
import { openPgStore } from './pg-store.js';
import { redactUrl } from './redact-url.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Where the store lives: PostgreSQL at `DATABASE_URL` when it is set, else the SQLite file at `DATABASE_PATH`. */
export type StoreLocation = Pick<DailyConfig, 'databasePath' | 'databaseUrl'>;

/** Opens (creating and migrating it if needed) the store the settings name. `logger` hears of connection trouble. */
export function openStore(location: StoreLocation, logger: Logger = silentLogger): Promise<Store> {
  return location.databaseUrl ? openPgStore(location.databaseUrl, { logger }) : openSqliteStore(location.databasePath);
}

/** The store's location as it may be logged: the SQLite path, or the PostgreSQL URL without its password. */
export function describeStore(location: StoreLocation): string {
  return location.databaseUrl ? `PostgreSQL at ${redactUrl(location.databaseUrl)}` : `SQLite at ${location.databasePath}`;
}
