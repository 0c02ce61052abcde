/**
 * `--period` as people write it: `2024Q1`, `2024-03`, `2024H1`, `2024`, or two dates `2024-01-10..2024-02-15`
 * (both included), and the period that covers a span of dates (what the page chooses when the data comes in).
 */
import { formatPeriod, SunshineInputError, type Period } from '../src/index';
import { daysInMonth } from '../src/_lib/dates';
import { usage } from './errors';

const pad = (n: number) => String(n).padStart(2, '0');
const months = (year: number, first: number, last: number): Period => ({ from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` });

/** The period a `--period` value names, or a usage error that says what is accepted. */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  let period: Period | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) period = months(Number(m[1]), 1, 12);
  else if ((m = /^(\d{4})[Qq]([1-4])$/.exec(t))) period = months(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  else if ((m = /^(\d{4})[Hh]([12])$/.exec(t))) period = months(Number(m[1]), Number(m[2]) * 6 - 5, Number(m[2]) * 6);
  else if ((m = /^(\d{4})-(\d{2})$/.exec(t)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) period = months(Number(m[1]), Number(m[2]), Number(m[2]));
  else if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t))) period = { from: m[1]!, to: m[2]! };
  const accepted = '2024Q1 (a quarter), 2024-03 (a month), 2024H1 (a half year), 2024 (a year) or 2024-01-10..2024-02-15 (two dates, both included)';
  if (period === undefined) throw usage(`--period ${JSON.stringify(text)}：无法识别的期间 / not a period: expected ${accepted}`);
  try {
    formatPeriod(period);
  } catch (e) {
    if (e instanceof SunshineInputError) throw usage(`--period ${JSON.stringify(text)}：${e.issues[0]?.expected ?? e.message} / expected ${accepted}`);
    throw e;
  }
  return period;
}

/**
 * The period that covers a span of dates, as the page chooses it (issue 27): its month, else its quarter, else its
 * year, else the span itself.
 */
export function periodCovering(first: string, last: string): Period {
  const y1 = Number(first.slice(0, 4));
  const m1 = Number(first.slice(5, 7));
  const m2 = Number(last.slice(5, 7));
  if (first.slice(0, 4) !== last.slice(0, 4)) return { from: first, to: last };
  if (m1 === m2) return months(y1, m1, m1);
  if (Math.ceil(m1 / 3) === Math.ceil(m2 / 3)) return months(y1, Math.ceil(m1 / 3) * 3 - 2, Math.ceil(m1 / 3) * 3);
  return months(y1, 1, 12);
}
