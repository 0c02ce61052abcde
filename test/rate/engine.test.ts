/**
 * The line engine at its edges: the hand-written validation (dates, fields, blank codes), the
 * exact fen fast path where it meets the bigint carry and the Decimal path, strict mode, and the
 * JSON state. Each expectation is worked out by hand in its comment; the rules are those of
 * jiangsu-2022 annex 1 §1(1)–§3 (formula, exclusions, inbound date) unless the test names another.
 */
import { describe, expect, it } from 'vitest';
import {
  createRateAccumulator,
  measureOnlineRates,
  rateAccumulatorFromJSON,
  SunshineInputError,
  type InstitutionInput,
  type InstitutionMeasure,
  type MeasureOnlineRatesResult,
  type PurchaseLineInput,
  type PolicyId,
} from '../../src/index';
import { inst, line } from '../_helpers/lines';
import { inputError as catchError } from '../_helpers/results';

const A: InstitutionInput = inst('A', 'tertiary');
const jiangsu = { policy: 'jiangsu-2022', institutions: [A] } as const;
const DATE_EXPECTED = 'a real civil date "YYYY-MM-DD"';

/** The one measure of an institution for a measure id. */
function measure(r: MeasureOnlineRatesResult, id: string, institutionId = 'A'): InstitutionMeasure {
  const m = r.measures.find((x) => x.measure === id && x.institutionId === institutionId);
  if (m === undefined) throw new Error(`no ${id} measure for ${institutionId}`);
  return m;
}

const money = (m: InstitutionMeasure) => [m.platformAmount.toFixed(), m.totalAmount.toFixed(), m.emergencyAmount.toFixed(), m.lines];

