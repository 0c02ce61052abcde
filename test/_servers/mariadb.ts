/**
 * A throwaway MariaDB server for the tests of the 'mysql' dialect: Debian's mariadb-server,
 * installed by .ci/run (`apt-get install -y mariadb-server`), started here in a temporary data
 * directory on a Unix socket, with no network and no grant tables, and stopped by its process id.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where a program is: on PATH, or in the sbin folders Debian puts servers in. */
export function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    const path = join(dir, name);
    if (dir !== '' && existsSync(path)) return path;
  }
  return null;
}

export interface RunningServer {
  readonly socket: string;
  stop(): Promise<void>;
}

/** Starts a MariaDB server; null (with the reason) when mariadbd is not installed. */
export async function startMariaDB(): Promise<RunningServer | { missing: string }> {
  const mariadbd = findProgram('mariadbd') ?? findProgram('mysqld');
  const installDb = findProgram('mariadb-install-db') ?? findProgram('mysql_install_db');
  if (mariadbd === null || installDb === null) return { missing: 'mariadbd or mariadb-install-db not found (apt-get install -y mariadb-server)' };
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-mariadb-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'mariadb.sock');
  const install = spawnSync(installDb, ['--user=root', `--datadir=${data}`, '--skip-test-db'], { encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
  const server: ChildProcess = spawn(
    mariadbd,
    ['--no-defaults', '--user=root', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', '--skip-grant-tables', `--log-error=${join(dir, 'error.log')}`, `--pid-file=${join(dir, 'mariadb.pid')}`],
    { stdio: 'ignore' },
  );
  let exited = false;
  server.on('exit', () => (exited = true));
  const started = Date.now();
  while (!existsSync(socket)) {
    if (exited || Date.now() - started > 30_000) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`mariadbd did not start: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    socket,
    async stop() {
      if (!exited) {
        const done = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        // a server that does not stop within 20 s is killed, so that the test run never waits for it
        const kill = setTimeout(() => server.kill('SIGKILL'), 20_000);
        await done;
        clearTimeout(kill);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
