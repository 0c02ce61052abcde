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

export const ZERO = /* @__PURE__ */ pure(() => new D(0));
export const ONE = /* @__PURE__ */ pure(() => new D(1));
export const HUNDRED = /* @__PURE__ */ pure(() => new D(100));

/** True for any decimal.js instance, from this copy of the library or another. */
export function isDecimalLike(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}
