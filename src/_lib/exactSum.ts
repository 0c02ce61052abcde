import type { Decimal } from 'decimal.js';
import { D, DS } from './decimal';
import { fenToYuan, fenToYuanByText } from './decimalWords';

export { fenToYuan };

/** Two to the 52nd: the largest fen magnitude added on the fast path, and the flush threshold. */
export const FEN_LIMIT = 4503599627370496;

/**
 * An exact running sum of yuan amounts. Amounts with at most two decimals (fen) are added as
 * integers in a float64 (exact below 2^53); the running total is flushed into a bigint before it
 * can leave that range. Other amounts (more decimals, huge values) go to a Decimal remainder.
 * @internal
 */
export class ExactSum {
  fen = 0;
  /** Fen carried out of the float64 (null until a sum passes 2^52 fen; no bigint literal, so the bundle parses as ES2017). */
  big: bigint | null = null;
  dec: Decimal | null = null;

  /** Adds an integer fen amount with |f| ≤ 2^52. */
  addFen(f: number): void {
    const s = this.fen + f;
    if (s > FEN_LIMIT || s < -FEN_LIMIT) {
      this.big = (this.big ?? BigInt(0)) + BigInt(s);
      this.fen = 0;
    } else {
      this.fen = s;
    }
  }

  addDecimal(d: Decimal): void {
    // DS: exact for every sum the engine can produce (D's 60 digits rounded a sum of two 30 + 30-digit amounts)
    this.dec = this.dec === null ? new DS(d) : this.dec.plus(d);
  }

  addSum(other: ExactSum): void {
    this.addFen(other.fen);
    if (other.big !== null) this.big = (this.big ?? BigInt(0)) + other.big;
    if (other.dec !== null) this.addDecimal(other.dec);
  }

  /** The exact sum in yuan. */
  toDecimal(): Decimal {
    const fenTotal = this.big === null ? fenToYuan(this.fen) : fenToYuanByText(this.big + BigInt(this.fen));
    return this.dec === null ? fenTotal : this.dec.plus(fenTotal);
  }

  /** The exact sum as a plain decimal string of yuan, for JSON. */
  toJSON(): string {
    return this.toDecimal().toFixed();
  }

  /** Reads a sum written by toJSON. */
  static fromString(text: string): ExactSum {
    const s = new ExactSum();
    const f = parseFen(text);
    if (f === f) s.addFen(f);
    else s.addDecimal(new D(text));
    return s;
  }
}

/**
 * Reads a plain decimal string with at most two decimals and at most 2^52 fen into integer
 * fen; NaN for anything else (the caller then takes the exact Decimal path, which decides).
 * @internal
 */
export function parseFen(s: string): number {
  const n = s.length;
  if (n === 0 || n > 20) return Number.NaN;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45) {
    neg = true;
    i = 1;
  } else if (c0 === 43) {
    i = 1;
  }
  // where the integer part ends: the usual "…x.yy" is found at once
  let end = n;
  let frac = 0;
  if (n - i >= 4 && s.charCodeAt(n - 3) === 46) {
    end = n - 3;
    const d1 = s.charCodeAt(n - 2) - 48;
    const d2 = s.charCodeAt(n - 1) - 48;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
    frac = d1 * 10 + d2;
  } else if (n - i >= 3 && s.charCodeAt(n - 2) === 46) {
    end = n - 2;
    const d1 = s.charCodeAt(n - 1) - 48;
    if (d1 < 0 || d1 > 9) return Number.NaN;
    frac = d1 * 10;
  }
  if (end === i) return Number.NaN;
  let v = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  v = v * 100 + frac;
  if (v > FEN_LIMIT) return Number.NaN;
  return neg ? -v : v;
}

/**
 * Reads a finite number that is an exact count of fen (shortest decimal form with at most two
 * decimals, below 10^13 yuan, where every such decimal round-trips through a double) into
 * integer fen; NaN otherwise.
 * @internal
 */
export function numberFen(x: number): number {
  if (!(x > -1e13 && x < 1e13)) return Number.NaN;
  const f = Math.round(x * 100);
  return f / 100 === x ? f : Number.NaN;
}
