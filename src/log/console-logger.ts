import type { Logger } from '../logger.js';
import { redactSecrets } from './redact-secrets.js';

/** From the most detailed to the most severe; LOG_LEVEL names the least severe one written. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

/** `text` for a person at a terminal; `json`, one object a line, for journald, Docker and log collectors. */
export type LogFormat = 'text' | 'json';

/** Where log lines go: stderr, or a test's recorder. */
export interface LogStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ConsoleLoggerOptions {
  /** The least severe level written; default `info`. */
  level?: LogLevel;
  /** Default: `text` when the stream is a terminal, else `json`. */
  format?: LogFormat;
  /** Values never to print (the configured tokens), besides the token shapes `redactSecrets` knows. */
  secrets?: readonly string[];
  /** Default: stderr, which keeps stdout for the chat's and `npm run ask`'s own output. */
  stream?: LogStream;
}

/**
 * A logger writing one line per event at `level` and above, every line passed through `redactSecrets`. Writes to
 * stderr are synchronous for files, pipes and terminals on Linux (Node's process I/O notes), so a line logged just
 * before `process.exit` is not lost. Never throws: details that cannot be serialised are replaced by a note.
 */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Required<Logger> {
  const stream = options.stream ?? process.stderr;
  const format = options.format ?? (stream.isTTY ? 'text' : 'json');
  const least = LOG_LEVELS.indexOf(options.level ?? DEFAULT_LOG_LEVEL);
  const writer = (level: LogLevel) => (message: string, details?: Record<string, unknown>): void => {
    if (LOG_LEVELS.indexOf(level) < least) return;
    const line = format === 'json' ? jsonLine(level, message, details) : textLine(level, message, details);
    stream.write(`${redactSecrets(line, options.secrets)}\n`);
  };
  return { debug: writer('debug'), info: writer('info'), warn: writer('warn'), error: writer('error') };
}

/** Said instead of details that cannot be written as JSON (a cycle, say), so that the line itself is not lost. */
const UNSERIALISABLE = '(details could not be serialised)';

/** `2026-12-07T09:00:00.000Z info Message {"details":"as JSON"}` */
function textLine(level: LogLevel, message: string, details: Record<string, unknown> | undefined): string {
  const suffix = details && Object.keys(details).length > 0 ? ` ${serialise(details) ?? UNSERIALISABLE}` : '';
  return `${new Date().toISOString()} ${level} ${message}${suffix}`;
}

/**
 * pino's field names (`time`, `level`, `msg`), so that log collectors' pino presets read the lines, with the
 * details beside them; a detail of the same name cannot overwrite the three.
 */
function jsonLine(level: LogLevel, message: string, details: Record<string, unknown> | undefined): string {
  const fixed = { time: new Date().toISOString(), level, msg: message };
  return serialise({ ...fixed, ...details, ...fixed }) ?? JSON.stringify({ ...fixed, details: UNSERIALISABLE });
}

/** JSON with errors as their name and message (`JSON.stringify` alone gives `{}`); undefined when impossible. */
function serialise(value: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(value, (_key, field: unknown) => {
      if (field instanceof Error) return { name: field.name, message: field.message };
      return typeof field === 'bigint' ? field.toString() : field;
    });
  } catch {
    return undefined;
  }
}
