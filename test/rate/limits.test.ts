import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonValue } from '../../src/errors';
import { createRateAccumulator, measureOnlineRates, rateAccumulatorFromJSON, ratesFromSQL, type MeasureOnlineRatesResult, type PurchaseLineInput } from '../../src/index';

/**
 * One limit on every path (issue 26, docs/input.md "Limits"): an amount has at most 30 digits
 * before the point and 30 after, as a string, a number or a Decimal; sums of them are exact, the
 * same in one pass, in chunks merged, through the JSON state and read back from SQL rows.
 */
const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'H1'];
const institutions = ids.map((id) => ({ id, level: 'tertiary', ownership: 'public' }) as const);
const options = { policy: 'jiangsu-2022', institutions } as const;
const LARGEST = `${'9'.repeat(30)}.${'9'.repeat(30)}`;
const line = (institutionId: string, amount: unknown, channel = 'platform'): PurchaseLineInput =>
  ({ institutionId, receivedOn: '2024-01-05', category: 'drug', insuranceCode: 'X', channel, amount }) as PurchaseLineInput;
/**
 * A result as text, for deep comparison (Decimals by their exact digits); rejected values as JSON
 * carries them (jsonValue), as the JSON state keeps them: a bigint or a Decimal as its text, NaN as 'NaN'.
 */
const plain = (r: MeasureOnlineRatesResult) =>
  JSON.parse(JSON.stringify({ ...r, ledger: { ...r.ledger, rejected: { ...r.ledger.rejected, reasons: r.ledger.rejected.reasons.map((x) => ({ ...x, value: jsonValue(x.value) })) } } })) as unknown;

describe('the limit of an amount, the same for strings, numbers and Decimals', () => {
  // [what, value, accepted]
  const cases: [string, unknown, boolean][] = [
    ['30 + 30 digits as a string', LARGEST, true],
    ['31 digits before the point', `1${'0'.repeat(30)}`, false],
    ['31 after it', `0.${'0'.repeat(30)}1`, false],
    ['a number just below 10^30', 9.99999999999999e29, true],
    ['the number 10^30', 1e30, false],
    ['the number 1e59 (was read, then rounded in sums)', 1e59, false],
    ['the number 1e-30', 1e-30, true],
    ['the number 1e-31', 1e-31, false],
    ['a Decimal of 30 + 30 digits', new Decimal(LARGEST), true],
    ['a Decimal of 61 digits (was rounded to 60)', new Decimal(`${'9'.repeat(31)}.${'9'.repeat(30)}`), false],
    ['a Decimal of 31 decimals', new Decimal(`0.${'0'.repeat(30)}1`), false],
    ['a Decimal of 10^30', new Decimal('1e30'), false],
  ];

  it.each(cases)('%s: %s', (_, value, accepted) => {
    const { ledger } = measureOnlineRates([line('H1', value)], options);
    expect(ledger.rejected.lines).toBe(accepted ? 0 : 1);
    if (!accepted) expect(ledger.rejected.reasons[0]).toMatchObject({ index: 0, field: 'amount', value });
    // the accumulator, in strict mode, refuses the same with the row, field and value
    const strict = () => createRateAccumulator({ ...options, strict: true }).add(line('H1', value));
    if (accepted) expect(strict).not.toThrow();
    else expect(strict).toThrow(/^createRateAccumulator: lines\[0\]\.amount expected a finite decimal amount .*at most 30 digits before the point and 30 after/);
  });
});

