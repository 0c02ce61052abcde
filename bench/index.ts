/**
 * `npm run bench` (add `-- --quick` for a short run that proves the benchmark still works).
 * Timing lives here, never in tests.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAdapters } from './adapters';
import { benchCalendar } from './calendar';
import { benchCli } from './cli';
import { benchImportTime } from './importTime';
import { benchRates } from './rates';
import { benchSql } from './sql';
import { benchSqlShapes } from './sqlShapes';

const quick = process.argv.includes('--quick');
console.log(`node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GiB${quick ? ' · quick run' : ''}`);

const rates = benchRates(quick);

const streamCount = quick ? 200_000 : 10_000_000;
const here = dirname(fileURLToPath(import.meta.url));
const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'stream.ts'), String(streamCount)], { encoding: 'utf8' });
const stream = JSON.parse(out.trim().split('\n').pop()!) as { lines: number; seconds: number; linesPerSecond: number; peakMiB: number; balanced: boolean };
console.log(`\nstreaming ${stream.lines.toLocaleString('en')} generated lines through one accumulator (own process)`);
console.log(`  ${Math.round(stream.linesPerSecond).toLocaleString('en')} lines/s (generation included), ${stream.seconds.toFixed(1)} s`);
console.log(`  peak RSS: ${stream.peakMiB.toFixed(0)} MiB   (target: under 300 MB for 10,000,000 lines); ledger balanced: ${stream.balanced ? 'yes' : 'NO'}`);

const adapters = benchAdapters(quick);

// a CSV file on disk through a CSV reader, fromCsvRowsInChunks and one accumulator: written in one process, read in another
const csvCount = quick ? 200_000 : 10_000_000;
const csvPath = join(tmpdir(), `sunshine-bench-${process.pid}.csv`);
execFileSync(process.execPath, ['--import', 'tsx', join(here, 'csvStream.ts'), 'write', csvPath, String(csvCount)]);
const csvOut = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'csvStream.ts'), 'read', csvPath], { encoding: 'utf8' });
// the same file through the command line (issue 28), alone and on every core
const cli = benchCli(csvPath, csvCount);
rmSync(csvPath);
const csvStream = JSON.parse(csvOut.trim().split('\n').pop()!) as { rows: number; rejected: number; seconds: number; rowsPerSecond: number; peakMiB: number; balanced: boolean };
console.log(`\na CSV file of ${csvStream.rows.toLocaleString('en')} rows streamed from disk: csv-parse → fromCsvRowsInChunks (10,000 rows a chunk) → one accumulator (own process)`);
console.log(`  ${Math.round(csvStream.rowsPerSecond).toLocaleString('en')} rows/s (the reader included), ${csvStream.seconds.toFixed(1)} s; peak RSS ${csvStream.peakMiB.toFixed(0)} MiB; ${csvStream.rejected} rejected; ledger balanced: ${csvStream.balanced ? 'yes' : 'NO'}`);

const sql = await benchSql(quick);

// issue 28, item 3: the compiled measures query on every data shape of the command line, against a hand-written GROUP BY with the exclusions
console.log('\nDuckDB: the compiled measures query against a hand-written GROUP BY with the exclusions by reason, on every data shape (issue 28)');
const shapes = await benchSqlShapes(quick);

await benchCalendar(quick);

benchImportTime(quick ? 5 : 10);

// the calculator page in Chromium, in its own process (its code has the DOM's types, which the rest must not see)
let calculatorOk = true;
try {
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'calculator.ts'), ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
} catch {
  calculatorOk = false;
}

if (!calculatorOk) {
  console.error('\nthe calculator page failed');
  process.exit(1);
}
if (!rates.identical || !stream.balanced || !adapters.same || !csvStream.balanced || csvStream.rejected > 0 || sql.some((f) => !f.same) || !cli.same || cli.figures.some((f) => !f.balanced) || shapes.some((f) => !f.same)) {
  console.error('\nthe sums differ: the benchmark fails');
  process.exit(1);
}
