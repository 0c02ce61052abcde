/**
 * Issue 20: for arbitrary rows (random and known headers, values of every type and in the forms
 * exports write, prototype-like keys), each adapter accounts for every row (rows in = lines +
 * excluded + rejected), throws nothing but SunshineInputError, and emits only lines that
 * measureOnlineRates takes without a rejection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, fromCsvRows, fromCsvRowsInChunks, fromNhsaRecords, measureOnlineRates, PRODUCT_KINDS, SunshineInputError, type AdapterResult, type NhsaPurchaseRecord } from '../../src/index';

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const digit = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const shortDigit = fc.integer({ min: 0, max: 99 }).map(String);
/** Dates and times as exports write them, often valid, sometimes out of range in any part. */
const dateText = fc.oneof(
  fc.tuple(fc.integer({ min: 1890, max: 2030 }), digit, digit).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(fc.integer({ min: 2023, max: 2024 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 2023, max: 2024 }), shortDigit, shortDigit, fc.constantFrom('/', '.', '-')).map(([y, m, d, s]) => `${y}${s}${m}${s}${d}`),
  fc.tuple(fc.integer({ min: 2023, max: 2024 }), shortDigit, shortDigit).map(([y, m, d]) => `${y}年${m}月${d}日`),
  fc
    .tuple(fc.integer({ min: 2023, max: 2024 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom(' ', 'T', '  '), shortDigit, digit, fc.option(digit), fc.option(fc.constantFrom('.000', '.5', 'Z', '+08:00')))
    .map(([y, m, d, sep, h, mi, s, tail]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${h}:${mi}${s === null ? '' : `:${s}`}${tail ?? ''}`),
);
/** Amounts as exports write them, and what is not one. */
const amountText = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n / 100).toFixed(2)),
  fc.stringMatching(/^-?\d{1,35}(\.\d{1,35})?$/),
  fc.constantFrom('1,234.50', '(1,234.00)', '¥12', '１２３．４５', '12.5万元', '3万', '1e5', '', ' 7 ', '0', '-0', '00120.500', '+5', '.5', '5.', 'NaN', '12,3'),
);
const anyValue = fc.oneof(
  fc.string(),
  fc.constantFrom('药品', '医用耗材', 'drug', 'consumable', '器械', '省平台', '线下', '应急', 'mail', '是', '否', 'yes', '高值', '中药饮片', '体外诊断试剂', 'ivd-reagent', '__proto__', 'constructor', 'toString', 'H1', 'H2', ''),
  dateText,
  amountText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(null, undefined, {}, [], ['a'], { toString: () => 'x' }),
);
const header = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.keys(CSV_HEADERS)) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(CSV_HEADERS)).map((h) => ` ${h} `) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, '备注', 'note') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
/** A row: mostly the columns a file has, with values that are sometimes right; keys set as own properties (even __proto__). */
const row = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(header, fc.oneof({ weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: fc.oneof(dateText, amountText) })), { maxLength: 10 }) },
  {
    weight: 8,
    arbitrary: fc
      .record({
        医疗机构编码: fc.constantFrom('H1', 'H2', '', ' H3 '),
        入库日期: dateText,
        类别: fc.constantFrom('药品', '医用耗材', '耗材', 'drug'),
        品种: fc.constantFrom('', '中药饮片', '体外诊断试剂', '配方颗粒'),
        高值: fc.constantFrom('是', '否', '', 'Y'),
        医保代码: fc.constantFrom('XA01', '', 'C0101'),
        采购渠道: fc.constantFrom('省平台', '线下', '应急'),
        金额: amountText,
        '金额（万元）': fc.option(amountText, { nil: undefined }),
      })
      .map((r) => Object.entries(r).filter(([, v]) => v !== undefined)),
  },
).map((cells) => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of cells) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  return o;
});
const rows = fc.array(fc.oneof({ weight: 20, arbitrary: row }, { weight: 1, arbitrary: anyValue }), { maxLength: 25 });

/** The institutions the emitted lines name, so that no line is rejected as unknown. */
function check(result: AdapterResult, count: number): void {
  expect(result.lines.length + result.excluded.length + result.rejected.length).toBe(count);
  const places = [...result.lines, ...result.excluded, ...result.rejected];
  expect(places.map((p) => p.index).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
  // a table's rows also carry their file row (header = row 1); records do not
  for (const p of places) if (p.row !== undefined) expect(p.row).toBe(p.index + 2);
  const ids = [...new Set(result.lines.map((l) => l.institutionId))];
  const { ledger } = measureOnlineRates(result.lines, { policy: 'jiangsu-2022', institutions: ids.map((id) => ({ id, level: 'secondary', ownership: 'public' })) });
  expect(ledger.rejected.reasons).toEqual([]);
  expect(ledger.input.lines).toBe(result.lines.length);
}

describe('adapters on arbitrary input (issue 20)', () => {
  it('fromCsvRows: every row accounted for, only its own error, every line taken by measureOnlineRates', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom(undefined, 'wan-yuan' as const), fc.boolean(), (input, unit, strict) => {
        let result: AdapterResult;
        try {
          result = fromCsvRows(input as never, { unit, strict, ignoreColumns: ['备注'] });
        } catch (e) {
          expect(e).toBeInstanceOf(SunshineInputError);
          expect(strict).toBe(true);
          return;
        }
        check(result, input.length);
        if (strict) expect(result.rejected).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('fromCsvRowsInChunks gives what fromCsvRows gives, chunk by chunk, with the same row numbers', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 7 }), (input, chunkSize) => {
        const whole = fromCsvRows(input as never);
        const chunks = [...fromCsvRowsInChunks(input as never, { chunkSize })];
        expect(chunks.length).toBe(Math.ceil(input.length / chunkSize));
        expect({ lines: chunks.flatMap((c) => c.lines), excluded: [], rejected: chunks.flatMap((c) => c.rejected) }).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  const code = fc.oneof(fc.constantFrom('XA01', 'Z01', 'T001', 'C0101', 'x1', 'c2', 'Q9', '', '  ', '__proto__'), fc.string({ maxLength: 4 }));
  const number = fc.oneof(amountText, fc.double(), fc.integer({ min: 0, max: 1e6 }), fc.stringMatching(/^\d{1,16}(\.\d{1,20})?$/));
  const record = fc
    .record(
      {
        med_list_codg: fc.oneof(code, anyValue),
        finl_trns_pric: number,
        purc_retn_cnt: number,
        purc_retn_stoin_time: fc.oneof(dateText, anyValue),
        prod_geay_flag: fc.constantFrom('0', '1', 1, 0, undefined, 'x'),
      },
      { requiredKeys: [] },
    )
    .map((r) => r as NhsaPurchaseRecord);
  const records = fc.array(fc.oneof({ weight: 20, arbitrary: record }, { weight: 1, arbitrary: anyValue }), { maxLength: 25 });
  /** A rule that answers from the record's row: sometimes right, sometimes anything. */
  const answer = <T,>(good: fc.Arbitrary<T>) => fc.array(fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyValue }), { minLength: 1, maxLength: 5 }).map((xs) => (_: unknown, index: number) => xs[index % xs.length]);

  it('fromNhsaRecords: every record accounted for, the rules’ answers checked, every line taken by measureOnlineRates', () => {
    fc.assert(
      fc.property(
        records,
        fc.constantFrom('3503' as const, '3504' as const),
        answer(fc.constantFrom('platform', 'emergency', 'offline')),
        fc.option(answer(fc.oneof(fc.constantFrom('drug', 'consumable'), fc.record({ category: fc.constantFrom('drug', 'consumable'), kind: fc.constantFrom(...Object.keys(PRODUCT_KINDS), undefined, 'food') })))),
        fc.option(answer(fc.boolean())),
        fc.oneof(fc.constant<string | ((r: unknown, index: number) => unknown)>('H1'), answer(fc.constantFrom('H1', 'H2'))),
        fc.constantFrom(undefined, 'include' as const),
        fc.boolean(),
        (input, iface, channel, category, highValue, institutionId, gifts, strict) => {
          let result: AdapterResult;
          try {
            result = fromNhsaRecords(input as never, { interface: iface, channel, category: category ?? undefined, highValue: highValue ?? undefined, institutionId, gifts, strict } as never);
          } catch (e) {
            expect(e).toBeInstanceOf(SunshineInputError);
            expect(strict).toBe(true);
            return;
          }
          check(result, input.length);
          for (const x of result.excluded) expect(x.reason).toBe('gift');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
