/**
 * Import time (issue 18): the median of 10 fresh `node` processes that `require` (and, apart,
 * `import`) the built package by its name, against `node -e 0`. Needs `npm run build` first.
 * Target: at most 40 ms above bare node, for each.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function medianMs(args: string[], runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

export function benchImportTime(runs = 10): { require: number; import: number; ok: boolean } {
  if (!existsSync(join(root, 'dist', 'index.cjs'))) throw new Error('import time: build the package first (npm run build)');
  // alternate the three, so that a change in the machine's load reaches each
  const bare: number[] = [];
  const req: number[] = [];
  const imp: number[] = [];
  for (let r = 0; r < runs; r++) {
    bare.push(medianMs(['-e', '0'], 1));
    // the package by its own name, through package.json's exports (Node resolves a package's name from inside it)
    req.push(medianMs(['-e', "require('sunshine-procurement')"], 1));
    imp.push(medianMs(['--input-type=module', '-e', "await import('sunshine-procurement')"], 1));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const b = median(bare);
  const result = { require: median(req) - b, import: median(imp) - b };
  console.log(`\nimport time, median of ${runs} fresh processes each (bare node -e 0: ${b.toFixed(0)} ms)`);
  console.log(`  require('sunshine-procurement'): +${result.require.toFixed(0)} ms   (target: at most +40 ms)`);
  console.log(`  import('sunshine-procurement'):  +${result.import.toFixed(0)} ms   (target: at most +40 ms)`);
  return { ...result, ok: result.require <= 40 && result.import <= 40 };
}
