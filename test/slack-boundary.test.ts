import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Import boundaries of the Slack adapter, after vercel/chat's format boundary test (style.md). */
const ROOT = fileURLToPath(new URL('../adapters/slack/', import.meta.url));

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [{ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

const files = sources(ROOT);
const importsOf = (text: string) => [...text.matchAll(/^import (type )?.*? from '([^']+)';$/gm)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2]! }));

describe('the Slack adapter\'s boundaries', () => {
  it('uses only the core\'s public contract (types, PaperIndex, paper lookup, errors, text and link helpers, the digest seam, share claims)', () => {
    const daily = ['digest/digest.js', 'digest/publisher.js', 'digest/daily-papers.js', 'digest/subscribe-text.js', 'digest/explain-day.js', 'store/store.js'];
    const allowed = ['types.js', 'paper-index.js', 'lookup-paper.js', 'errors.js', 'text.js', 'links.js', 'logger.js', 'share-claims.js', 'answer/wording.js', ...daily];
    for (const file of files) {
      for (const { from } of importsOf(file.text).filter((i) => i.from.includes('/src/'))) {
        expect(allowed, `${file.path} imports ${from}`).toContain(from.split('/src/')[1]);
      }
    }
  });

  it('builds Block Kit only in format/blocks.ts', () => {
    const builders = files.filter((file) => /type: '(section|header|context|actions|divider|button)'/.test(file.text)).map((file) => file.path);
    expect(builders).toEqual(['format/blocks.ts']);
  });

  it('keeps the formatters pure: no runtime import of Bolt, no node: modules', () => {
    for (const file of files.filter((f) => f.path.startsWith('format/'))) {
      for (const { typeOnly, from } of importsOf(file.text)) {
        expect(from.startsWith('node:'), `${file.path} imports ${from}`).toBe(false);
        if (from.startsWith('@slack/')) expect(typeOnly, `${file.path} imports ${from} at run time`).toBe(true);
      }
    }
  });
});
