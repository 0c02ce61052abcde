/**
 * Decimals built from decimal.js's own representation, for the two spots where parsing text
 * took most of a rate result's time: whole fen written as yuan, and the quotient of two fen sums
 * (the rate). Both give the very Decimal that parsing text or `dividedBy` gives.
 *
 * A decimal.js instance is three properties, public and typed read-only in its decimal.d.ts
 * (`readonly d: number[]; readonly e: number; readonly s: number`): `d`, the digits as base-10^7
 * words; `e`, the exponent of the most significant digit; `s`, the sign. The words are aligned on
 * the decimal point (the integer part in groups of seven digits leftwards from it, the fraction in
 * groups of seven rightwards, the last one padded with zeros), with no leading or trailing zero
 * words: decimal.js 10.6 stores -123.456 as d [123, 4560000], e 2, s -1.
 * `wordsAgree` checks, on first use, that the installed decimal.js stores sample values so; if
 * not, both functions fall back to text and `dividedBy`. (On first use rather than at load, so
 * that mutation testing sees the code run inside the tests.)
 */
import type { Decimal } from 'decimal.js';
import { D, ZERO } from './decimal';
import { pure } from './pure';

/** The three properties of a decimal.js instance (see the top of this file). */
interface Words {
  d: number[];
  e: number;
  s: number;
}

const BASE = 10_000_000;
/** 10^78: p · 10^78 / t keeps at least 63 digits for any p / t ≥ 1 / 2^53. */
const SCALE = /* @__PURE__ */ pure(() => BigInt(10) ** BigInt(78));

/** A Decimal of the package's constructor with the given words (made by the constructor, so its shape is the usual one). */
function withWords(d: number[], e: number, s: number): Decimal {
  const x = new D(1) as unknown as Words;
  x.d = d;
  x.e = e;
  x.s = s;
  return x as unknown as Decimal;
}

/** Number of decimal digits of a positive integer below 10^7 (a word). */
function digitCount(n: number): number {
  let k = 1;
  for (let limit = 10; n >= limit; limit *= 10) k++;
  return k;
}

/** Whole fen (a safe integer, not 0) as yuan, by words (exported for its tests). */
export function fenToYuanByWords(fen: number): Decimal {
  // Stryker disable next-line EqualityOperator: fen is never 0 here (fenToYuan answers 0 itself)
  const n = fen < 0 ? -fen : fen;
  const cents = n % 100;
  const whole = (n - cents) / 100; // below 2^53 / 100 < 10^14: two words at most
  const low = whole % BASE;
  const high = (whole - low) / BASE;
  const fraction = cents * 100_000; // .cc00000: the first fraction word
  let d: number[];
  let e: number;
  if (high !== 0) {
    d = fraction !== 0 ? [high, low, fraction] : low !== 0 ? [high, low] : [high];
    e = 7 + digitCount(high) - 1;
  } else if (low !== 0) {
    d = fraction !== 0 ? [low, fraction] : [low];
    e = digitCount(low) - 1;
  } else {
    d = [fraction];
    e = cents >= 10 ? -1 : -2;
  }
  // Stryker disable next-line EqualityOperator: as above
  return withWords(d, e, fen < 0 ? -1 : 1);
}

