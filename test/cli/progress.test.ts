/** Progress on stderr (issue 28): redrawn in place on a terminal, a line every few seconds in a log, nothing when quiet. */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../cli/progress';

const fake = (isTTY: boolean) => {
  const written: string[] = [];
  let t = 0;
  return { written, tick: (ms: number) => (t += ms), stream: { isTTY, write: (s: string) => written.push(s) }, now: () => t };
};

describe('Progress', () => {
  it('redraws one line in place on a terminal, at most five times a second, and clears it at the end', () => {
    const f = fake(true);
    const p = new Progress({ quiet: false, stream: f.stream, now: f.now });
    p.update(10, 10, 100, 'a.csv');
    expect(f.written).toEqual([]);
    f.tick(250);
    p.update(50_000, 25, 100, 'a.csv');
    f.tick(100);
    p.update(60_000, 30, 100, 'a.csv');
    // 50,000 rows in 0.25 s: 200,000 a second; 25 of 100 bytes
    expect(f.written).toEqual(['\r\x1b[2K读取 / reading a.csv: 50,000 行 rows, 200,000 行/秒 rows/s, 25%']);
    p.done();
    expect(f.written.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes a line every five seconds into a log, and nothing when quiet', () => {
    const f = fake(false);
    const p = new Progress({ quiet: false, stream: f.stream, now: f.now });
    for (let s = 1; s <= 12; s++) {
      f.tick(1000);
      p.update(s * 100_000, s, 12, '明细.csv');
    }
    // at 5 s and at 10 s: 500,000 rows in 5 s, 1,000,000 in 10 s
    expect(f.written).toEqual(['读取 / reading 明细.csv: 500,000 行 rows, 100,000 行/秒 rows/s, 42%\n', '读取 / reading 明细.csv: 1,000,000 行 rows, 100,000 行/秒 rows/s, 83%\n']);
    const q = fake(false);
    const quiet = new Progress({ quiet: true, stream: q.stream, now: q.now });
    q.tick(60_000);
    quiet.update(1, 1, 1, 'x');
    quiet.done();
    expect(q.written).toEqual([]);
  });
});
