import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

/** Bolt's own log lines routed to our logger; its debug lines show at LOG_LEVEL=debug only. */
export function toBoltLogger(log: Logger): BoltLogger {
  const line = (parts: unknown[]): string => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => log.debug?.(`bolt: ${line(parts)}`),
    info: (...parts: unknown[]) => log.info(`bolt: ${line(parts)}`),
    warn: (...parts: unknown[]) => log.warn(`bolt: ${line(parts)}`),
    error: (...parts: unknown[]) => log.error(`bolt: ${line(parts)}`),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
