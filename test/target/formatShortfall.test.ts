import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTargets, formatRate, formatShortfall, measureOnlineRates, SunshineInputError } from '../../src/index';
import { inst, line } from '../_helpers/lines';
import { refusal } from '../_helpers/refusal';

describe('formatShortfall', () => {
  it('matches the JSDoc example', () => {
    expect(formatShortfall('38333.333333')).toBe('38333.34');
    expect(formatShortfall('0.0000000000005')).toBe('0.01');
  });

  it('rounds the amount needed up to the fen, so that buying it reaches the target (issue 26)', () => {
    // P = 75,000, T = 95,000, target 85 %: new platform purchases (0.85 × 95,000 − 75,000) ÷ 0.15 = 5,750 ÷ 0.15 = 38,333.333…
    const { measures } = measureOnlineRates([line({ institutionId: 'H', amount: '75000' }), line({ institutionId: 'H', amount: '20000', channel: 'offline' })], {
      policy: 'jiangsu-2022',
      institutions: [inst('H', 'tertiary')],
    });
    const check = checkTargets(measures, 'jiangsu-2022')[0]!;
    const add = check.shortfallScenarios!.addPlatformPurchases!;
    expect(add.toFixed(6)).toBe('38333.333333');
    expect(formatShortfall(add)).toBe('38333.34');
    // paid: (75,000 + 38,333.34) ÷ (95,000 + 38,333.34) = 113,333.34 ÷ 133,333.34 = 0.850000011… ≥ 0.85; half-up's 38,333.33 gave 0.8499999962…
    expect(new Decimal('113333.34').dividedBy('133333.34').greaterThanOrEqualTo('0.85')).toBe(true);
    expect(new Decimal('113333.33').dividedBy('133333.33').lessThan('0.85')).toBe(true);
    // moved onto the platform, total unchanged: 0.85 × 95,000 − 75,000 = 5,750 exactly
    expect(formatShortfall(check.shortfallScenarios!.moveToPlatform)).toBe('5750.00');
  });

  it('shows 0.00 only for a met target, and a shortfall of any size as at least one fen', () => {
    expect(formatShortfall(new Decimal(0))).toBe('0.00');
    expect(formatShortfall(new Decimal('-0'))).toBe('0.00');
    expect(formatShortfall('0.001')).toBe('0.01');
    expect(formatShortfall(12.5)).toBe('12.50');
    expect(formatShortfall(null)).toBe('—');
    expect(formatShortfall(null, { empty: '' })).toBe('');
  });

  it('refuses what is not an amount needed', () => {
    expect(refusal(() => formatShortfall('-1'))).toBe('formatShortfall: amount expected an amount needed of at least 0, such as "38333.3333", got "-1"');
    expect(() => formatShortfall(Number.NaN)).toThrow(SunshineInputError);
    expect(() => formatShortfall('abc')).toThrow(SunshineInputError);
  });

  describe('properties', () => {
    // platform and total in fen (P ≤ T), a target of 1–4 decimals in (0, 1)
    const inputs = fc
      .tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 9999 }))
      .map(([a, b, t]) => ({ P: new Decimal(Math.min(a, b)).dividedBy(100), T: new Decimal(Math.max(a, b)).dividedBy(100), target: new Decimal(t).dividedBy(10000) }));
    const fen = new Decimal('0.01');

    it('adding the amount shown meets the target exactly, one fen less does not (new purchases: the total grows)', () => {
      fc.assert(
        fc.property(inputs, ({ P, T, target }) => {
          const shown = new Decimal(formatShortfall(Decimal.max(0, target.times(T).minus(P).dividedBy(new Decimal(1).minus(target)))));
          const meets = (s: Decimal) => P.plus(s).greaterThanOrEqualTo(target.times(T.plus(s)));
          expect(meets(shown)).toBe(true);
          if (shown.greaterThan(0)) expect(meets(shown.minus(fen))).toBe(false);
          else expect(P.greaterThanOrEqualTo(target.times(T))).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('moving the amount shown onto the platform meets the target exactly, one fen less does not (the total unchanged)', () => {
      fc.assert(
        fc.property(inputs, ({ P, T, target }) => {
          const shown = new Decimal(formatShortfall(Decimal.max(0, target.times(T).minus(P))));
          const meets = (s: Decimal) => P.plus(s).greaterThanOrEqualTo(target.times(T));
          expect(meets(shown)).toBe(true);
          if (shown.greaterThan(0)) expect(meets(shown.minus(fen))).toBe(false);
        }),
        { numRuns: 2000 },
      );
    });

    it('agrees with checkTargets: the shown scenarios of every check reach the target', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 1e10 }), (platformFen, offlineFen) => {
          const { measures } = measureOnlineRates(
            [line({ institutionId: 'H', amount: new Decimal(platformFen).dividedBy(100).toFixed(2) }), line({ institutionId: 'H', amount: new Decimal(offlineFen).dividedBy(100).toFixed(2), channel: 'offline' })],
            { policy: 'jiangsu-2022', institutions: [inst('H', 'tertiary')] },
          );
          const c = checkTargets(measures, 'jiangsu-2022')[0]!;
          if (c.meets === null) return;
          const [P, T] = [c.platformAmount, c.totalAmount];
          const move = new Decimal(formatShortfall(c.shortfallScenarios!.moveToPlatform));
          const add = new Decimal(formatShortfall(c.shortfallScenarios!.addPlatformPurchases));
          expect(P.plus(move).greaterThanOrEqualTo(c.target.times(T))).toBe(true);
          expect(P.plus(add).greaterThanOrEqualTo(c.target.times(T.plus(add)))).toBe(true);
          expect(move.isZero()).toBe(c.meets);
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('formatRate beside its target (issue 26)', () => {
  it('never prints a rate that misses its target as the target', () => {
    // 0.849999 → 84.9999 %: 2 digits give 85.00 (the target's text), 3 give 85.000, 4 give 84.9999
    expect(formatRate('0.849999', { target: '0.85' })).toBe('84.9999%');
    expect(formatRate('0.849999')).toBe('85.00%');
    // 1 − 10^-20 beside 1: as many digits as the difference needs
    expect(formatRate('0.99999999999999999999', { target: 1 })).toBe('99.999999999999999999%');
    // a rate equal to its target, or that prints otherwise, keeps its digits
    expect(formatRate('0.85', { target: '0.85' })).toBe('85.00%');
    expect(formatRate('0.8512', { target: '0.85' })).toBe('85.12%');
    expect(formatRate('0.85004', { target: '0.85', digits: 1 })).toBe('85.004%');
    expect(formatRate(null, { target: '0.85' })).toBe('—');
    expect(refusal(() => formatRate('0.8', { target: 'x' }))).toBe('formatRate: options.target expected a finite decimal fraction such as "0.85", got "x"');
  });
});
