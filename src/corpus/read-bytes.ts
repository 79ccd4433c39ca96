import { readFile } from 'node:fs/promises';
import { CorpusError } from '../errors.js';

/** A corpus file's bytes; a missing or unreadable file fails with its name, not a bare ENOENT. */
export async function readCorpusBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusError(path, undefined, code === 'ENOENT' ? 'file not found' : `could not be read (${code})`);
  }
}
