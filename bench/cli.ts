/**
 * The command line on a CSV file of the benchmarks' lines (issue 28): `sunshine-procurement rates` as a user runs it
 * (the built dist/cli/, its own process), read alone (--threads 1) and in ranges on every core, every output written;
 * then the DuckDB engine on the same CSV (`--engine duckdb`) and on the same lines in Parquet (the cells as text, and
 * typed: days as DATE, amounts as DECIMAL(18, 2)); the wall time from start to exit, the process's peak memory (its own
 * report), and every run's 结果.json compared with the first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchInstitutions } from './generate';

const LEVEL = { tertiary: '三级', secondary: '二级', primary: '一级', unrated: '未定级' } as const;
const OWNERSHIP = { public: '公立', private: '非公立', military: '军队' } as const;

export interface CliFigure {
  readonly threads: number;
  /** What was read, by which engine. */
  readonly run: string;
  readonly seconds: number;
  readonly linesPerSecond: number;
  readonly peakMiB: number;
  readonly balanced: boolean;
}

/** Runs the command on `csvPath` (lines of csvRowAt): one thread, every core, DuckDB on the CSV and on two Parquet files of it; `same` when all wrote the same 结果.json. */
export function benchCli(csvPath: string, lines: number): { figures: CliFigure[]; same: boolean } {
  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'sunshine-procurement.js');
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-cli-bench-'));
  const inst = join(dir, 'institutions.csv');
  writeFileSync(inst, ['编码,名称,级别,性质,省,市,县', ...benchInstitutions().map((i) => [i.id, i.id, LEVEL[i.level], OWNERSHIP[i.ownership], i.region?.province, i.region?.city, i.region?.county].join(','))].join('\n'));
  const figures: CliFigure[] = [];
  const results: string[] = [];
  const parquet = (typed: boolean) => {
    const path = join(dir, `lines-${typed ? 'typed' : 'text'}.parquet`);
    const read = `read_csv('${csvPath}', all_varchar = true)`;
    const select = typed ? `SELECT * REPLACE (CAST(substr("入库日期", 1, 10) AS DATE) AS "入库日期", CAST("金额" AS DECIMAL(18, 2)) AS "金额") FROM ${read}` : `SELECT * FROM ${read}`;
    const script = `import { DuckDBInstance } from '@duckdb/node-api'; const db = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect(); await db.run(${JSON.stringify(`COPY (${select}) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`)});`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(dirname(fileURLToPath(import.meta.url)), '..') });
    return path;
  };
  const runs: { run: string; file: () => string; flags: string[] }[] = [
    { run: 'CSV, JavaScript', file: () => csvPath, flags: ['--threads', '1'] },
    { run: 'CSV, JavaScript', file: () => csvPath, flags: [] },
    { run: 'CSV, --engine duckdb', file: () => csvPath, flags: ['--engine', 'duckdb'] },
    { run: 'Parquet (text cells), DuckDB', file: () => parquet(false), flags: [] },
    { run: 'Parquet (DATE, DECIMAL), DuckDB', file: () => parquet(true), flags: [] },
  ];
  for (const [k, r] of runs.entries()) {
    const out = join(dir, `out-${k}`);
    const file = r.file();
    const started = performance.now();
    const stdout = execFileSync(process.execPath, [bin, 'rates', '--lines', file, '--institutions', inst, '--out', out, '--json', ...r.flags], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    const s = JSON.parse(stdout) as { threads: number; engine: string; engineNote?: string; peakMiB: number; ledger: { balanced: boolean; input: { lines: number } } };
    if (s.ledger.input.lines !== lines) throw new Error(`the command read ${s.ledger.input.lines} lines of ${lines}`);
    if (!r.run.endsWith('JavaScript') && s.engine !== 'duckdb') throw new Error(`${r.run}: DuckDB did not count (${s.engineNote})`);
    figures.push({ threads: s.threads, run: r.run, seconds, linesPerSecond: lines / seconds, peakMiB: s.peakMiB, balanced: s.ledger.balanced });
    results.push(readFileSync(join(out, '结果.json'), 'utf8'));
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nthe command line on the same file: sunshine-procurement rates → 通报.html, 通报.md, 结果.csv, 结果.json, 未计入的行.csv (own process, start to exit)`);
  for (const f of figures) console.log(`  ${f.run}${f.run.endsWith('JavaScript') ? `, ${f.threads} thread${f.threads === 1 ? '' : 's'}` : ''}: ${f.seconds.toFixed(1)} s, ${Math.round(f.linesPerSecond).toLocaleString('en')} lines/s; peak RSS ${f.peakMiB} MiB; ledger balanced: ${f.balanced ? 'yes' : 'NO'}`);
  return { figures, same: results.every((r) => r === results[0]) };
}