describe('the date check of each line (inbound date, jiangsu-2022 annex 1 §3)', () => {
  // each valid date exercises one digit position at its largest value or one calendar boundary
  const valid = [
    '1900-01-01', // the first accepted year: y = 1·1000 + 9·100 + 0 + 0
    '1990-01-01', // third year digit 9
    '2019-01-01', // fourth year digit 9
    '9000-12-31', // first year digit 9, last day of the year
    '1904-02-29', // 1904 is a leap year (divisible by 4, not by 100)
    '2000-02-29', // divisible by 400: leap
    '2024-02-29',
    '2023-02-28',
    '2024-09-30', // second month digit 9, September has 30 days
    '2024-10-10', // first month digit 1, first day digit 1
    '2024-01-19', // second day digit 9
    '2024-01-31',
    '2024-12-01',
  ];
  it.each(valid)('accepts %s', (receivedOn) => {
    const r = measureOnlineRates([line({ institutionId: 'A', amount: '1', receivedOn })], jiangsu);
    expect(r.ledger.rejected.lines).toBe(0);
    expect(measure(r, 'drug').lines).toBe(1);
  });

  const invalid = [
    '1899-12-31', // before 1900
    '2023-02-29', // 2023 is not a leap year
    '1900-02-29', // divisible by 100, not by 400: not a leap year
    '2024-02-30',
    '2024-04-31', // April has 30 days
    '2024-00-10',
    '2024-13-01',
    '2024-01-00',
    '2024-01-32',
    '2024/01/15',
    '2024/01-15', // only the first separator wrong
    '2024-01/15',
    '2024-1-15',
    '2024-01-155',
    '20240115',
    '',
    // one character out of the digits in each position: ':' is the code after '9', '/' the one before '0'
    ':024-01-15', '2:24-01-15', '20:4-01-15', '202:-01-15', '2024-:1-15', '2024-0:-15', '2024-01-:5', '2024-01-1:',
    '/024-01-15', '2/24-01-15', '20/4-01-15', '202/-01-15', '2024-/1-15', '2024-0/-15', '2024-01-/5', '2024-01-1/',
    '2024-01-1a',
    '２０２４-01-15',
  ];
  it.each(invalid)('rejects %j, naming the field and what was expected', (receivedOn) => {
    const r = measureOnlineRates([line({ institutionId: 'A', amount: '5', receivedOn })], jiangsu);
    expect(r.ledger.rejected.reasons).toEqual([{ index: 0, reason: 'invalid', field: 'receivedOn', value: receivedOn, expected: DATE_EXPECTED }]);
    // the amount is readable, so it is counted as rejected, and the ledger still balances: 5 = 0 + 0 + 5
    expect(r.ledger.rejected.amount.toFixed()).toBe('5');
    expect(r.ledger.balanced).toBe(true);
  });

  it('checks every date the same whether the engine remembers it or not (beyond the 4,096 dates it keeps)', () => {
    // 5,000 consecutive days from 2000-01-01, twice over: the first 4,096 are remembered after
    // their first check, the other 904 are checked again on every line
    const days = Array.from({ length: 5000 }, (_, n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
    expect(days[4999]).toBe('2013-09-08'); // 2000-01-01 + 4,999 days (13 years of 4,749 days reach 2013-01-01, + 250 days)
    const bad = (receivedOn: string) => line({ institutionId: 'A', amount: '7', receivedOn });
    const lines = [
      bad('2023-02-29'), // index 0, before anything is remembered
      ...days.map((receivedOn) => line({ institutionId: 'A', amount: '1', receivedOn })),
      bad('2001-02-29'), // index 5,001: 2001 is not a leap year, and 2001-02-28 was seen and remembered
      bad('2013-09-31'), // index 5,002: September has 30 days; 2013-09-08 was seen, not remembered
      ...days.map((receivedOn) => line({ institutionId: 'A', amount: '1', receivedOn })),
      bad('1899-12-31'), // index 10,003
    ];
    const r = measureOnlineRates(lines, jiangsu);
    // included: 2 × 5,000 lines of 1 元 = 10,000 元; rejected: 4 lines of 7 元 = 28 元
    expect(measure(r, 'drug').lines).toBe(10000);
    expect(measure(r, 'drug').totalAmount.toFixed()).toBe('10000');
    expect(r.ledger.rejected.reasons.map((x) => [x.index, x.value])).toEqual([
      [0, '2023-02-29'],
      [5001, '2001-02-29'],
      [5002, '2013-09-31'],
      [10003, '1899-12-31'],
    ]);
    expect(r.ledger.rejected.amount.toFixed()).toBe('28');
  });

  it('rejects a date that is not a string', () => {
    const r = measureOnlineRates([{ ...line({ institutionId: 'A', amount: '5' }), receivedOn: 20240115 as never }], jiangsu);
    expect(r.ledger.rejected.reasons).toEqual([{ index: 0, reason: 'invalid', field: 'receivedOn', value: 20240115, expected: DATE_EXPECTED }]);
  });
});

describe('the field checks of each line, and what a rejected line keeps', () => {
  const base = line({ institutionId: 'A', amount: '5' }) as unknown as Record<string, unknown>;
  const cases: [string, Record<string, unknown>, { field: string; value: unknown; expected: string; reason?: string }][] = [
    ['an empty institution id', { institutionId: '' }, { field: 'institutionId', value: '', expected: 'a non-empty institution id' }],
    ['a numeric institution id, even one that matches as text', { institutionId: 7 }, { field: 'institutionId', value: 7, expected: 'a non-empty institution id' }],
    ['an unknown institution id', { institutionId: 'Z' }, { field: 'institutionId', value: 'Z', expected: 'the id of one of options.institutions', reason: 'unknown-institution' }],
    ['an unknown category', { category: 'device' }, { field: 'category', value: 'device', expected: 'one of "drug", "consumable"' }],
    ['a kind that is not a string', { kind: ['narcotic'] }, { field: 'kind', value: ['narcotic'], expected: 'absent or one of' }],
    ['a kind named after an Object method', { kind: 'constructor' }, { field: 'kind', value: 'constructor', expected: 'absent or one of' }],
    ['a consumable kind on a drug', { kind: 'ivd-reagent' }, { field: 'kind', value: 'ivd-reagent', expected: 'a drug kind' }],
    ['a drug kind on a consumable', { category: 'consumable', kind: 'narcotic' }, { field: 'kind', value: 'narcotic', expected: 'a consumable kind' }],
    ['highValue that is not a boolean', { category: 'consumable', highValue: 'yes' }, { field: 'highValue', value: 'yes', expected: 'absent or a boolean' }],
    ['highValue on a drug', { highValue: true }, { field: 'highValue', value: true, expected: 'highValue only on consumables' }],
    ['an insurance code that is not a string', { insuranceCode: 123 }, { field: 'insuranceCode', value: 123, expected: 'absent or a string' }],
    ['an unknown channel', { channel: 'phone' }, { field: 'channel', value: 'phone', expected: 'one of "platform", "emergency", "offline"' }],
  ];
  it.each(cases)('rejects %s', (_, change, want) => {
    const r = measureOnlineRates([{ ...base, ...change } as never], jiangsu);
    const [reason] = r.ledger.rejected.reasons;
    expect(reason).toMatchObject({ index: 0, reason: want.reason ?? 'invalid', field: want.field, value: want.value });
    expect(reason?.expected).toContain(want.expected);
    // 5 yuan readable: input 5 = rejected 5
    expect([r.ledger.input.amount.toFixed(), r.ledger.rejected.amount.toFixed(), r.ledger.included.lines]).toEqual(['5', '5', 0]);
  });

  it('rejects a line that is not an object with the path of the line itself', () => {
    for (const bad of [null, 'A,5', 5, ['A', '5']]) {
      const r = measureOnlineRates([bad as never], jiangsu);
      expect(r.ledger.rejected.reasons).toEqual([{ index: 0, reason: 'invalid', field: '', value: bad, expected: 'a purchase line object' }]);
      // nothing readable: one line, no amount
      expect([r.ledger.input.lines, r.ledger.input.amount.toFixed(), r.ledger.rejected.amount.toFixed()]).toEqual([1, '0', '0']);
    }
  });

  it('keeps the exact amount of a rejected line of more than two decimals (Decimal path)', () => {
    // 0.005 + 0.01 (fen path) = 0.015 rejected and in input
    const r = measureOnlineRates([line({ institutionId: 'A', amount: '0.005', channel: 'phone' as never }), line({ institutionId: 'A', amount: '0.01', channel: 'phone' as never })], jiangsu);
    expect([r.ledger.input.amount.toFixed(), r.ledger.rejected.amount.toFixed(), r.ledger.balanced]).toEqual(['0.015', '0.015', true]);
  });

  it('counts a rejected line of unreadable amount in lines only', () => {
    const r = measureOnlineRates([{ ...base, institutionId: '', amount: '1,0' } as never], jiangsu);
    expect([r.ledger.rejected.lines, r.ledger.rejected.amount.toFixed(), r.ledger.input.amount.toFixed()]).toEqual([1, '0', '0']);
  });

  it('names the amount last: a line with only a bad amount is rejected for its amount', () => {
    const r = measureOnlineRates([{ ...base, amount: '1,0' } as never], jiangsu);
    expect(r.ledger.rejected.reasons[0]).toMatchObject({ field: 'amount', value: '1,0' });
  });
});

describe('strict mode', () => {
  const strict = { ...jiangsu, strict: true } as const;
  it('throws an invalid-value issue with the field path', () => {
    const e = catchError(() => measureOnlineRates([line({ institutionId: 'A', amount: '1' }), line({ institutionId: 'A', amount: '1', channel: 'phone' as never })], strict));
    expect(e.issues).toEqual([{ code: 'invalid-value', path: 'lines[1].channel', value: 'phone', expected: 'one of "platform", "emergency", "offline"' }]);
    expect(e.message).toBe('measureOnlineRates: lines[1].channel expected one of "platform", "emergency", "offline", got "phone"');
  });
  it('throws an unknown-id issue for an unknown institution', () => {
    const e = catchError(() => measureOnlineRates([line({ institutionId: 'Z', amount: '1' })], strict));
    expect(e.issues).toEqual([{ code: 'unknown-id', path: 'lines[0].institutionId', value: 'Z', expected: 'the id of one of options.institutions' }]);
  });
  it('names the line itself when it is not an object', () => {
    const e = catchError(() => createRateAccumulator({ ...strict, firstIndex: 40 }).add(null as never));
    expect(e.issues).toEqual([{ code: 'invalid-value', path: 'lines[40]', value: null, expected: 'a purchase line object' }]);
    expect(e.fn).toBe('createRateAccumulator');
  });
});

describe('blank insurance codes (jiangsu-2022 annex 1 §2: only lines with a national code count)', () => {
  // String.prototype.trim's white space: ASCII space and controls, NBSP, OGHAM SPACE MARK, U+2000–U+200A, U+3000, BOM…
  const blank = ['', ' ', '\t', '\n', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u3000', '\ufeff', ' \u3000 '];
  it.each(blank)('treats %j as no code', (insuranceCode) => {
    const r = measureOnlineRates([line({ institutionId: 'A', amount: '3', insuranceCode })], jiangsu);
    expect(measure(r, 'drug').excluded).toEqual({ 'missing-insurance-code': { lines: 1, amount: expect.objectContaining({}) } });
    expect(r.ledger.excluded.byReason['missing-insurance-code'].amount.toFixed()).toBe('3');
  });
  const codes = ['X', ' X', '\u00a0X', '\u3000X', 'X ', '\u200b', '0'];
  it.each(codes)('treats %j as a code', (insuranceCode) => {
    const r = measureOnlineRates([line({ institutionId: 'A', amount: '3', insuranceCode })], jiangsu);
    expect(measure(r, 'drug').lines).toBe(1);
    expect(measure(r, 'drug').excluded).toEqual({});
  });
  it('treats null and an absent code as no code', () => {
    const noCode = { institutionId: 'A', receivedOn: '2024-01-15', category: 'drug', channel: 'platform', amount: '3' } as PurchaseLineInput;
    const r = measureOnlineRates([noCode, { ...noCode, insuranceCode: null as never }], jiangsu);
    expect(r.ledger.excluded.byReason['missing-insurance-code'].lines).toBe(2);
  });
});

describe('exact sums where the fen fast path meets the bigint carry and the Decimal path', () => {
  const TWO52 = '45035996273704.96'; // 2^52 fen = 4503599627370496 fen
  it('carries platform and total sums past 2^53 fen exactly', () => {
    // three lines of 2^52 fen and one of 1 fen: 3 × 45035996273704.96 + 0.01 = 135107988821114.89, beyond float64's integers
    const lines = [TWO52, TWO52, TWO52, '0.01'].map((amount) => line({ institutionId: 'A', amount }));
    const m = measure(measureOnlineRates(lines, jiangsu), 'drug');
    expect(money(m)).toEqual(['135107988821114.89', '135107988821114.89', '0', 4]);
    expect(m.rate?.toFixed()).toBe('1');
  });
  it('carries negative sums (returns) the same way', () => {
    const lines = [`-${TWO52}`, `-${TWO52}`, `-${TWO52}`, '-0.01'].map((amount) => line({ institutionId: 'A', amount, channel: 'offline' }));
    const m = measure(measureOnlineRates(lines, jiangsu), 'drug');
    expect(money(m)).toEqual(['0', '-135107988821114.89', '0', 4]);
    expect(m.status).toBe('inconsistent');
  });
  it('carries emergency sums and excluded sums', () => {
    const lines = [
      ...[TWO52, TWO52, TWO52].map((amount) => line({ institutionId: 'A', amount, channel: 'emergency' })),
      ...[TWO52, TWO52, TWO52].map((amount) => line({ institutionId: 'A', amount, kind: 'narcotic' })),
    ];
    const r = measureOnlineRates(lines, jiangsu);
    const m = measure(r, 'drug');
    // emergency: 3 × 45035996273704.96 = 135107988821114.88, also the total; the narcotic lines are excluded (annex 1 §2)
    expect(money(m)).toEqual(['0', '135107988821114.88', '135107988821114.88', 3]);
    expect(m.excluded['excluded-kind']?.amount.toFixed()).toBe('135107988821114.88');
    expect(r.ledger.input.amount.toFixed()).toBe('270215977642229.76');
    expect(r.ledger.balanced).toBe(true);
  });
  it('adds amounts of more than two decimals to the right measure and channel', () => {
    const lines = [
      line({ institutionId: 'A', amount: '0.001', channel: 'platform' }),
      line({ institutionId: 'A', amount: '0.002', channel: 'emergency' }),
      line({ institutionId: 'A', amount: '0.004', channel: 'offline' }),
      line({ institutionId: 'A', amount: '1.10', channel: 'emergency' }),
    ];
    // platform 0.001; emergency 0.002 + 1.10 = 1.102; total 0.001 + 0.002 + 0.004 + 1.10 = 1.107
    expect(money(measure(measureOnlineRates(lines, jiangsu), 'drug'))).toEqual(['0.001', '1.107', '1.102', 4]);
  });
  it('keeps an out-of-scope line of more than two decimals in the ledger', () => {
    const P = inst('P', 'tertiary', 'private');
    const r = measureOnlineRates([line({ institutionId: 'P', amount: '0.001' }), line({ institutionId: 'P', amount: '2' })], { policy: 'jiangsu-2022', institutions: [A, P] });
    // jiangsu-2022 §1(1): private institutions are out of scope; 0.001 + 2 = 2.001
    expect(r.ledger.excluded.byReason['institution-out-of-scope']).toEqual({ lines: 2, amount: expect.anything() });
    expect(r.ledger.excluded.byReason['institution-out-of-scope'].amount.toFixed()).toBe('2.001');
  });
  it('merges accumulators whose sums were both carried', () => {
    const make = () => createRateAccumulator(jiangsu).addAll([TWO52, TWO52, TWO52].map((amount) => line({ institutionId: 'A', amount })));
    const merged = make().merge(make());
    // 6 × 45035996273704.96 = 270215977642229.76
    expect(money(measure(merged.result(), 'drug'))).toEqual(['270215977642229.76', '270215977642229.76', '0', 6]);
    const viaJson = rateAccumulatorFromJSON(JSON.parse(JSON.stringify(make()))).merge(make());
    expect(money(measure(viaJson.result(), 'drug'))).toEqual(['270215977642229.76', '270215977642229.76', '0', 6]);
  });
});

describe('measures and ledger of high-value consumables (ganzhou-2023 annex 1)', () => {
  const options = { policy: 'ganzhou-2023', institutions: [A], period: { from: '2024-01-01', to: '2024-12-31' } } as const;
  it('counts an excluded high-value line once in the ledger, though it sits in two measures', () => {
    const r = measureOnlineRates([line({ institutionId: 'A', amount: '9', category: 'consumable', highValue: true, receivedOn: '2025-01-02' })], options);
    expect(measure(r, 'consumable').excluded['outside-period']?.lines).toBe(1);
    expect(measure(r, 'consumable-high-value').excluded['outside-period']?.lines).toBe(1);
    expect(r.ledger.excluded.byReason['outside-period']).toMatchObject({ lines: 1 });
    expect(r.ledger.excluded.amount.toFixed()).toBe('9');
    expect(r.ledger.included.lines).toBe(0);
  });
  it('lists no exclusion reason that no line had', () => {
    const r = measureOnlineRates([line({ institutionId: 'A', amount: '9' })], options);
    for (const m of r.measures) expect(m.excluded).toEqual({});
  });
  it('puts a high-value line in both consumable measures and an ordinary one in the consumable measure only', () => {
    const r = measureOnlineRates(
      [line({ institutionId: 'A', amount: '10', category: 'consumable', highValue: true }), line({ institutionId: 'A', amount: '4', category: 'consumable', highValue: false, channel: 'offline' })],
      options,
    );
    // consumable: platform 10 of 10 + 4 = 14; high-value: 10 of 10; drug: nothing
    expect(money(measure(r, 'consumable'))).toEqual(['10', '14', '0', 2]);
    expect(money(measure(r, 'consumable-high-value'))).toEqual(['10', '10', '0', 1]);
    expect(money(measure(r, 'drug'))).toEqual(['0', '0', '0', 0]);
    // the ledger counts each line once: 2 included lines, 14 yuan
    expect([r.ledger.included.lines, r.ledger.included.amount.toFixed()]).toEqual([2, '14']);
  });
});

describe('the result and the JSON state are copies', () => {
  it('does not change an earlier result or JSON state when lines are added later', () => {
    const acc = createRateAccumulator(jiangsu).add({ bad: true } as never);
    const before = acc.result();
    const json = acc.toJSON();
    acc.add({ worse: true } as never);
    expect(before.ledger.rejected.reasons).toHaveLength(1);
    expect(json.rejected.reasons).toHaveLength(1);
    expect(acc.result().ledger.rejected.reasons).toHaveLength(2);
  });
  it('writes no measures for out-of-scope institutions and no zero exclusion entries', () => {
    const P = inst('P', 'tertiary', 'private');
    const acc = createRateAccumulator({ policy: 'jiangsu-2022', institutions: [A, P], period: { from: '2024-01-01', to: '2024-12-31' } });
    acc.add(line({ institutionId: 'A', amount: '2', receivedOn: '2023-12-31' }));
    const json = acc.toJSON();
    expect(Object.keys(json.measures)).toEqual(['A']);
    // one drug line outside the period: [platform, total, emergency, lines, excluded]
    expect(json.measures.A).toEqual({ drug: ['0', '0', '0', 0, { 'outside-period': [1, '2'] }], consumable: ['0', '0', '0', 0, {}] });
    expect(json.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(json.seen).toBe(1);
  });
});

describe('merge compatibility', () => {
  const base = { policy: 'jiangsu-2022', institutions: [A, inst('B', 'secondary')], period: { from: '2024-01-01', to: '2024-12-31' } } as const;
  it('merges accumulators whose institutions were written with keys in another order', () => {
    const reordered = { ...base, institutions: [{ ownership: 'public', level: 'tertiary', region: {}, id: 'A' }, { region: {}, id: 'B', ownership: 'public', level: 'secondary' }] } as const;
    expect(() => createRateAccumulator(base).merge(createRateAccumulator(reordered))).not.toThrow();
  });
  it('refuses accumulators of another period, other institutions or another level', () => {
    const a = createRateAccumulator(base);
    expect(() => a.merge(createRateAccumulator({ ...base, period: { from: '2024-01-01', to: '2024-06-30' } }))).toThrow(SunshineInputError);
    expect(() => a.merge(createRateAccumulator({ ...base, period: undefined }))).toThrow(SunshineInputError);
    expect(() => a.merge(createRateAccumulator({ ...base, institutions: [A] }))).toThrow(SunshineInputError);
    expect(() => a.merge(createRateAccumulator({ ...base, institutions: [A, inst('B', 'tertiary')] }))).toThrow(SunshineInputError);
    expect(() => a.merge(createRateAccumulator({ ...base, institutions: [A, inst('C', 'secondary')] }))).toThrow(SunshineInputError);
    expect(() => a.merge({} as never)).toThrow('merge: other expected an accumulator from createRateAccumulator or rateAccumulatorFromJSON');
    expect(() => a.merge(a)).toThrow('merge: other expected another accumulator (merging one into itself would count its lines twice), got "the same accumulator"');
  });
});

describe('a JSON state that is not one', () => {
  const good = () =>
    JSON.parse(
      JSON.stringify(
        createRateAccumulator({ policy: 'jiangsu-2022', institutions: [A] }).addAll([line({ institutionId: 'A', amount: '2', kind: 'narcotic' }), line({ institutionId: 'A', amount: '1' }), { bad: 1 } as never]),
      ),
    ) as Record<string, any>;

  const cases: [string, (j: Record<string, any>) => void, string][] = [
    ['seen negative', (j) => (j.seen = -1), 'json.seen expected a line count, got -1'],
    ['seen fractional', (j) => (j.seen = 1.5), 'json.seen expected a line count, got 1.5'],
    ['seen as text', (j) => (j.seen = '3'), 'json.seen expected a line count, got "3"'],
    ['input not exact', (j) => (j.input = '1e3'), 'json.input expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got "1e3"'],
    ['input a number', (j) => (j.input = 3), 'json.input expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got 3'],
    ['no excluded', (j) => delete j.excluded, 'json.excluded.institution-out-of-scope[0] expected a line count, got undefined'],
    ['out-of-scope lines', (j) => (j.excluded['institution-out-of-scope'][0] = null), 'json.excluded.institution-out-of-scope[0] expected a line count, got null'],
    ['out-of-scope amount', (j) => (j.excluded['institution-out-of-scope'][1] = 'x'), 'json.excluded.institution-out-of-scope[1] expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got "x"'],
    ['no rejected', (j) => delete j.rejected, 'json.rejected.lines expected a line count, got undefined'],
    ['rejected amount', (j) => (j.rejected.amount = ''), 'json.rejected.amount expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got ""'],
    ['rejected reasons', (j) => (j.rejected.reasons = 'none'), 'json.rejected.reasons expected an array, got "none"'],
    ['no measures', (j) => delete j.measures, 'json.measures.A expected the measures of an in-scope institution, got undefined'],
    ['a short row', (j) => j.measures.A.drug.pop(), 'json.measures.A.drug expected [platform, total, emergency, lines, excluded]'],
    ['a row that is not an array', (j) => (j.measures.A.consumable = {}), 'json.measures.A.consumable expected [platform, total, emergency, lines, excluded], got {}'],
    ['platform', (j) => (j.measures.A.drug[0] = 'x'), 'json.measures.A.drug[0] expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got "x"'],
    ['total', (j) => (j.measures.A.drug[1] = 'x'), 'json.measures.A.drug[1] expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got "x"'],
    ['emergency', (j) => (j.measures.A.drug[2] = 'x'), 'json.measures.A.drug[2] expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got "x"'],
    ['lines', (j) => (j.measures.A.drug[3] = -2), 'json.measures.A.drug[3] expected a line count, got -2'],
    ['excluded lines', (j) => (j.measures.A.drug[4]['excluded-kind'][0] = 'one'), 'json.measures.A.drug[4].excluded-kind[0] expected a line count, got "one"'],
    ['excluded amount', (j) => (j.measures.A.drug[4]['excluded-kind'][1] = 2), 'json.measures.A.drug[4].excluded-kind[1] expected an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it, got 2'],
  ];
  it.each(cases)('refuses %s, naming the field', (_, tamper, message) => {
    const j = good();
    tamper(j);
    expect(() => rateAccumulatorFromJSON(j)).toThrow(message);
  });

  it('restores a good state exactly', () => {
    const r = rateAccumulatorFromJSON(good()).result();
    // 2 (narcotic, excluded) + 1 (included) + a rejected line without amount (an object without institutionId)
    expect([r.ledger.input.lines, r.ledger.input.amount.toFixed(), r.ledger.excluded.amount.toFixed(), r.ledger.rejected.lines, r.ledger.balanced]).toEqual([3, '3', '2', 1, true]);
    expect(measure(r, 'drug').excluded['excluded-kind']?.lines).toBe(1);
    expect(r.ledger.rejected.reasons).toEqual([{ index: 2, reason: 'invalid', field: 'institutionId', value: undefined, expected: 'a non-empty institution id' }]);
  });

  it('shows a well-formed but inconsistent state as an unbalanced ledger', () => {
    const j = good();
    j.seen = 5; // 5 lines seen, but 3 accounted for
    expect(rateAccumulatorFromJSON(j).result().ledger.balanced).toBe(false);
    const k = good();
    k.input = '4'; // 4 yuan in, 3 accounted for
    expect(rateAccumulatorFromJSON(k).result().ledger.balanced).toBe(false);
  });
});

describe('options', () => {
  it('refuses options that are not an object', () => {
    for (const bad of [undefined, null, 'jiangsu-2022']) {
      expect(() => createRateAccumulator(bad as never)).toThrow('createRateAccumulator: options expected an options object { policy, institutions, period? }');
      expect(() => measureOnlineRates([], bad as never)).toThrow(SunshineInputError);
    }
  });
  it('names the duplicate institution', () => {
    expect(() => createRateAccumulator({ policy: 'jiangsu-2022', institutions: [A, inst('B', 'primary'), A] })).toThrow('createRateAccumulator: options.institutions[2].id expected each institution id once, got "A"');
  });
});

describe('the period of effect (policy lifecycle: hunan-2023 closing paragraph, jiangsu-2022 date of issue)', () => {
  const H = [inst('H', 'tertiary')];
  const run = (policy: PolicyId, from: string, to: string) => measureOnlineRates([], { policy, institutions: H, period: { from, to } }).warnings;
  it('says nothing for a period inside it, both ends included', () => {
    // hunan-2023: 2023-11-01 to 2028-10-31
    expect(run('hunan-2023', '2023-11-01', '2028-10-31')).toEqual([]);
    // jiangsu-2022 names no end
    expect(run('jiangsu-2022', '2022-06-02', '2099-12-31')).toEqual([]);
  });
  it('warns for a period that starts before or ends after it, with the dates and the clause', () => {
    expect(run('hunan-2023', '2023-10-31', '2023-12-31')).toEqual([
      {
        code: 'policy-not-in-force',
        message: '统计期间 2023-10-31 至 2023-12-31 超出 hunan-2023 的施行期间（2023-11-01 – 2028-10-31，closing paragraph (自2023年11月1日起施行，有效期5年)） / the period reaches outside the policy\'s period of effect (2023-11-01 – 2028-10-31)',
      },
    ]);
    expect(run('hunan-2023', '2028-01-01', '2028-11-01').map((w) => w.code)).toEqual(['policy-not-in-force']);
    expect(run('jiangsu-2022', '2022-06-01', '2022-12-31')[0]?.message).toBe(
      '统计期间 2022-06-01 至 2022-12-31 超出 jiangsu-2022 的施行期间（2022-06-02 – …，date of issue (印发 2022年6月2日; no end named)） / the period reaches outside the policy\'s period of effect (2022-06-02 – …)',
    );
    // without a period there is nothing to compare
    expect(measureOnlineRates([], { policy: 'hunan-2023', institutions: H }).warnings).toEqual([]);
  });
});
