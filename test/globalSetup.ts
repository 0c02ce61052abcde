/**
 * Starts the servers that some tests need, once for the whole run: a MariaDB server for the
 * 'mysql' dialect. Without mariadbd those tests are skipped and say why, unless
 * SUNSHINE_REQUIRE_MARIADB=1 (set by .ci/run), where a missing server fails the run.
 */
import type { TestProject } from 'vitest/node';
import { startMariaDB } from './_servers/mariadb';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The socket of the test MariaDB server, or why there is none. */
    mariadb: { socket: string } | { missing: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMariaDB();
  if ('missing' in server) {
    if (process.env.SUNSHINE_REQUIRE_MARIADB === '1') throw new Error(`SUNSHINE_REQUIRE_MARIADB=1 but ${server.missing}`);
    project.provide('mariadb', server);
    return async () => {};
  }
  project.provide('mariadb', { socket: server.socket });
  return () => server.stop();
}
