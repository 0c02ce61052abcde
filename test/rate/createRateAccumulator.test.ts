import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRateAccumulator, measureOnlineRates, rateAccumulatorFromJSON, SunshineInputError, type InstitutionInput } from '../../src/index';
import { fenToYuan, numberFen, parseFen } from '../../src/_lib/exactSum';
import { inst, line } from '../_helpers/lines';
import { plain } from '../_helpers/results';

const institutions: InstitutionInput[] = [inst('A', 'tertiary'), inst('B', 'secondary', 'military'), inst('C', 'primary'), inst('P', 'tertiary', 'private')];
const options = { policy: 'ganzhou-2023', institutions, period: { from: '2024-01-01', to: '2024-12-31' } } as const;


describe('createRateAccumulator', () => {
  it('matches the JSDoc example', () => {
    const a = createRateAccumulator({ policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] });
    const b = createRateAccumulator({ policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }], firstIndex: 1 });
    a.add({ institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '850', insuranceCode: 'X' });
    b.add({ institutionId: 'H1', receivedOn: '2024-01-06', category: 'drug', channel: 'offline', amount: '150', insuranceCode: 'X' });
    expect(a.merge(rateAccumulatorFromJSON(JSON.parse(JSON.stringify(b)))).result().measures[0]?.rate?.toFixed(2)).toBe('0.85');
  });

  it('gives what measureOnlineRates gives for the same lines', () => {
    const lines = [
      line({ institutionId: 'A', amount: '100.10' }),
      line({ institutionId: 'A', amount: '0.005', channel: 'offline' }), // three decimals: the Decimal path
      line({ institutionId: 'B', amount: '7', category: 'consumable', highValue: true }),
      line({ institutionId: 'P', amount: '3' }),
      line({ institutionId: 'Z', amount: '1' }),
      line({ institutionId: 'A', amount: '2', receivedOn: '2025-01-01' }),
    ];
    const acc = createRateAccumulator(options).addAll(lines as never);
    expect(acc.lines).toBe(6);
    expect(plain(acc.result())).toEqual(plain(measureOnlineRates(lines as never, options)));
  });

  it('round-trips its state through JSON text', () => {
    const acc = createRateAccumulator(options).addAll([line({ institutionId: 'A', amount: '90071992547409.93' }), line({ institutionId: 'A', amount: '1.234', channel: 'emergency' }), line({ institutionId: 'Z', amount: 'x' })]);
    const copy = rateAccumulatorFromJSON(JSON.parse(JSON.stringify(acc)));
    expect(plain(copy.result())).toEqual(plain(acc.result()));
    // 90071992547409.93 + 1.234 = 90071992547411.164
    expect(copy.result().measures[0]?.totalAmount.toString()).toBe('90071992547411.164');
  });

  it('writes and reads each measure its own excluded lines in the JSON state', () => {
    // jiangsu-2022 leaves out IVD reagents (annex 1 §2): one consumable line of 5 yuan, excluded, at the second
    // institution's second measure; one drug line of 7 yuan, excluded (a narcotic), at its first
    const two = { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary'), inst('B', 'tertiary')] } as const;
    const acc = createRateAccumulator(two).addAll([
      line({ institutionId: 'B', category: 'consumable', kind: 'ivd-reagent', amount: '5', insuranceCode: 'X' }),
      line({ institutionId: 'B', category: 'drug', kind: 'narcotic', amount: '7', insuranceCode: 'X' }),
    ]);
    const { measures } = acc.toJSON();
    expect([measures.B?.drug?.[4], measures.B?.consumable?.[4], measures.A?.drug?.[4], measures.A?.consumable?.[4]]).toEqual([
      { 'excluded-kind': [1, '7'] },
      { 'excluded-kind': [1, '5'] },
      {},
      {},
    ]);
    // and read back into the same places
    expect(rateAccumulatorFromJSON(JSON.parse(JSON.stringify(acc))).toJSON().measures).toEqual(measures);
  });

  it('refuses to merge accumulators of different policies, or one into itself', () => {
    const a = createRateAccumulator(options);
    expect(() => a.merge(createRateAccumulator({ ...options, policy: 'hunan-2023' }))).toThrow('merge: other expected an accumulator with the same policy (ganzhou-2023), institutions and period, got "hunan-2023"');
    expect(() => a.merge(a)).toThrow(SunshineInputError);
    expect(() => rateAccumulatorFromJSON({ format: 'something' })).toThrow('rateAccumulatorFromJSON: json expected the JSON state of a rate accumulator');
  });

  it('refuses a tampered JSON state, naming the field', () => {
    const json = JSON.parse(JSON.stringify(createRateAccumulator(options).add(line({ institutionId: 'A', amount: '1' })))) as { measures: Record<string, Record<string, unknown[]>> };
    json.measures.A!.drug![1] = '1,0';
    expect(() => rateAccumulatorFromJSON(json)).toThrow('json.measures.A.drug[1] expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got "1,0"');
  });

  describe('properties', () => {
    const amount = fc.oneof(
      fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((f) => (f / 100).toFixed(2)),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((f) => (f / 1000).toFixed(3)),
      fc.constantFrom('90071992547409.93', '-4503599627370.49', '0', '1e3', '12,5', 12.5, 0.1),
    );
    const anyLine = fc.record({
      institutionId: fc.constantFrom('A', 'B', 'C', 'P', 'Z', ''),
      receivedOn: fc.constantFrom('2023-12-31', '2024-02-29', '2024-12-31', '2024-02-30'),
      category: fc.constantFrom('drug', 'consumable'),
      kind: fc.constantFrom(undefined, 'narcotic', 'ivd-reagent'),
      highValue: fc.constantFrom(undefined, true, false),
      insuranceCode: fc.constantFrom(undefined, 'X', ''),
      channel: fc.constantFrom('platform', 'emergency', 'offline', 'fax'),
      amount,
    });

    it('any split into chunks, merged in any order, equals one pass', () => {
      fc.assert(
        fc.property(fc.array(anyLine, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (lines, cuts, viaJson) => {
          const bounds = [...new Set(cuts.map((c) => c % (lines.length + 1)))].sort((a, b) => a - b);
          const edges = [0, ...bounds, lines.length];
          const parts = edges.slice(1).map((end, i) => {
            const acc = createRateAccumulator({ ...options, firstIndex: edges[i]! }).addAll(lines.slice(edges[i]!, end) as never);
            return viaJson ? rateAccumulatorFromJSON(JSON.parse(JSON.stringify(acc))) : acc;
          });
          // merge in reverse order: merge is commutative
          const total = parts.reverse().reduce((a, b) => a.merge(b));
          expect(plain(total.result())).toEqual(plain(measureOnlineRates(lines as never, options)));
        }),
      );
    });

    it('merge is associative', () => {
      fc.assert(
        fc.property(fc.array(anyLine, { maxLength: 12 }), fc.array(anyLine, { maxLength: 12 }), fc.array(anyLine, { maxLength: 12 }), (x, y, z) => {
          const mk = (lines: unknown[], first: number) => createRateAccumulator({ ...options, firstIndex: first }).addAll(lines as never);
          const left = mk(x, 0).merge(mk(y, 100)).merge(mk(z, 200));
          const right = mk(x, 0).merge(mk(y, 100).merge(mk(z, 200)));
          expect(plain(left.result())).toEqual(plain(right.result()));
        }),
      );
    });
  });
});

