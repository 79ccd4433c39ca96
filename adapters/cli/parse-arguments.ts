import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit.js';

/**
 * `parseArgs` from node:util, with its complaints (an unknown option, a missing value) turned into a
 * `UsageError` that ends with the command's usage line instead of a fault report.
 */
export function parseArguments<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}
