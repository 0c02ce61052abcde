import { defineConfig } from 'vitest/config';

// The mutation run of src/sql (npx stryker run stryker.sql.config.json): the SQL tests, which
// compile every policy, run the queries in DuckDB, PGlite and MariaDB and read the rows back, and
// the engine's own tests that ratesFromSQL's results are compared with.
export default defineConfig({
  test: {
    include: ['test/sql/**/*.test.ts'],
    setupFiles: ['test/setup-mutation.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
