import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The scale tests build a real index over tens of thousands of papers.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A PostgreSQL server for the PostgreSQL specs (TEST_DATABASE_URL, or a throwaway cluster).
    globalSetup: ['test/setup/postgres.ts'],
  },
});
