/**
 * Runs the built command line (dist/cli/sunshine-procurement.js, written by `npm run build`) as users do: a process of
 * its own, arguments as given, its exit code, stdout and stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'sunshine-procurement.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sunshine-procurement …args` in `cwd`, stdin closed. */
export function cli(args: readonly string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A new empty folder whose name has a space and Chinese characters, as users' folders do. */
export const scratch = () => mkdtempSync(join(tmpdir(), '阳光 采购-'));
