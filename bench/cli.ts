/**
 * The command line on a CSV file of the benchmarks' lines (issue 28): `sunshine-procurement rates` as a user runs it
 * (the built dist/cli/, its own process), read alone (--threads 1) and in ranges on every core, every output written;
 * the wall time from start to exit, the process's peak memory (its own report), and the two runs' results compared.
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
  readonly seconds: number;
  readonly linesPerSecond: number;
  readonly peakMiB: number;
  readonly balanced: boolean;
}

/** Runs the command on `csvPath` (lines of csvRowAt) with one thread and with every core; `same` when both wrote the same 结果.json. */
export function benchCli(csvPath: string, lines: number): { figures: CliFigure[]; same: boolean } {
  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'sunshine-procurement.js');
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-cli-bench-'));
  const inst = join(dir, 'institutions.csv');
  writeFileSync(inst, ['编码,名称,级别,性质,省,市,县', ...benchInstitutions().map((i) => [i.id, i.id, LEVEL[i.level], OWNERSHIP[i.ownership], i.region?.province, i.region?.city, i.region?.county].join(','))].join('\n'));
  const figures: CliFigure[] = [];
  const results: string[] = [];
  for (const threads of [1, 0]) {
    const out = join(dir, `out-${threads}`);
    const started = performance.now();
    const stdout = execFileSync(process.execPath, [bin, 'rates', '--lines', csvPath, '--institutions', inst, '--out', out, '--json', ...(threads === 0 ? [] : ['--threads', String(threads)])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    const s = JSON.parse(stdout) as { threads: number; peakMiB: number; ledger: { balanced: boolean; input: { lines: number } } };
    if (s.ledger.input.lines !== lines) throw new Error(`the command read ${s.ledger.input.lines} lines of ${lines}`);
    figures.push({ threads: s.threads, seconds, linesPerSecond: lines / seconds, peakMiB: s.peakMiB, balanced: s.ledger.balanced });
    results.push(readFileSync(join(out, '结果.json'), 'utf8'));
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nthe command line on the same file: sunshine-procurement rates → 通报.html, 通报.md, 结果.csv, 结果.json, 未计入的行.csv (own process, start to exit)`);
  for (const f of figures) console.log(`  ${f.threads} thread${f.threads === 1 ? '' : 's'}: ${f.seconds.toFixed(1)} s, ${Math.round(f.linesPerSecond).toLocaleString('en')} lines/s; peak RSS ${f.peakMiB} MiB; ledger balanced: ${f.balanced ? 'yes' : 'NO'}`);
  return { figures, same: results.every((r) => r === results[0]) };
}
