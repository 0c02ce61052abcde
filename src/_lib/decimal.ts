import { Decimal } from 'decimal.js';
import { pure } from './pure';

/**
 * The package's own Decimal constructor: 60 significant digits and
 * ROUND_HALF_UP, made with `Decimal.clone` so the caller's global decimal.js
 * settings are never touched. Its instances share decimal.js's prototype, so
 * `x instanceof Decimal` holds for the caller's `Decimal` too.
 *
 * 60 digits keep every sum of amounts exact (a yuan amount of 2^53 fen has 16
 * digits; a sum of a billion of them has 25); only divisions round.
 */
export const D = /* @__PURE__ */ pure(() => Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 }));
export type DecimalValue = Decimal;

/**
 * The Decimal constructor of sums and differences of amounts: 80 significant digits, so that they
 * are exact for any input the engine accepts (amounts of at most 30 + 30 digits, at most 2^53 lines:
 * a sum below 10^46 with at most 30 decimals has at most 76 digits). Only sums use it; quotients
 * (rates, shares) stay at D's 60 digits.
 */
export const DS = /* @__PURE__ */ pure(() => D.clone({ precision: 80 }));

export const ZERO = /* @__PURE__ */ pure(() => new D(0));
export const ONE = /* @__PURE__ */ pure(() => new D(1));
export const HUNDRED = /* @__PURE__ */ pure(() => new D(100));

/** True for any decimal.js instance, from this copy of the library or another. */
export function isDecimalLike(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}
