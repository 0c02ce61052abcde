import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the built spreadsheet bundle and the generated docs are not what mutants change
    exclude: ['test/sheets/**', 'test/docs/**'],
    setupFiles: ['test/setup-mutation.ts'],
  },
});
