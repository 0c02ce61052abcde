import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the built spreadsheet bundle (src/sheets is tested by test/sheets/source.test.ts), the
    // calculator page in browsers and the generated docs are not what mutants change; the SQL
    // property tests on three databases take seconds each: src/sql is run with them apart
    // (vitest.stryker-sql.config.ts), everything else without
    exclude: ['test/sheets/sheets.test.ts', 'test/calculator/page.test.ts', 'test/docs/**', 'test/sql/**'],
    setupFiles: ['test/setup-mutation.ts'],
  },
});
