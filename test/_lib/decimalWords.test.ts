/**
 * The Decimals built from decimal.js's word layout must be the very Decimals that parsing text
 * and `dividedBy` give (same words, exponent and sign), or the rate figures of the line engine
 * would differ from those of aggregateRates and from the documents' own arithmetic.
 */
import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/_lib/decimal';
import { fenQuotient, fenQuotientByWords, fenToYuan, fenToYuanByText, fenToYuanByWords, wordsAgree } from '../../src/_lib/decimalWords';

const parts = (x: Decimal) => {
  const w = x as unknown as { d: number[]; e: number; s: number };
  return { d: [...w.d], e: w.e, s: w.s, text: x.toFixed() };
};
const SAFE = Number.MAX_SAFE_INTEGER;
/** Integers spread over every number of digits, not only the large ones a uniform draw gives. */
const anyDigits = fc.integer({ min: 0, max: 15 }).chain((k) => fc.integer({ min: 1, max: Math.min(SAFE, 10 ** (k + 1)) }));

describe('decimal words', () => {
  it('agree with the installed decimal.js (else the package parses text instead)', () => {
    expect(wordsAgree()).toBe(true);
  });

  it('write whole fen as the yuan Decimal that text gives', () => {
    // layouts worked out by hand (decimal.js 10.6 stores -123.456 as d [123, 4560000], e 2, s -1)
    expect(parts(fenToYuanByWords(-12_345))).toEqual({ d: [123, 4_500_000], e: 2, s: -1, text: '-123.45' });
    expect(parts(fenToYuanByWords(5))).toEqual({ d: [500_000], e: -2, s: 1, text: '0.05' }); // .05 = .0500000
    expect(parts(fenToYuanByWords(10))).toEqual({ d: [1_000_000], e: -1, s: 1, text: '0.1' });
    expect(parts(fenToYuanByWords(1_000_000_000))).toEqual({ d: [1], e: 7, s: 1, text: '10000000' }); // 10^7 yuan: one word, a trailing zero word dropped
    expect(parts(fenToYuanByWords(1_000_000_001))).toEqual({ d: [1, 0, 100_000], e: 7, s: 1, text: '10000000.01' }); // the zero word in the middle kept
    // 2^53 - 1 fen = 90071992547409.91 yuan: 9007199 | 2547409 . 91 → [9007199, 2547409, 9100000], e 13
    expect(parts(fenToYuanByWords(SAFE))).toEqual({ d: [9_007_199, 2_547_409, 9_100_000], e: 13, s: 1, text: '90071992547409.91' });
    expect(parts(fenToYuan(0))).toEqual({ d: [0], e: 0, s: 1, text: '0' }); // decimal.js's zero
    fc.assert(
      fc.property(anyDigits, fc.boolean(), (n, negative) => {
        const fen = negative ? -n : n; // never 0: anyDigits starts at 1
        // the words directly (fenToYuan would fall back to text if they disagreed), and the public road
        expect(parts(fenToYuanByWords(fen))).toEqual(parts(fenToYuanByText(fen)));
        expect(parts(fenToYuan(fen))).toEqual(parts(fenToYuanByText(fen)));
      }),
      { numRuns: 5000 },
    );
  });

  it('divide fen sums as dividedBy does, to 60 digits rounded half up', () => {
    // 2/3 = 0.666…6667 (60 significant digits: 59 sixes, then 6 rounded up to 7); 1/3 = 0.333…3 (60 threes, rounded down)
    expect(fenQuotientByWords(2, 3).toFixed()).toBe(`0.${'6'.repeat(59)}7`);
    expect(fenQuotientByWords(1, 3).toFixed()).toBe(`0.${'3'.repeat(60)}`);
    // 0.85 = .8500000 in the first fraction word; the 58 zeros after it leave no words behind
    expect(parts(fenQuotientByWords(85, 100))).toEqual({ d: [8_500_000], e: -1, s: 1, text: '0.85' });
    // 320579 / 358641 = 0.8938715 8746490 2228133 4259050 1364874 6239275 4871863 5069609 9999|7…
    // (words of seven digits; 60 digits kept, then 7): rounding up carries through the last word,
    // 9999000 + 1000 = 10^7, into 5069609 → 5069610, and the emptied last word is dropped
    expect(parts(fenQuotientByWords(320_579, 358_641))).toEqual({
      d: [8_938_715, 8_746_490, 2_228_133, 4_259_050, 1_364_874, 6_239_275, 4_871_863, 5_069_610],
      e: -1,
      s: 1,
      text: '0.8938715874649022281334259050136487462392754871863506961',
    });
    // 1 / 734567891 = 0.00000000 136134455678243088357370088206047111307782441582380572635184|7…:
    // the first word (places 1–7) is all zeros and left out; the next, 0136134, holds the first
    // digit at place 9 (e = -9); the 60th digit 4 is rounded up to 5
    expect(parts(fenQuotientByWords(1, 734_567_891))).toMatchObject({
      e: -9,
      text: '0.00000000136134455678243088357370088206047111307782441582380572635185',
    });
    expect(parts(fenQuotientByWords(1, 734_567_891)).d[0]).toBe(136_134);
    // quotients that are powers of ten end at once; where the first digit sits decides the words:
    // 0.1 = .1000000; 10^-7 = .0000001 (the first word); 10^-8 = .0000000 1000000 (the second)
    expect(parts(fenQuotientByWords(3, 30))).toEqual({ d: [1_000_000], e: -1, s: 1, text: '0.1' });
    expect(parts(fenQuotientByWords(1, 10_000_000))).toEqual({ d: [1], e: -7, s: 1, text: '0.0000001' });
    expect(parts(fenQuotientByWords(2, 200_000_000))).toEqual({ d: [1_000_000], e: -8, s: 1, text: '0.00000001' });
    // the largest divisor of the double road, and one past it (the bigint road): both as dividedBy
    const limit = Math.floor(SAFE / 10);
    for (const t of [limit, limit + 1]) expect(parts(fenQuotientByWords(t - 12_345, t))).toEqual(parts(new D(t - 12_345).dividedBy(t)));
    expect(fenQuotientByWords(7, 7).toFixed()).toBe('1');
    expect(fenQuotientByWords(0, 7).toFixed()).toBe('0');
    fc.assert(
      fc.property(anyDigits, anyDigits, fc.boolean(), (a, b, below) => {
        // rates are at most 1 in use, but any quotient of safe integers must agree
        const [p, t] = below && a > b ? [b, a] : [a, b];
        const expected = parts(new D(p).dividedBy(t));
        expect(parts(fenQuotientByWords(p, t))).toEqual(expected);
        expect(parts(fenQuotient(p, t))).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
