/**
 * What the Discord adapter needs from a logger (the same shape as the core's ingest logger, so one object
 * serves both). The adapter never prints on its own.
 */
export interface DiscordLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Drops everything: the default when the caller passes no logger. */
export const silentDiscordLogger: DiscordLogger = { info: () => {}, warn: () => {}, error: () => {} };