describe('sums beyond 30 digits, exact on every path', () => {
  // two of the largest amounts: 1999…998 (31 digits) . 999…998 (30 decimals): past D's 60 digits, exact here
  const SUM = `1${'9'.repeat(29)}9.${'9'.repeat(29)}8`;
  const lines = [line('H1', LARGEST), line('H1', LARGEST), line('H1', '0.5', 'offline')];

  it('in one pass, in chunks merged, and through the JSON state', () => {
    const one = measureOnlineRates(lines, options);
    expect(one.measures.find((m) => m.institutionId === 'H1' && m.measure === 'drug')!.platformAmount.toFixed()).toBe(SUM);
    const a = createRateAccumulator(options).addAll(lines.slice(0, 1));
    const b = createRateAccumulator({ ...options, firstIndex: 1 }).addAll(lines.slice(1));
    const viaJson = rateAccumulatorFromJSON(JSON.parse(JSON.stringify(b)));
    expect(plain(a.merge(viaJson).result())).toEqual(plain(one));
    expect(plain(rateAccumulatorFromJSON(JSON.parse(JSON.stringify(createRateAccumulator(options).addAll(lines)))).result())).toEqual(plain(one));
  });

  it('read back from SQL rows as the engine gives them', () => {
    const zeros = [0, '0', 0, '0', 0, '0'];
    // SUM + 0.5: 1999…999.999…998 + 0.5 = 2000…000.4999…998 (31 digits before the point, 30 after)
    const total = `2${'0'.repeat(30)}.4${'9'.repeat(28)}8`;
    const measures = ids.flatMap((id) => (id === 'H1' ? [[id, 'drug', SUM, total, '0', 3, ...zeros]] : [[id, 'drug', '0', '0', '0', 0, ...zeros]]).concat([[id, 'consumable', '0', '0', '0', 0, ...zeros]]));
    const sql = ratesFromSQL({ measures, ledger: [['input', null, 3, total], ['included', null, 3, total]] }, options);
    const one = measureOnlineRates(lines, options);
    expect(sql.measures.map((m) => [m.platformAmount.toFixed(), m.totalAmount.toFixed(), m.rate?.toFixed() ?? null])).toEqual(one.measures.map((m) => [m.platformAmount.toFixed(), m.totalAmount.toFixed(), m.rate?.toFixed() ?? null]));
    // a sum beyond the engine's (10^46) is refused by the same rule as in the JSON state
    const beyond = `1${'0'.repeat(46)}`;
    expect(() => ratesFromSQL({ measures, ledger: [['input', null, 3, beyond], ['included', null, 3, total]] }, options)).toThrow('result.ledger[0].amount expected an exact decimal below 10^46');
    const json = JSON.parse(JSON.stringify(createRateAccumulator(options).addAll(lines))) as { input: string };
    expect(() => rateAccumulatorFromJSON({ ...json, input: beyond })).toThrow('json.input expected an exact decimal string below 10^46');
  });
});

describe('properties', () => {
  // amounts near the limits and ordinary ones, as strings, numbers and Decimals, for the ids a plain object mishandles
  const amount = fc.oneof(
    fc.constantFrom(LARGEST, `-${LARGEST}`, `0.${'0'.repeat(29)}1`, '0.600', '1e3', '12,3', 1e29, 0.1 + 0.2, 1e-30, new Decimal(LARGEST), new Decimal('1e30'), Number.NaN, BigInt(10), null),
    fc.integer({ min: -1e9, max: 1e9 }).map((f) => (f / 100).toFixed(2)),
    fc.integer({ min: -1e9, max: 1e9 }).map((f) => f / 100),
  );
  const anyLine = fc.record({
    institutionId: fc.constantFrom(...ids, 'Z'),
    receivedOn: fc.constantFrom('2024-01-05', '2024-02-30'),
    category: fc.constantFrom('drug', 'consumable'),
    insuranceCode: fc.constantFrom('X', ''),
    channel: fc.constantFrom('platform', 'offline', 'emergency'),
    amount,
  });

  it('chunks merged in any order and through JSON give what one pass gives, for any id and any amount the engine accepts', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (raw, cuts, viaJson) => {
        const lines = raw as PurchaseLineInput[];
        const edges = [0, ...[...new Set(cuts.map((c) => c % (lines.length + 1)))].sort((a, b) => a - b), lines.length];
        const parts = edges.slice(1).map((end, i) => {
          const acc = createRateAccumulator({ ...options, firstIndex: edges[i]! }).addAll(lines.slice(edges[i]!, end));
          return viaJson[i % viaJson.length] ? rateAccumulatorFromJSON(JSON.parse(JSON.stringify(acc))) : acc;
        });
        const merged = parts.reverse().reduce((x, y) => x.merge(y));
        expect(plain(merged.result())).toEqual(plain(measureOnlineRates(lines, options)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the JSON state of rejected values', () => {
  it('keeps what JSON cannot write as its text: a bigint amount no longer makes JSON.stringify throw', () => {
    const acc = createRateAccumulator(options).addAll([line('H1', BigInt(10)), line('H1', Number.NaN), line('H1', new Decimal('1e40'))]);
    const json = JSON.parse(JSON.stringify(acc)) as { rejected: { reasons: { value: unknown }[] } };
    expect(json.rejected.reasons.map((r) => r.value)).toEqual(['10', 'NaN', '1e+40']);
    // the warning names the first of them alike before and after the trip: lines[0].amount "10"
    const before = acc.result().warnings[0]!.message;
    expect(before).toContain('例如 lines[0].amount "10"');
    expect(rateAccumulatorFromJSON(json).result().warnings[0]!.message).toBe(before);
  });
});
