import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLATFORM_IMPORT = /from\s+['"](discord\.js|@discordjs\/[^'"]+|@slack\/[^'"]+)['"]|from\s+['"](\.\.\/)+adapters\//;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('the core boundary', () => {
  it('keeps src/ free of platform packages and of adapters', async () => {
    const files = await sourceFiles('src');
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) if (PLATFORM_IMPORT.test(await readFile(file, 'utf8'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});
