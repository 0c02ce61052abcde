import { strictKeys } from '../_lib/options';
import type { Decimal } from 'decimal.js';
import { D, HUNDRED, isDecimalLike } from '../_lib/decimal';
import { readAmount } from '../amount/readAmount';
import { inputError } from '../errors';

/** Options of {@link formatRate}. */
export interface FormatRateOptions {
  /** Digits after the decimal point of the percentage; 2 by default. */
  readonly digits?: number | undefined;
  /** What to show for a missing rate (`null`); `'—'` by default. */
  readonly empty?: string | undefined;
  /**
   * The target the rate is shown beside: a rate that differs from it is given as many more digits
   * as it takes not to print as it (`0.849999` beside `0.85`: `'84.9999%'`, not `'85.00%'`), so
   * that a rate that misses its target never reads as meeting it.
   */
  readonly target?: Decimal | string | number | undefined;
}

/**
 * Formats a rate as a percentage for display, rounding half up (四舍五入):
 * `0.849999` → `'85.00%'`. Display only: target checks compare the exact value. Beside a target
 * (`{ target }`), a rate that is not the target never prints as it: it keeps more digits.
 *
 * @category Rates
 * @param rate - a fraction (`Decimal`, decimal string or number), or `null` for no rate
 * @param options - `{ digits = 2, empty = '—', target? }`
 * @returns the percentage text, e.g. `'85.00%'`; `empty` for `null`
 * @throws {SunshineInputError} when the rate is not a finite decimal or digits is not an integer 0–20
 * @example
 * formatRate('0.849999') //=> '85.00%'
 * formatRate('0.849999', { target: '0.85' }) //=> '84.9999%'
 */
export function formatRate(rate: Decimal | string | number | null, options: FormatRateOptions = {}): string {
  strictKeys(options, ['digits', 'empty', 'target'], 'formatRate');
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw inputError('formatRate', 'options.digits', digits, 'an integer from 0 to 20', 'out-of-range');
  }
  const read = (v: unknown, path: string, orNull: string) => {
    const d = isDecimalLike(v) && v.isFinite() ? new D(v.toString()) : readAmount(v);
    if (d === null) throw inputError('formatRate', path, v, `a finite decimal fraction such as "0.85"${orNull}`, 'invalid-amount');
    return d;
  };
  const target = options.target === undefined ? null : read(options.target, 'options.target', '');
  if (rate === null) return options.empty ?? '—';
  const value = read(rate, 'rate', ', or null');
  const text = (d: number) => value.times(HUNDRED).toFixed(d, D.ROUND_HALF_UP);
  let d = digits;
  // beside its target, more digits until it no longer prints as the target (a rate of the engine differs within 60)
  while (target !== null && !value.equals(target) && d < 60 && text(d) === target.times(HUNDRED).toFixed(d, D.ROUND_HALF_UP)) d++;
  return `${text(d)}%`;
}
