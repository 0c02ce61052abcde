/**
 * How the cost of measureOnlineRates grows with lines and with institutions:
 * `node --expose-gc --import tsx bench/scaling.ts`.
 */
import { measureOnlineRates } from '../src/index';
import { benchInstitutions, generateLines } from './generate';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function run(lineCount: number, institutionCount: number): number {
  const institutions = benchInstitutions(institutionCount);
  const ids = institutions.map((i) => i.id);
  const lines = [...generateLines(lineCount)].map((l, k) => ({ ...l, institutionId: ids[k % ids.length]! }));
  const options = { policy: 'jiangsu-2022', institutions } as const;
  for (let i = 0; i < 2; i++) measureOnlineRates(lines, options);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    gc();
    const t = performance.now();
    measureOnlineRates(lines, options);
    times.push(performance.now() - t);
  }
  return median(times);
}

console.log('lines       institutions   ms      lines/s');
for (const [lines, institutions] of [
  [100_000, 1000],
  [1_000_000, 1000],
  [2_000_000, 1000],
  [1_000_000, 10],
  [1_000_000, 100],
  [1_000_000, 10_000],
  [1_000_000, 100_000],
] as const) {
  const ms = run(lines, institutions);
  console.log(`${lines.toLocaleString('en').padEnd(12)}${institutions.toLocaleString('en').padEnd(15)}${ms.toFixed(1).padEnd(8)}${Math.round(lines / (ms / 1000)).toLocaleString('en')}`);
}
