/**
 * The `bin` of the package: `npx sunshine-procurement …` (cli/program.ts has the commands). Built by
 * scripts/build-cli.ts into dist/cli/sunshine-procurement.js, beside its example files. The same file is the worker
 * that reads a range of a large text in parallel (cli/lines.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CliError } from './errors';
import { readRange, type RangeJob } from './lines';
import { loadPolicy } from './policy';
import { run } from './program';

if (isMainThread) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const now = new Date();
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    today: () => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    // the example files beside the built command (dist/cli/example/)
    exampleDir: join(dirname(fileURLToPath(import.meta.url)), 'example'),
    // the tests read small files in ranges too
    parallelFrom: process.env.SUNSHINE_PARALLEL_FROM === undefined ? undefined : Number(process.env.SUNSHINE_PARALLEL_FROM),
  });
} else {
  const job = workerData as RangeJob;
  try {
    const policy = await loadPolicy(job.policyArg);
    const report = await readRange(job, { policy, institutions: job.institutions, period: job.period }, (rows) => parentPort!.postMessage({ type: 'rows', rows }));
    parentPort!.postMessage({ type: 'done', report });
  } catch (e) {
    parentPort!.postMessage(e instanceof CliError ? { type: 'error', message: e.message, exitCode: e.exitCode } : { type: 'error', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e), exitCode: 1 });
  }
}
