/**
 * Edges of the small rate functions: status warnings with their wording (DESIGN.md "Status
 * 'inconsistent'"), formatRate's digits, the zod line schema's messages, what counts as lines,
 * and a JSON state that is not one.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { createRateAccumulator, formatRate, measureOnlineRates, onlinePurchaseRate, PurchaseLineSchema, rateAccumulatorFromJSON, SunshineInputError } from '../../src/index';
import { inst, line } from '../_helpers/lines';

describe('onlinePurchaseRate warnings (jiangsu-2022 annex 1 §1(1))', () => {
  it('warns about a negative emergency amount, with the amount', () => {
    const r = onlinePurchaseRate({ platformAmount: '10', totalAmount: '20', emergencyAmount: '-0.5' });
    expect(r.status).toBe('inconsistent');
    expect(r.rate).toBeNull();
    expect(r.warnings).toEqual([{ code: 'negative-emergency', message: '应急采购金额为负（-0.5） / the emergency amount is negative' }]);
  });
  it('accepts an emergency amount of zero, and of minus zero', () => {
    // 10 / 20 = 0.5
    expect(onlinePurchaseRate({ platformAmount: '10', totalAmount: '20', emergencyAmount: '0' }).rate?.toFixed()).toBe('0.5');
    expect(onlinePurchaseRate({ platformAmount: '10', totalAmount: '20', emergencyAmount: '-0' }).warnings).toEqual([]);
  });
  it('warns about a negative platform amount and about parts that exceed the total', () => {
    expect(onlinePurchaseRate({ platformAmount: '-1', totalAmount: '5' }).warnings).toEqual([
      { code: 'negative-platform', message: '省平台采购金额为负（-1）：退货大于采购 / the platform amount is negative: returns exceed purchases' },
    ]);
    // 4 + 2 = 6 > 5
    expect(onlinePurchaseRate({ platformAmount: '4', totalAmount: '5', emergencyAmount: '2' }).warnings).toEqual([
      { code: 'parts-exceed-total', message: '省平台与应急采购金额之和大于总金额（5） / platform + emergency exceeds the total' },
    ]);
    // 4 + 1 = 5, not more than 5: consistent, 4 / 5 = 0.8
    expect(onlinePurchaseRate({ platformAmount: '4', totalAmount: '5', emergencyAmount: '1' }).rate?.toFixed()).toBe('0.8');
  });
  it('warns about a negative total and a platform amount above the total', () => {
    expect(onlinePurchaseRate({ platformAmount: '3', totalAmount: '-2' }).warnings).toEqual([
      { code: 'negative-total', message: '总金额为负（-2）：退货大于采购 / the total is negative: returns exceed purchases' },
      { code: 'platform-exceeds-total', message: '省平台采购金额（3）大于总金额（-2） / the platform amount exceeds the total' },
    ]);
  });
});

describe('formatRate digits', () => {
  it('accepts 0 and 20 digits and refuses 21, −1 and 1.5', () => {
    expect(formatRate('0.85', { digits: 0 })).toBe('85%');
    // 0.333333333333333333333333 (24 threes) × 100, to 20 digits: 33.33333333333333333333%
    expect(formatRate('0.333333333333333333333333', { digits: 20 })).toBe('33.33333333333333333333%');
    for (const digits of [21, -1, 1.5]) {
      expect(() => formatRate('0.85', { digits })).toThrow(`formatRate: options.digits expected an integer from 0 to 20, got ${digits}`);
    }
  });
  it('reads a rate given as text or number, and refuses a non-finite Decimal', () => {
    expect(formatRate('0.8')).toBe('80.00%');
    expect(formatRate(0.125, { digits: 1 })).toBe('12.5%');
    expect(() => formatRate(new Decimal(Number.NaN))).toThrow('formatRate: rate expected a finite decimal fraction such as "0.85", or null, got NaN');
    expect(() => formatRate(new Decimal(Infinity))).toThrow(SunshineInputError);
  });
});

describe('PurchaseLineSchema messages', () => {
  const good = { institutionId: 'H01', receivedOn: '2024-03-05', category: 'drug', channel: 'platform', amount: '1' };
  const messageOf = (patch: Record<string, unknown>) => {
    const r = PurchaseLineSchema.safeParse({ ...good, ...patch });
    if (r.success) throw new Error('expected a failure');
    return r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };
  it('names each field and what was expected', () => {
    expect(messageOf({ institutionId: '' })).toEqual([['institutionId', 'expected a non-empty institution id']]);
    expect(messageOf({ receivedOn: '2024-02-30' })).toEqual([['receivedOn', 'expected a real civil date "YYYY-MM-DD"']]);
    expect(messageOf({ kind: 'ivd-reagent' })).toEqual([['kind', 'expected a drug kind']]);
    expect(messageOf({ category: 'consumable', kind: 'narcotic' })).toEqual([['kind', 'expected a consumable kind']]);
    expect(messageOf({ highValue: true })).toEqual([['highValue', 'expected highValue only on consumables']]);
  });
});

describe('what counts as the lines', () => {
  const options = { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] } as const;
  it('accepts arrays, sets and generators alike', () => {
    const lines = [line({ institutionId: 'A', amount: '1' }), line({ institutionId: 'A', amount: '3', channel: 'offline' })];
    function* gen() {
      yield* lines;
    }
    // 1 of 1 + 3 = 0.25 whichever the container
    for (const input of [lines, new Set(lines), gen()]) {
      expect(measureOnlineRates(input, options).measures[0]?.rate?.toFixed()).toBe('0.25');
    }
    expect(createRateAccumulator(options).addAll(new Set(lines)).lines).toBe(2);
  });
  it('keeps each line of a long iterable at its index (it is read in chunks of 1,024)', () => {
    const bad = new Set([0, 1023, 1024, 2499]); // the first and last of a chunk, of the next, of the whole
    function* gen() {
      for (let i = 0; i < 2500; i++) yield bad.has(i) ? line({ institutionId: 'A', amount: '2', channel: 'phone' as never }) : line({ institutionId: 'A', amount: '1' });
    }
    const { ledger, measures } = measureOnlineRates(gen(), options);
    expect(ledger.rejected.reasons.map((r) => r.index)).toEqual([0, 1023, 1024, 2499]);
    // 2,496 good lines of 1 yuan, all on the platform; 4 rejected of 2 yuan: 2,496 + 8 = 2,504 in all
    expect([ledger.input.lines, ledger.input.amount.toFixed(), ledger.rejected.amount.toFixed(), ledger.balanced]).toEqual([2500, '2504', '8', true]);
    expect([measures[0]?.lines, measures[0]?.totalAmount.toFixed(), measures[0]?.rate?.toFixed()]).toEqual([2496, '2496', '1']);
    // strict: the first bad line past the first chunk is the one named
    function* late() {
      for (let i = 0; i < 1500; i++) yield i === 1200 ? line({ institutionId: 'A', amount: '1', channel: 'phone' as never }) : line({ institutionId: 'A', amount: '1' });
    }
    expect(() => measureOnlineRates(late(), { ...options, strict: true })).toThrow('lines[1200].channel');
  });
  it('classifies a stream as it reads it, a chunk at a time, not at its end', () => {
    const acc = createRateAccumulator(options);
    const seenAt: number[] = [];
    function* gen() {
      for (let i = 0; i < 3000; i++) {
        // before line i is read, the whole chunks before it have been classified
        if (i === 1023 || i === 1024 || i === 2048) seenAt.push(acc.lines);
        yield line({ institutionId: 'A', amount: '1' });
      }
    }
    acc.addAll(gen());
    expect(seenAt).toEqual([0, 1024, 2048]);
    expect(acc.lines).toBe(3000);
  });
  it('counts a line that threw in strict mode, so that the next keeps its index', () => {
    const acc = createRateAccumulator({ ...options, strict: true });
    acc.add(line({ institutionId: 'A', amount: '1' }));
    expect(() => acc.add(null as never)).toThrow('lines[1]');
    expect(() => acc.add(null as never)).toThrow('lines[2]');
    // in an array, the lines after the one that threw are not begun: the next index is 5, not 6
    expect(() => acc.addAll([line({ institutionId: 'A', amount: '1' }), null as never, line({ institutionId: 'A', amount: '1' })])).toThrow('lines[4]');
    expect(() => acc.add(null as never)).toThrow('lines[5]');
  });
  it('refuses a string, a plain object, null and a number', () => {
    for (const bad of ['A,1', { length: 1, 0: {} }, null, 3]) {
      expect(() => measureOnlineRates(bad as never, options)).toThrow('measureOnlineRates: lines expected an array (or iterable) of purchase lines');
      expect(() => createRateAccumulator(options).addAll(bad as never)).toThrow('addAll: lines expected an array (or iterable) of purchase lines');
    }
  });
});

describe('rateAccumulatorFromJSON on what is not a state', () => {
  const state = () => JSON.parse(JSON.stringify(createRateAccumulator({ policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] }))) as Record<string, unknown>;
  it('refuses another format, another version, null and text', () => {
    const message = 'rateAccumulatorFromJSON: json expected the JSON state of a rate accumulator (format "sunshine-procurement/rate-accumulator", version 1)';
    for (const bad of [{ ...state(), format: 'other' }, { ...state(), version: 2 }, { ...state(), version: '1' }, null, 'state', 1]) {
      expect(() => rateAccumulatorFromJSON(bad)).toThrow(message);
    }
    expect(rateAccumulatorFromJSON(state()).lines).toBe(0);
  });
  it('checks the policy and institutions of the state like options', () => {
    expect(() => rateAccumulatorFromJSON({ ...state(), policy: 'jiangsu-2099' })).toThrow(SunshineInputError);
    expect(() => rateAccumulatorFromJSON({ ...state(), institutions: [{ id: 'A' }] })).toThrow('rateAccumulatorFromJSON: options.institutions');
  });
});
