/**
 * Streams generated lines through one accumulator, one line at a time, and prints the lines per
 * second and the process's peak resident memory. Run in its own process by bench/index.ts, so that
 * the peak is this stream's alone: `node --import tsx bench/stream.ts 10000000`.
 */
import { createRateAccumulator } from '../src/index';
import { benchInstitutions, generateLines } from './generate';

const count = Number(process.argv[2] ?? 10_000_000);
const acc = createRateAccumulator({ policy: 'jiangsu-2022', institutions: benchInstitutions() });
const t = performance.now();
acc.addAll(generateLines(count, 7));
const { ledger } = acc.result();
const seconds = (performance.now() - t) / 1000;
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ lines: ledger.input.lines, seconds, linesPerSecond: count / seconds, peakMiB, balanced: ledger.balanced, input: ledger.input.amount.toFixed(2) }),
);
