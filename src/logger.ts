/**
 * What the core and the adapters need from a logger: a message and structured details. `console` fits, and so
 * would pino. Library code never prints on its own; the entry points pass `consoleLogger`.
 */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Drops everything: the default where a caller passes no logger. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** One line per event on stderr, with a timestamp, the level and the details as JSON. */
export const consoleLogger: Logger = {
  info: (message, details) => writeLine('info', message, details),
  warn: (message, details) => writeLine('warn', message, details),
  error: (message, details) => writeLine('error', message, details),
};

function writeLine(level: string, message: string, details: Record<string, unknown> | undefined): void {
  const suffix = details && Object.keys(details).length > 0 ? ` ${JSON.stringify(details)}` : '';
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}${suffix}\n`);
}
