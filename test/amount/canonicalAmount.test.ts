/**
 * canonicalAmount: the string shortcut fromCsvRows takes for plain decimals must write exactly what
 * the Decimal route (readAmount(text).toFixed(), and parseAmount(text, { lenient: true })) writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAmount, readAmount } from '../../src/amount/readAmount';
import { parseAmount } from '../../src/index';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0000123456789'), minLength: min, maxLength: max });
/** Plain decimals, with the leading and trailing zeros and the zero values that canonical text drops. */
const plain = fc.tuple(fc.constantFrom('', '-', '+'), digits(1, 31), fc.option(digits(0, 31), { nil: undefined })).map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);

describe('canonicalAmount', () => {
  it('worked examples: leading and trailing zeros go, zero has no sign, anything else is null', () => {
    // by hand: 00120.500 → 120.5; -00.0100 → -0.01; -0.000 is zero → 0
    expect(['00120.500', '-00.0100', '-0.000', '120', '0', '1.', '.5', '+1', '1e3', ' 1'].map(canonicalAmount)).toEqual(['120.5', '-0.01', '0', '120', '0', null, null, null, null, null]);
  });
  it('writes what the Decimal route writes, or leaves the text to it (null)', () => {
    fc.assert(
      fc.property(plain, (text) => {
        const fast = canonicalAmount(text);
        const slow = readAmount(text)?.toFixed() ?? null;
        if (fast !== null) {
          expect(fast).toBe(slow);
          expect(fast).toBe(parseAmount(text, { lenient: true }).toFixed());
        } else {
          // only a + sign, or more digits than readAmount takes, are left to the Decimal route
          expect(text.startsWith('+') || slow === null).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
