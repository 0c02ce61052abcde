/**
 * The adapters' shortcuts against the roads they short-cut (issue 20): each must give exactly what
 * the general road gives where it answers, so that a shortcut that rejects too much or accepts too
 * much is caught here, not only by its effect on speed.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTime, TIME } from '../../src/adapter/read';
import { decimalText, M, S, scaled } from '../../src/adapter/fromNhsaRecords';
import { canonicalAmount, isCanonicalAmount, readAmount } from '../../src/amount/readAmount';

const chars = (alphabet: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });

describe('isTime: HH:mm:ss by character codes', () => {
  it('accepts exactly what the TIME expression accepts in the last eight characters', () => {
    // two digits, a colon, two digits, a colon, two digits, with other characters mixed in
    const part = chars('0123456789', 2, 2);
    const time = fc.oneof(
      fc.tuple(part, part, part).map(([h, m, s]) => `${h}:${m}:${s}`),
      chars('0123456789:x. ', 8, 8),
    );
    fc.assert(
      fc.property(time, (t) => {
        const text = `2024-03-05 ${t}`;
        expect(isTime(text)).toBe(TIME.test(t));
      }),
      { numRuns: 3000 },
    );
    // by hand: the edges of each field
    expect(['00:00:00', '23:59:59', '24:00:00', '19:60:00', '09:00:60', '0a:00:00', '00-00:00', '00:00-00', '/0:00:00', '0/:00:00', ':0:00:00'].map((t) => isTime(`2024-03-05 ${t}`))).toEqual([
      true, true, false, false, false, false, false, false, false, false, false,
    ]);
  });
});

describe('isCanonicalAmount: canonical text by one pass', () => {
  it('is true exactly for the texts that the Decimal road writes back unchanged', () => {
    const text = fc.tuple(fc.constantFrom('', '-', '+', ' '), chars('0000123456789', 0, 32), fc.option(chars('00001234567890.', 0, 32), { nil: undefined })).map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(text, (t) => {
        expect(isCanonicalAmount(t)).toBe(readAmount(t)?.toFixed() === t);
        if (isCanonicalAmount(t)) expect(canonicalAmount(t)).toBe(t);
      }),
      { numRuns: 5000 },
    );
    // by hand: leading zeros, -0, trailing zeros, 30 and 31 digits on either side, an empty text
    const d30 = '1'.repeat(30);
    expect(['0', '-0', '7', '-7', '07', '0.5', '-0.5', '0.50', '1.', '.5', '', '-', d30, `${d30}1`, `0.${d30}`, `0.${d30}1`, '1x', '1.5x'].map(isCanonicalAmount)).toEqual([
      true, false, true, true, false, true, true, false, false, false, false, false, true, false, true, false, false, false,
    ]);
  });
});

describe('scaled and decimalText: price × count in doubles', () => {
  it('reads a plain decimal of at most 15 significant digits as its integer and decimals, and nothing else', () => {
    const text = fc.tuple(chars('0000123456789', 0, 18), fc.option(chars('00123456789', 0, 18), { nil: undefined }), fc.constantFrom('', '', '-', '+', ' ')).map(([w, f, sign]) => `${sign}${w}${f === undefined ? '' : `.${f}`}`);
    fc.assert(
      fc.property(text, (t) => {
        const plain = /^\d+(\.\d+)?$/.test(t);
        const significant = t.replace('.', '').replace(/^0+/, '').length;
        const ok = scaled(t);
        expect(ok).toBe(plain && significant <= 15);
        if (ok) expect(new Decimal(M).dividedBy(new Decimal(10).pow(S)).equals(new Decimal(t))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // by hand: 12.345678 → 12345678 and 6 decimals; 0.0010 → 10 and 4
    expect([scaled('12.345678'), M, S]).toEqual([true, 12345678, 6]);
    expect([scaled('0.0010'), M, S]).toEqual([true, 10, 4]);
    expect([scaled('1234567890123456'), scaled('123456789012345'), scaled('')]).toEqual([false, true, false]);
  });

  it('writes an integer scaled down as Decimal writes it: no trailing zeros, no -0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 30 }), fc.boolean(), (m, s, negative) => {
        const exact = new Decimal(m).dividedBy(new Decimal(10).pow(s));
        expect(decimalText(m, s, negative)).toBe((negative && m !== 0 ? exact.negated() : exact).toFixed());
      }),
      { numRuns: 5000 },
    );
    // by hand: 1296296190 with 7 decimals = 129.629619; 5 with 3 = 0.005; 1200 with 2 = 12; −0 is 0
    expect([decimalText(1296296190, 7, false), decimalText(5, 3, true), decimalText(1200, 2, false), decimalText(0, 4, true)]).toEqual(['129.629619', '-0.005', '12', '0']);
  });
});
