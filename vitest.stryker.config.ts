import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the built spreadsheet bundle and the generated docs are not what mutants change; the SQL
    // tests (DuckDB, PGlite) take seconds each and only compare the SQL with the engine, which the
    // other tests pin: leaving them out makes the measured score a lower bound
    exclude: ['test/sheets/**', 'test/docs/**', 'test/sql/**'],
    setupFiles: ['test/setup-mutation.ts'],
  },
});
