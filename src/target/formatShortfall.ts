import type { Decimal } from 'decimal.js';
import { D, isDecimalLike } from '../_lib/decimal';
import { readAmount } from '../amount/readAmount';
import { inputError } from '../errors';
import { strictKeys } from '../_lib/options';

/**
 * An amount needed to reach a target or a median, as it is shown to people: in 元, rounded **up**
 * to the fen (向上取整到分), never below the exact amount, so that buying what is shown reaches the
 * target. 38,333.333… shows as `'38333.34'`: (75,000 + 38,333.34) ÷ (95,000 + 38,333.34) is at
 * least 85 %, and one fen less is not. A shortfall shows `'0.00'` only when it is zero, that is
 * when the target is met. The API keeps the exact `Decimal` (`shortfallAmount`,
 * `shortfallScenarios`, `toMedianAmount`); the bulletin, the calculator page, its downloads and the
 * spreadsheet functions all show it through this function (docs/concepts.md).
 *
 * @category Targets
 * @param amount - the exact amount (`Decimal`, decimal string or number), at least 0, or `null` for none
 * @param options - `{ empty = '—' }`: what to show for `null`
 * @returns the amount with two decimals, rounded up, e.g. `'38333.34'`
 * @throws {SunshineInputError} when the amount is not a finite decimal of at least 0
 * @example
 * formatShortfall('38333.333333') //=> '38333.34'
 * formatShortfall('0.0000000000005') //=> '0.01'
 */
export function formatShortfall(amount: Decimal | string | number | null, options: { readonly empty?: string | undefined } = {}): string {
  strictKeys(options, ['empty'], 'formatShortfall');
  if (amount === null) return options.empty ?? '—';
  const value = isDecimalLike(amount) && amount.isFinite() ? new D(amount.toString()) : readAmount(amount);
  if (value === null || (value.isNegative() && !value.isZero())) throw inputError('formatShortfall', 'amount', amount, 'an amount needed of at least 0, such as "38333.3333"', 'invalid-amount');
  // ROUND_CEIL: up, towards +∞ (amounts needed are not negative; -0 prints as 0.00)
  return value.toFixed(2, D.ROUND_CEIL);
}