describe('the exact fast path', () => {
  it('reads whole-fen strings as integers and leaves the rest to Decimal', () => {
    expect(parseFen('1234.56')).toBe(123456);
    expect(parseFen('-0.5')).toBe(-50);
    expect(parseFen('+7')).toBe(700);
    expect(parseFen('45035996273704.96')).toBe(4503599627370496); // 2^52 fen: the limit
    expect(parseFen('45035996273704.97')).toBeNaN(); // beyond: the Decimal path
    for (const s of ['', '.5', '5.', '1.234', '1e3', '12,3', '１２', ' 1', '1..2', '-', '+.', '0x10']) expect(parseFen(s)).toBeNaN();
  });
  it('reads numbers only when they are exact fen below 10^13 yuan', () => {
    expect(numberFen(0.1)).toBe(10);
    expect(numberFen(1234.56)).toBe(123456);
    expect(numberFen(0.1 + 0.2)).toBeNaN(); // 0.30000000000000004
    expect(numberFen(1.005)).toBeNaN();
    expect(numberFen(1e13)).toBeNaN();
    expect(numberFen(Number.NaN)).toBeNaN();
  });
  it('writes fen back as yuan', () => {
    expect(fenToYuan(0).toString()).toBe('0');
    expect(fenToYuan(5).toFixed(2)).toBe('0.05');
    expect(fenToYuan(-123456).toFixed(2)).toBe('-1234.56');
  });
  it('keeps sums exact past 2^53 fen by carrying into a bigint', () => {
    // 3 × 45035996273704.96 = 135107988821114.88 yuan = 3 × 2^52 fen, beyond 2^53
    const lines = Array.from({ length: 3 }, () => line({ institutionId: 'A', amount: '45035996273704.96' }));
    const { measures } = measureOnlineRates(lines, options);
    expect(measures[0]?.totalAmount.toFixed(2)).toBe('135107988821114.88');
  });
  it('writes a carried sum that comes back to 0 as 0, not -0', () => {
    // +2^52 +2^52 (carried into the bigint at 2^53) -2^52 -2^52 (carried back): 0 fen in all
    const amounts = ['45035996273704.96', '45035996273704.96', '-45035996273704.96', '-45035996273704.96'];
    const { measures } = measureOnlineRates(amounts.map((amount) => line({ institutionId: 'A', amount })), options);
    const total = measures[0]!.totalAmount;
    expect([total.toJSON(), total.isNegative(), measures[0]?.status]).toEqual(['0', false, 'no-purchases']);
  });
});
