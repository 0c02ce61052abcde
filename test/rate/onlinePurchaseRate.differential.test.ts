import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onlinePurchaseRate, OnlinePurchaseRateInputSchema, SunshineInputError } from '../../src/index';
import { parseInput } from '../../src/_lib/parseInput';

/**
 * onlinePurchaseRate reads its three amounts by hand (so that a bundle of it alone needs no zod);
 * it must accept and refuse exactly what OnlinePurchaseRateInputSchema does, with the same issues.
 */
function outcome(f: () => unknown): unknown {
  try {
    return { ok: JSON.parse(JSON.stringify(f())) as unknown };
  } catch (e) {
    if (!(e instanceof SunshineInputError)) throw e;
    return { message: e.message, issues: e.issues };
  }
}

const value = fc.oneof(
  fc.constantFrom('850', '1000', '0', '-12.5', '1,000', '', ' ', '1e3', 'abc', '0.000001', '９'),
  fc.integer({ min: -1e6, max: 1e9 }).map(String),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, undefined, true, {}, [], 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom(new Decimal('12.5'), new Decimal(Number.NaN), new Decimal('-1')),
);
const input = fc.oneof(
  { weight: 8, arbitrary: fc.record({ platformAmount: value, totalAmount: value, emergencyAmount: value, other: value }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 'x', 3, [] as unknown[]) },
);

describe('onlinePurchaseRate reads its input as OnlinePurchaseRateInputSchema does', () => {
  it('gives the same figures or the same refusal for any input (differential)', () => {
    fc.assert(
      fc.property(input, (x) => {
        const byHand = outcome(() => onlinePurchaseRate(x as never));
        const byZod = outcome(() => {
          const p = parseInput(OnlinePurchaseRateInputSchema, x, 'onlinePurchaseRate');
          return onlinePurchaseRate({ platformAmount: p.platformAmount, totalAmount: p.totalAmount, emergencyAmount: p.emergencyAmount ?? '0' });
        });
        expect(byHand).toEqual(byZod);
      }),
      { numRuns: 3000 },
    );
  });

  it('words a refusal as before, naming every bad field in order', () => {
    expect(() => onlinePurchaseRate({ platformAmount: 'x', totalAmount: null, emergencyAmount: true } as never)).toThrow(
      /^onlinePurchaseRate: platformAmount expected a finite decimal amount .*, got "x"; totalAmount expected .*, got null; emergencyAmount expected .*, got true$/,
    );
    expect(() => onlinePurchaseRate(undefined as never)).toThrow('onlinePurchaseRate: input expected object, got undefined');
  });
});
