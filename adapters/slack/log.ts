import { LogLevel, type Logger } from '@slack/bolt';

/**
 * What the adapter needs from a logger (the same shape as the daily-papers `Logger`): pino and `console` fit.
 * Shipped code never prints on its own.
 */
export interface SlackLog {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Drops everything: the default when the caller passes no logger. */
export const silentLog: SlackLog = { info: () => {}, warn: () => {}, error: () => {} };

/** Bolt's own log lines routed to our logger; Bolt's debug chatter is dropped. */
export function toBoltLogger(log: SlackLog): Logger {
  const line = (parts: unknown[]): string => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: () => {},
    info: (...parts: unknown[]) => log.info(`bolt: ${line(parts)}`),
    warn: (...parts: unknown[]) => log.warn(`bolt: ${line(parts)}`),
    error: (...parts: unknown[]) => log.error(`bolt: ${line(parts)}`),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
