import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the default reporter, then every skipped test with why (CI passes its own list: .ci/run names this one too)
    reporters: ['default', './test/_reporters/skipped.ts'],
    // a MariaDB server for the tests of the 'mysql' dialect (test/globalSetup.ts)
    globalSetup: ['test/globalSetup.ts'],
  },
});
