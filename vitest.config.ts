import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a MariaDB server for the tests of the 'mysql' dialect (test/globalSetup.ts)
    globalSetup: ['test/globalSetup.ts'],
  },
});
