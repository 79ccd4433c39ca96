/**
 * What daily-papers code needs from a logger: structured enough for pino or console alike
 * (`console.warn(message, details)` fits). Library code never prints on its own.
 */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** A logger that drops everything: the default where the caller passes none. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
