/**
 * addWorkdays from the precomputed index against a day-by-day loop over the same calendar.
 */
import { Bench } from 'tinybench';
import { addWorkdays, isWorkday } from '../src/index';

/** The obvious implementation: step one day at a time, asking isWorkday each day. */
function addWorkdaysByLoop(date: string, n: number): string {
  let [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let left = n;
  while (left > 0) {
    d += 1;
    const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d > dim) {
      d = 1;
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
    const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (isWorkday(s)) left -= 1;
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export async function benchCalendar(quick: boolean): Promise<void> {
  // A spread of start dates and counts, the same for both implementations.
  const starts = Array.from({ length: 256 }, (_, i) => {
    const day = new Date(Date.UTC(2019, 0, 1) + ((i * 7919) % 2700) * 86400000);
    return day.toISOString().slice(0, 10);
  });
  const counts = Array.from({ length: 256 }, (_, i) => 1 + ((i * 31) % 60));
  for (let i = 0; i < starts.length; i++) {
    if (addWorkdays(starts[i]!, counts[i]!) !== addWorkdaysByLoop(starts[i]!, counts[i]!)) throw new Error(`mismatch at ${starts[i]} + ${counts[i]}`);
  }
  let k = 0;
  const bench = new Bench({ time: quick ? 100 : 1000, warmupTime: quick ? 20 : 200 });
  bench
    .add('addWorkdays (index)', () => {
      addWorkdays(starts[k & 255]!, counts[k & 255]!);
      k++;
    })
    .add('day-by-day loop', () => {
      addWorkdaysByLoop(starts[k & 255]!, counts[k & 255]!);
      k++;
    });
  await bench.run();
  const [indexed, loop] = bench.tasks.map((t) => (t.result && 'throughput' in t.result ? t.result.throughput.mean : Number.NaN));
  console.log('\naddWorkdays, 1–60 working days from dates across 2019–2026');
  console.log(`  index:           ${Math.round(indexed ?? 0).toLocaleString('en')} calls/s`);
  console.log(`  day-by-day loop: ${Math.round(loop ?? 0).toLocaleString('en')} calls/s`);
  console.log(`  ratio:           ${((indexed ?? 0) / (loop ?? 1)).toFixed(1)}×   (target: over 1,000,000 calls/s for the index)`);
}
