import { existsSync } from 'node:fs';
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './errors.js';

/** The data folder beside `src/`: the shipped corpus, and what the bot saves (index, database). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

const CoreEnv = z.object({
  CORPUS_PATHS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((path) => path.trim()).filter(Boolean))
    // Checked here, so that the message names the variable to fix rather than only a file nobody asked for.
    .refine((paths) => paths.every((path) => existsSync(path)), { error: (issue) => missingCorpusFiles(issue.input as string[]) }),
  DATA_DIR: z.string().trim().min(1).optional(),
});

/** The message for CORPUS_PATHS naming files that are not there: each of them. */
function missingCorpusFiles(paths: readonly string[]): string {
  const missing = paths.filter((path) => !existsSync(path));
  return `names ${missing.join(', ')}, which ${missing.length === 1 ? 'does' : 'do'} not exist (a comma-separated list of corpus files)`;
}

export interface CoreConfig {
  /** Corpus files to index; empty means the shipped seed. */
  corpusPaths: string[];
  dataDir: string;
  /** Where the saved index goes. */
  cacheDir: string;
}

/** Reads the core's settings from an environment; errors name the variable. */
export function readCoreConfig(env: Record<string, string | undefined>): CoreConfig {
  const parsed = CoreEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const dataDir = parsed.data.DATA_DIR ?? DEFAULT_DATA_DIR;
  return { corpusPaths: parsed.data.CORPUS_PATHS, dataDir, cacheDir: `${dataDir.replace(/\/$/, '')}/cache` };
}
