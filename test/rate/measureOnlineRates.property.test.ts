import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateRates, measureOnlineRates, PurchaseLineSchema, type InstitutionInput } from '../../src/index';

const institutions: InstitutionInput[] = [
  { id: 'A', level: 'tertiary', ownership: 'public', region: { city: 'X' } },
  { id: 'B', level: 'tertiary', ownership: 'military', region: { city: 'X' } },
  { id: 'C', level: 'secondary', ownership: 'public', region: { city: 'X' } },
  { id: 'D', level: 'primary', ownership: 'public', region: { city: 'X' } },
  { id: 'E', level: 'tertiary', ownership: 'private', region: { city: 'X' } },
];

/** Amounts as fen integers rendered as yuan strings, never fc.double. */
const amount = (min: number) => fc.integer({ min, max: 10_000_000_00 }).map((fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`);

const goodLine = (min: number) =>
  fc.record({
    institutionId: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
    receivedOn: fc.constantFrom('2023-12-31', '2024-01-01', '2024-02-29', '2024-03-31', '2024-04-01'),
    category: fc.constantFrom('drug', 'consumable'),
    channel: fc.constantFrom('platform', 'emergency', 'offline'),
    insuranceCode: fc.constantFrom('X1', '', undefined),
    amount: amount(min),
  }).chain((l) =>
    fc.record({
      kind: l.category === 'drug' ? fc.constantFrom(undefined, 'narcotic', 'tcm-decoction-pieces') : fc.constantFrom(undefined, 'ivd-reagent'),
      highValue: l.category === 'drug' ? fc.constant(undefined) : fc.boolean(),
    }).map((extra) => ({ ...l, ...extra })),
  );

const anyLine = fc.oneof(
  { weight: 4, arbitrary: goodLine(-1_000_00) },
  { weight: 1, arbitrary: goodLine(0).map((l) => ({ ...l, institutionId: 'ZZ' })) },
  { weight: 1, arbitrary: goodLine(0).map((l) => ({ ...l, amount: 'NaN' })) },
  { weight: 1, arbitrary: goodLine(0).map((l) => ({ ...l, receivedOn: '2024-02-30' })) },
  { weight: 1, arbitrary: fc.anything() },
);

const options = { policy: 'jiangsu-2022', institutions, period: { from: '2024-01-01', to: '2024-03-31' } } as const;

describe('properties', () => {
  it('the ledger balances in count and amount, whatever the lines', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 60 }), (lines) => {
        const { ledger } = measureOnlineRates(lines as never, options);
        expect(ledger.balanced).toBe(true);
        expect(ledger.input.lines).toBe(lines.length);
        expect(ledger.included.lines + ledger.excluded.lines + ledger.rejected.lines).toBe(lines.length);
        expect(ledger.included.amount.plus(ledger.excluded.amount).plus(ledger.rejected.amount).equals(ledger.input.amount)).toBe(true);
      }),
    );
  });

  it('results do not depend on line order', () => {
    fc.assert(
      fc.property(fc.array(goodLine(-1_000_00), { maxLength: 40 }).chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }))), ([lines, shuffled]) => {
        const a = measureOnlineRates(lines, options);
        const b = measureOnlineRates(shuffled, options);
        expect(b.measures.map((m) => [m.platformAmount.toString(), m.totalAmount.toString(), m.status])).toEqual(
          a.measures.map((m) => [m.platformAmount.toString(), m.totalAmount.toString(), m.status]),
        );
      }),
    );
  });

  it('rates stay in [0, 1] for consistent data, and a regional rate lies between its institutions’ rates', () => {
    fc.assert(
      fc.property(fc.array(goodLine(1), { maxLength: 60 }), (lines) => {
        const { measures } = measureOnlineRates(lines, options);
        for (const m of measures) if (m.rate !== null) expect(m.rate.greaterThanOrEqualTo(0) && m.rate.lessThanOrEqualTo(1)).toBe(true);
        for (const r of aggregateRates(measures, { by: 'city' })) {
          if (r.rate === null) continue;
          const rates = measures.filter((m) => r.institutionIds.includes(m.institutionId) && m.measure === r.measure && m.rate !== null).map((m) => m.rate!);
          const lo = rates.reduce((a, b) => (a.lessThan(b) ? a : b));
          const hi = rates.reduce((a, b) => (a.greaterThan(b) ? a : b));
          expect(r.rate.greaterThanOrEqualTo(lo) && r.rate.lessThanOrEqualTo(hi)).toBe(true);
        }
      }),
    );
  });

  it('the engine\'s hand-written validation accepts and rejects exactly what PurchaseLineSchema does', () => {
    const fieldValue = fc.oneof(fc.anything(), fc.constantFrom('drug', 'consumable', 'platform', 'offline', '2024-01-01', '2024-02-30', '12.5', '1e3', 'narcotic', 'ivd-reagent', true, null));
    const mutated = fc.tuple(goodLine(-100), fc.constantFrom('institutionId', 'receivedOn', 'category', 'kind', 'highValue', 'insuranceCode', 'channel', 'amount'), fieldValue).map(([l, key, value]) => ({ ...l, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(goodLine(-100), mutated, fc.anything()), (raw) => {
        // make the institution known whenever the id is a usable string, so that only validity decides
        const id = (raw as { institutionId?: unknown } | null)?.institutionId;
        const known = typeof id === 'string' && id !== '' ? [{ id, level: 'tertiary' as const, ownership: 'public' as const }] : [];
        const { ledger } = measureOnlineRates([raw as never], { policy: 'ganzhou-2023', institutions: known });
        const byHand = ledger.rejected.lines === 0;
        const byZod = PurchaseLineSchema.safeParse(raw).success;
        expect(byHand).toBe(byZod);
      }),
      { numRuns: 2000 },
    );
  });
});