/** Whole fen (a number or a bigint) as yuan, by text: the fallback, the reference in tests, and the road for bigint sums. */
export function fenToYuanByText(fen: number | bigint): Decimal {
  const neg = fen < 0;
  const digits = String(neg ? -fen : fen).padStart(3, '0');
  return new D(`${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

/** The positive value `digits × 10^exp10` by words (digits: no leading zeros). */
function decimalOfDigits(digits: string, exp10: number): Decimal {
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  const e = digits.length - 1 + exp10;
  // the first word holds the digits down to the next multiple of seven places from the point
  const first = (((e + 1) % 7) + 7) % 7 || 7;
  const d: number[] = [];
  let i = 0;
  for (let len = first; i < end; len = 7) {
    const word = digits.slice(i, i + len);
    i += len;
    d.push(Number(word.length === len ? word : word.padEnd(len, '0')));
  }
  return withWords(d, e, 1);
}

/**
 * p / t for safe integers 0 ≤ p and 0 < t, to the package's precision with ROUND_HALF_UP, by
 * bigint long division: q = ⌊p · 10^78 / t⌋ has at least 63 digits (p / t ≥ 1 / 2^53), so
 * its first `precision` digits, rounded up when the next digit is 5 or more, are the quotient
 * rounded half up (the remainder only matters for a tie, and at a tie the next digit is 5).
 */
function quotientByBigint(p: number, t: number): Decimal {
  const precision = D.precision;
  const q = ((BigInt(p) * SCALE) / BigInt(t)).toString();
  // the digits kept, and the power of ten of the last one kept
  const head = q.slice(0, precision);
  const exp10 = q.length - precision - 78;
  // rounding up 99…9 gives 10…0, one digit longer: still head + 1 units of 10^exp10
  return decimalOfDigits(q.charCodeAt(precision) >= 53 ? (BigInt(head) + BigInt(1)).toString() : head, exp10);
}

/** The largest divisor for which ten times a remainder (below it) stays an exact double: ⌊(2^53 − 1) / 10⌋, written out (a literal, not a call at import). */
const FLOAT_DIVISOR_LIMIT = 900719925474099;
/** Powers of ten up to a word's 10^7. */
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * p / t for 0 < p < t ≤ FLOAT_DIVISOR_LIMIT, by long division in doubles, every step exact: the
 * remainder r stays below t and is multiplied by 10^s only while 10^s · t < 2^53, so that
 * N = r · 10^s and q · t are exact integers below 2^53; and then `Math.floor(N / t)` is ⌊N / t⌋
 * itself. (Were the correctly rounded N / t to reach the next integer k above the true quotient,
 * k − N / t would be at most 2^-53 · N / t, so k · t − N, a positive integer, would be at most
 * 2^-53 · N < 1.) The digits are gathered into words as decimal.js lays them out, seven per
 * word from the point, leading zero words left out; `precision` significant digits are kept and
 * rounded half up by the digit after them (at a tie that digit is 5, and the rest only matters
 * for a tie).
 */
function quotientByDoubles(p: number, t: number): Decimal {
  const precision = D.precision;
  // the fraction place of the first significant digit (p < t, so at least 1)
  let first = 0;
  for (let x = p; x < t; x *= 10) first++;
  const skipped = Math.floor((first - 1) / 7); // zero words before the first digit's word
  const lastPlace = first + precision - 1;
  const lastWord = Math.floor((lastPlace - 1) / 7);
  // digits per division: the most that keep 10^step · t within the exact integers (1 to 7)
  let step = 1;
  // Stryker disable next-line all: any step from 1 to the largest exact one gives the same digits (only the number of divisions changes)
  while (step < 7 && POW10[step + 1]! * t <= Number.MAX_SAFE_INTEGER) step++;
  let r = p;
  for (let i = 0; i < skipped; i++) r *= POW10[7]!; // p · 10^(7·skipped) < t: exact
  const d: number[] = [];
  // Stryker disable next-line ConditionalExpression: once r is 0 the words left are 0, and trimmed() drops them: stopping saves time only
  for (let w = skipped; w <= lastWord && r !== 0; w++) {
    let word = 0;
    for (let need = 7; need > 0; ) {
      // Stryker disable next-line EqualityOperator: at need = step both give step
      const s = need < step ? need : step;
      r *= POW10[s]!;
      const q = Math.floor(r / t);
      r -= q * t;
      word = word * POW10[s]! + q;
      need -= s;
    }
    d.push(word);
  }
  if (d.length === lastWord - skipped + 1) {
    // the last word holds the last kept digit at place `at` (1–7): cut what follows it, and
    // round up when the digit after it is 5 or more
    const k = d.length - 1;
    const at = lastPlace - 7 * lastWord;
    let after: number;
    if (at < 7) {
      const rest = d[k]! % POW10[7 - at]!;
      after = Math.floor(rest / POW10[6 - at]!);
      d[k] = d[k]! - rest;
    } else {
      after = Math.floor((r * 10) / t);
    }
    if (after >= 5) {
      let i = k;
      d[i] = d[i]! + POW10[7 - at]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: i reaches 0 only for a carry out of the first word, which never comes (below)
      while (i > 0 && d[i]! >= BASE) {
        d[i] = d[i]! - BASE;
        i--;
        d[i] = d[i]! + 1;
      }
      // A carry out of the first word needs `precision` nines from the first significant digit,
      // so p / t within t · 10^-precision of a power of ten: for t below 10^(precision - 1) that
      // makes p / t that power of ten, whose division ends before rounding. Never here, then;
      // were it to happen, bigint gives the answer.
      // Stryker disable next-line all: unreachable, as above
      if (d[0]! >= BASE) return quotientByBigint(p, t);
    }
  }
  // the first word's leading digit sits at fraction place 7 · skipped + 8 − its digit count
  return withWords(trimmed(d), -(7 * skipped + 8 - digitCount(d[0]!)), 1);
}

/** Words without trailing zero words (decimal.js keeps none). */
function trimmed(d: number[]): number[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the first word holds the first digit, never 0, so the guard never decides
  while (d.length > 1 && d[d.length - 1] === 0) d.pop();
  return d;
}

/**
 * p / t for safe integers 0 ≤ p and 0 < t, to the package's precision with ROUND_HALF_UP: by
 * doubles for the rates of use (p < t, and t up to ~9 × 10^14 fen), else by bigint.
 */
export function fenQuotientByWords(p: number, t: number): Decimal {
  if (p === 0) return ZERO;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: both roads give the same Decimal (tested); the doubles are faster
  if (p < t && t <= FLOAT_DIVISOR_LIMIT) return quotientByDoubles(p, t);
  return quotientByBigint(p, t);
}

/** Does the installed decimal.js store values the way these functions build them? */
// Stryker disable all: with the pinned decimal.js every sample agrees, so a check weakened or made stricter by a mutant gives the same answers (a check that fails is pinned by a test)
function checkWords(): boolean {
  const same = (a: Decimal, b: Decimal) => {
    const x = a as unknown as Words;
    const y = b as unknown as Words;
    return x.e === y.e && x.s === y.s && Array.isArray(y.d) && x.d.join() === y.d.join() && a.toFixed() === b.toFixed();
  };
  const fens = [1, 5, 10, 99, 100, 12_345, -12_345, 100_000_000, 1_000_000_005, 1e15, 2 ** 53 - 1, -(2 ** 53 - 1)];
  const pairs: [number, number][] = [[1, 3], [2, 3], [1, 7], [5, 5], [5, 10], [123_456_789, 987_654_321], [1, 2 ** 53 - 1]];
  return fens.every((f) => same(fenToYuanByWords(f), fenToYuanByText(f))) && pairs.every(([p, t]) => same(fenQuotientByWords(p, t), new D(p).dividedBy(t)));
}
// Stryker restore all

/** Whether the installed decimal.js agrees with the word layout above: checked on first use, then kept. */
let agree: boolean | undefined;

/** True when the installed decimal.js stores sample values as the word layout above says. */
export function wordsAgree(): boolean {
  // Stryker disable next-line ConditionalExpression: checking again each time gives the same answer
  if (agree === undefined) agree = checkWords();
  return agree;
}

/**
 * Integer fen (a safe integer) as a Decimal of yuan.
 * @internal
 */
export function fenToYuan(fen: number): Decimal {
  if (fen === 0) return ZERO;
  // Stryker disable next-line ConditionalExpression: both roads give the same Decimal (tested)
  return wordsAgree() ? fenToYuanByWords(fen) : fenToYuanByText(fen);
}

/**
 * `p / t` as a Decimal of the package's precision (ROUND_HALF_UP), for safe integers 0 ≤ p
 * and 0 < t: what `new D(p).dividedBy(t)` gives, without its long division in base 10^7.
 * @internal
 */
export function fenQuotient(p: number, t: number): Decimal {
  // Stryker disable next-line ConditionalExpression: both roads give the same Decimal (tested)
  return wordsAgree() ? fenQuotientByWords(p, t) : new D(p).dividedBy(t);
}
