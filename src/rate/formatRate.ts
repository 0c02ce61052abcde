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
}

/**
 * Formats a rate as a percentage for display, rounding half up (四舍五入):
 * `0.849999` → `'85.00%'`. Display only: target checks compare the exact value.
 *
 * @category Rates
 * @param rate - a fraction (`Decimal`, decimal string or number), or `null` for no rate
 * @param options - `{ digits = 2, empty = '—' }`
 * @returns the percentage text, e.g. `'85.00%'`; `empty` for `null`
 * @throws {SunshineInputError} when the rate is not a finite decimal or digits is not an integer 0–20
 * @example
 * formatRate('0.849999') //=> '85.00%'
 */
export function formatRate(rate: Decimal | string | number | null, options: FormatRateOptions = {}): string {
  strictKeys(options, ['digits', 'empty'], 'formatRate');
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw inputError('formatRate', 'options.digits', digits, 'an integer from 0 to 20', 'out-of-range');
  }
  if (rate === null) return options.empty ?? '—';
  const value = isDecimalLike(rate) && rate.isFinite() ? new D(rate.toString()) : readAmount(rate);
  if (value === null) {
    throw inputError('formatRate', 'rate', rate, 'a finite decimal fraction such as "0.85", or null', 'invalid-amount');
  }
  return `${value.times(HUNDRED).toFixed(digits, D.ROUND_HALF_UP)}%`;
}
