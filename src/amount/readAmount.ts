import type { Decimal } from 'decimal.js';
import { D, isDecimalLike } from '../_lib/decimal';

/** What an amount may be given as: a decimal string (preferred), a finite number, or a decimal.js `Decimal`. */
export type AmountInput = string | number | Decimal;

/**
 * The limits of amounts and sums, the same on every path (docs/input.md, issue 26): an amount has
 * at most 30 digits before the point and 30 after it, whether given as a string, a number or a
 * Decimal; a sum of them (at most 2^53 lines) is below 10^46 with at most 30 decimals, the largest
 * the accumulator's JSON state and ratesFromSQL read back.
 * @internal
 */
export const LIMITS = { integerDigits: 30, fractionDigits: 30, sumIntegerDigits: 46 } as const;

const AMOUNT_RE = /^[+-]?\d{1,30}(?:\.\d{1,30})?$/;
const SUM_RE = /^-?\d{1,46}(?:\.\d{1,30})?$/;

/** The most significant digits a number may carry: a double holds 15 decimal digits faithfully. */
export const MAX_NUMBER_DIGITS = 15;

/**
 * Significant digits of a decimal text, plain or scientific (`'-0.0012300'` and `'1.23E+5'` have 3):
 * its digits without sign, point, exponent, leading and trailing zeros. @internal
 */
export function significantDigitsOfText(text: string): number {
  return text.replace(/[eE].*$/, '').replace(/[+\-.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Significant digits of a finite number's shortest decimal form (1e21 has 1, 0.1 + 0.2 has 17). */
export function significantDigits(n: number): number {
  return significantDigitsOfText(String(n));
}

/**
 * Whether a text is a plain decimal already in canonical form (what canonicalAmount would give back
 * unchanged), by one pass over its characters: canonicalAmount's shortcut (test/adapter/fastPaths.test.ts).
 * @internal
 */
export function isCanonicalAmount(text: string): boolean {
  const n = text.length;
  let k = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = k;
  while (k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  const whole = k - start;
  if (whole < 1 || whole > 30 || (whole > 1 && text.charCodeAt(start) === 48)) return false;
  // an integer: canonical unless it is -0
  if (k === n) return start === 0 || text.charCodeAt(start) !== 48;
  if (text.charCodeAt(k) !== 46) return false;
  const point = k++;
  while (k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  const fraction = k - point - 1;
  return k === n && fraction >= 1 && fraction <= 30 && text.charCodeAt(n - 1) !== 48;
}

/**
 * A plain decimal's canonical text, as `readAmount(text).toFixed()` writes it (no leading zeros, no
 * trailing zeros after the point, no sign on zero), found without making a Decimal; null for any
 * other text (a + sign included). Exact: only digits move.
 * @internal
 * @example
 * canonicalAmount('00120.500') //=> '120.5'
 */
export function canonicalAmount(text: string): string | null {
  // most cells are canonical already ('1234.5'): the text itself, after one pass over its characters
  if (isCanonicalAmount(text)) return text;
  const m = AMOUNT_RE.test(text) ? /^(-?)0*(\d+?)(?:\.(\d*?)0*)?$/.exec(text) : null;
  return m === null ? null : `${m[1] !== '' && /[1-9]/.test(text) ? '-' : ''}${m[2]}${m[3] ? `.${m[3]}` : ''}`;
}

/** Whether the engine reads this text as an amount (a plain decimal of at most 30 + 30 digits, 64 characters). @internal */
export const isAmountText = (text: string): boolean => text.length <= 64 && AMOUNT_RE.test(text);

/** What the package expects of an amount, for error messages. */
export const AMOUNT_EXPECTED =
  'a finite decimal amount such as "1234.56" (digits, optional sign and decimal point; at most 30 digits before the point and 30 after; a number must have at most 15 significant digits, pass a string for more)';

/** Whether a Decimal is within an amount's limits: fewer than 10^30, at most 30 decimals. */
const withinAmount = (d: Decimal): boolean => d.isFinite() && d.abs().lessThan('1e30') && d.decimalPlaces() <= LIMITS.fractionDigits;

/**
 * Reads a sum as the JSON state writes it (a plain decimal below 10^46 with at most 30 decimals),
 * or null. @internal
 */
export function readSum(value: unknown): Decimal | null {
  return typeof value === 'string' && SUM_RE.test(value) ? new D(value) : null;
}

/**
 * Reads an amount exactly, or returns null when it is not one.
 *
 * Strings must be plain decimals (`'-1234.56'`): no exponent, thousands
 * separator, currency sign, full-width digit or blank. Numbers must be finite
 * and are read by their shortest decimal form (`0.1` is `'0.1'`); a number with
 * more than 15 significant digits (`0.1 + 0.2` is 0.30000000000000004) is refused,
 * since a double cannot carry them faithfully: pass such amounts as strings.
 * @internal
 */
export function readAmount(value: unknown): Decimal | null {
  if (typeof value === 'string') {
    if (!isAmountText(value)) return null;
    return new D(value).plus(0);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || significantDigits(value) > MAX_NUMBER_DIGITS) return null;
    const d = new D(value);
    return withinAmount(d) ? d.plus(0) : null;
  }
  if (isDecimalLike(value)) {
    // copied exactly (a Decimal's digits are never rounded here), then held to the same limits as a string
    const d = value.isFinite() ? new D(value.toString()) : null;
    return d !== null && withinAmount(d) ? d.plus(0) : null;
  }
  return null;
}
