// Vitest runs from the repository root: unit and integration tests against real SQLite files in
// temporary folders, and the end-to-end tests in real Chromium against the built browser mode.

import { defineConfig } from 'vitest/config';

/** Tests that run on both engines: the store's contract and backend tests through the handlers. */
const POSTGRES_TESTS = [
  'test/db/store.test.ts',
  'test/db/segment-pages.test.ts',
  'test/db/postgres/**/*.test.ts',
  'test/electron/backend/coding.test.ts',
  'test/electron/backend/screening.test.ts',
  'test/electron/backend/search.test.ts',
  'test/electron/backend/maturity.test.ts',
  'test/electron/backend/import.test.ts',
  'test/electron/backend/bibliography.test.ts',
  'test/study/study-figures.test.ts',
  'test/electron/backend/evolution.test.ts',
  'test/electron/backend/exchange/store-import.test.ts',
  'test/electron/backend/exchange/store-roundtrip.test.ts',
  'test/db/merge-stamps.test.ts',
  'test/electron/backend/team-agreement.test.ts',
  // The team server: it runs only on PostgreSQL (its end-to-end test in Chromium too).
  'test/electron/server/**/*.test.ts',
  'test/e2e/team-server.test.ts',
];

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/db/postgres/**', 'test/electron/server/**'] },
      },
      {
        // The contract tests again on PostgreSQL: a database made by the global setup (a cluster
        // of its own unless GROUNDWORK_TEST_PG names a server; see test/helpers/pg-global-setup.ts).
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_TESTS,
          env: { GROUNDWORK_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/helpers/pg-global-setup.ts'],
          // The team server's end-to-end test waits as the e2e project does.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/team-server.test.ts'],
          testTimeout: 180_000,
          fileParallelism: false,
          // A state a test waits for gets a few seconds on a busy 2-core machine (the default is 1 s).
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'screenshots',
          include: ['test/e2e/screenshots/*.shots.ts'],
          testTimeout: 180_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
