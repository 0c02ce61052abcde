/**
 * measureOnlineRates against a naive reducer that adds `new Decimal(amount)` per line, on the
 * same generated lines, in the same process; then the sums are checked to be identical.
 */
import Decimal from 'decimal.js';
import { measureOnlineRates } from '../src/index';
import { benchInstitutions, generateLines, type BenchLine } from './generate';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
/**
 * A full GC, twice: V8 sweeps the first one's garbage on background threads after gc() returns,
 * so on two cores that sweeping (of the other side's garbage: the naive reducer leaves millions
 * of Decimals) would run into the next timed run; a second full GC first finishes it.
 */
function settle(): void {
  gc();
  gc();
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function naiveReducer(lines: readonly BenchLine[]): Decimal {
  let total = new Decimal(0);
  for (const line of lines) total = total.plus(new Decimal(line.amount));
  return total;
}

/** Times each side once per round, alternately, so that a change in the machine's load between rounds reaches both. */
function timeAlternately(runs: number, a: () => void, b: () => void): [number[], number[]] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const [fn, times] of [[a, ta], [b, tb]] as const) {
      settle();
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
  }
  return [ta, tb];
}

export function benchRates(quick: boolean): { linesPerSecond: number; ratio: number; identical: boolean } {
  const count = quick ? 100_000 : 1_000_000;
  const runs = quick ? 3 : 15;
  const lines = [...generateLines(count)];
  const institutions = benchInstitutions();
  const options = { policy: 'jiangsu-2022', institutions } as const;
  // warm both up, so that each is timed optimised
  for (let i = 0; i < 3; i++) {
    measureOnlineRates(lines, options);
    naiveReducer(lines);
  }
  let result = measureOnlineRates(lines, options);
  let naive = new Decimal(0);
  const [engine, reducer] = timeAlternately(
    runs,
    () => {
      result = measureOnlineRates(lines, options);
    },
    () => {
      naive = naiveReducer(lines);
    },
  );
  const { ledger } = result;
  // every generated line is valid: the input total is the naive total, and the ledger splits it
  const identical =
    ledger.input.amount.equals(naive) &&
    ledger.balanced &&
    ledger.rejected.lines === 0 &&
    ledger.included.amount.plus(ledger.excluded.amount).equals(naive);
  const linesPerSecond = count / (median(engine) / 1000);
  const naivePerSecond = count / (median(reducer) / 1000);
  const ratio = linesPerSecond / naivePerSecond;
  // on a shared machine interference only adds time: the fastest run is the best estimate of
  // each side's own cost (as Python's timeit advises), so the ratio of the best runs is shown too
  const best = (xs: readonly number[]) => Math.min(...xs);
  const bestRatio = best(reducer) / best(engine);
  // the ratio within each round (both sides timed back to back), and how many rounds reach 8×
  const rounds = engine.map((e, r) => reducer[r]! / e);
  const atTarget = rounds.filter((x) => x >= 8).length;
  const excludedShare = ((ledger.excluded.lines / count) * 100).toFixed(1);
  console.log(`\nmeasureOnlineRates: ${count.toLocaleString('en')} lines, ${institutions.length} institutions, jiangsu-2022 (${excludedShare}% excluded), ${runs} rounds, each side once per round`);
  console.log(`  measureOnlineRates:    ${Math.round(linesPerSecond).toLocaleString('en')} lines/s   (median ${median(engine).toFixed(1)} ms, best ${best(engine).toFixed(1)} ms)`);
  console.log(`  naive Decimal reducer: ${Math.round(naivePerSecond).toLocaleString('en')} lines/s   (median ${median(reducer).toFixed(1)} ms, best ${best(reducer).toFixed(1)} ms)`);
  console.log(`  ratio:                 ${ratio.toFixed(1)}× of the medians, ${bestRatio.toFixed(1)}× of the best runs   (targets: ≥ 8× and ≥ 5,000,000 lines/s)`);
  console.log(`  ratio in each round:   median ${median(rounds).toFixed(1)}×, ${Math.min(...rounds).toFixed(1)}–${Math.max(...rounds).toFixed(1)}×, ≥ 8× in ${atTarget} of ${runs} rounds`);
  console.log(`  sums identical to the fen: ${identical ? 'yes' : 'NO'} (Σ = ${naive.toFixed(2)} 元)`);
  return { linesPerSecond, ratio, identical };
}
