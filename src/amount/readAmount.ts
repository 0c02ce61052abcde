import type Decimal from 'decimal.js';
import { D, isDecimalLike } from '../_lib/decimal';

/** What an amount may be given as: a decimal string (preferred), a finite number, or a decimal.js `Decimal`. */
export type AmountInput = string | number | Decimal;

const AMOUNT_RE = /^[+-]?\d{1,30}(?:\.\d{1,30})?$/;

/** What the package expects of an amount, for error messages. */
export const AMOUNT_EXPECTED = 'a finite decimal amount such as "1234.56" (digits, optional sign and decimal point)';

/**
 * Reads an amount exactly, or returns null when it is not one.
 *
 * Strings must be plain decimals (`'-1234.56'`): no exponent, thousands
 * separator, currency sign, full-width digit or blank. Numbers must be finite
 * and are read by their shortest decimal form (`0.1` is `'0.1'`).
 * @internal
 */
export function readAmount(value: unknown): Decimal | null {
  if (typeof value === 'string') {
    if (value.length > 64 || !AMOUNT_RE.test(value)) return null;
    return new D(value).plus(0);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return new D(value).plus(0);
  }
  if (isDecimalLike(value)) {
    if (!value.isFinite()) return null;
    return new D(value.toString()).plus(0);
  }
  return null;
}
