import { createConsoleLogger } from './log/console-logger.js';

/**
 * What the core and the adapters need from a logger: a message and structured details. `console` fits, and so
 * would pino. Library code never prints on its own; the entry points pass `consoleLogger` or one made by
 * `createConsoleLogger` with the configured level.
 */
export interface Logger {
  /** Detail for diagnosing a problem (LOG_LEVEL=debug). Optional, so that any logger with the other three fits. */
  debug?(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Drops everything: the default where a caller passes no logger. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Info and above on stderr: readable lines at a terminal, JSON lines otherwise (see `createConsoleLogger`). */
export const consoleLogger: Logger = createConsoleLogger();
