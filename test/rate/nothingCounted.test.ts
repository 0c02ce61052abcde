import { describe, expect, it } from 'vitest';
import { createRateAccumulator, measureOnlineRates, rateAccumulatorFromJSON, ratesFromSQL, type PurchaseLineInput } from '../../src/index';
import { inst, line } from '../_helpers/lines';

/**
 * A run in which no line counts says so in `warnings` (issue 25), with the most common reason and
 * the dates the lines carried: before, every measure was "no-purchases", `warnings` was empty, and
 * only the ledger told.
 */
const institutions = [inst('H', 'tertiary')];
const options = { policy: 'jiangsu-2022', institutions } as const;
const Q4_2026 = { from: '2026-10-01', to: '2026-12-31' };
const codes = (w: readonly { code: string }[]) => w.map((x) => x.code);

describe('warnings when nothing counts', () => {
  it('says when every line is rejected: the most common reason with an example, and the dates seen', () => {
    // dates written 2024/01/05 (2 lines) and an unknown institution (1 line, dated 2024-01-05): all 3 rejected
    const lines = [line({ institutionId: 'H', amount: '1', receivedOn: '2024/01/05' }), line({ institutionId: 'H', amount: '2', receivedOn: '2024/01/06' }), line({ institutionId: 'Z', amount: '3' })];
    const { warnings, measures } = measureOnlineRates(lines, options);
    expect(measures.map((m) => m.status)).toEqual(['no-purchases', 'no-purchases']);
    expect(warnings).toEqual([
      {
        code: 'all-lines-rejected',
        // 2 bad dates against 1 unknown institution; the only real date seen is that line's (the line helper's 2024-01-15)
        message:
          '3 行中没有一行计入网采率（拒收 3 行，剔除 0 行）；最常见的原因：入库日期无效，2 行，例如 lines[0].receivedOn "2024/01/05"；所见入库日期 2024-01-15 至 2024-01-15 / ' +
          'none of 3 lines counts (3 rejected, 0 excluded); the most common reason: invalid:receivedOn, 2 lines, e.g. lines[0].receivedOn "2024/01/05", expected a real civil date "YYYY-MM-DD"; the dates seen run from 2024-01-15 to 2024-01-15',
      },
    ]);
  });

  it('leaves out the dates when no line had a readable one', () => {
    const { warnings } = measureOnlineRates([line({ institutionId: 'H', amount: '1', receivedOn: '05/01/2024' })], options);
    expect(warnings[0]!.message).toBe(
      '1 行中没有一行计入网采率（拒收 1 行，剔除 0 行）；最常见的原因：入库日期无效，1 行，例如 lines[0].receivedOn "05/01/2024" / none of 1 line counts (1 rejected, 0 excluded); the most common reason: invalid:receivedOn, 1 line, e.g. lines[0].receivedOn "05/01/2024", expected a real civil date "YYYY-MM-DD"',
    );
  });

  it('says when every line not rejected falls outside the period, with the dates the data covers', () => {
    // 2024 data, the default period of a page opened in late 2026: 2 lines outside, 1 rejected (amount "x")
    const lines = [line({ institutionId: 'H', amount: '1', receivedOn: '2024-01-03' }), line({ institutionId: 'H', amount: '1', receivedOn: '2024-03-29' }), line({ institutionId: 'H', amount: 'x' })];
    const { warnings, ledger } = measureOnlineRates(lines, { ...options, period: Q4_2026 });
    expect(ledger.excluded.byReason['outside-period'].lines).toBe(2);
    expect(warnings).toEqual([
      {
        code: 'all-lines-outside-period',
        // 2 outside the period, 1 rejected (its date, 2024-01-15, was read before its amount failed): 2 = 3 − 1
        message:
          '3 行中没有一行计入网采率（拒收 1 行，剔除 2 行）；最常见的原因：入库日期不在统计期间（统计期间 2026-10-01 – 2026-12-31），2 行；所见入库日期 2024-01-03 至 2024-03-29 / ' +
          'none of 3 lines counts (1 rejected, 2 excluded); the most common reason: outside-period (the period is 2026-10-01 – 2026-12-31), 2 lines; the dates seen run from 2024-01-03 to 2024-03-29',
      },
    ]);
  });

  it('names the most common reason when nothing counts for a mix of reasons', () => {
    // 2 narcotics (an excluded kind, jiangsu-2022 annex 1 §2) and 1 line of an unknown institution: 2 > 1
    const lines = [line({ institutionId: 'H', amount: '1', kind: 'narcotic' }), line({ institutionId: 'H', amount: '1', kind: 'narcotic' }), line({ institutionId: 'Z', amount: '1' })];
    const { warnings } = measureOnlineRates(lines, options);
    expect(codes(warnings)).toEqual(['no-line-included']);
    expect(warnings[0]!.message).toBe(
      '3 行中没有一行计入网采率（拒收 1 行，剔除 2 行）；最常见的原因：暂不纳入的品种，2 行；所见入库日期 2024-01-15 至 2024-01-15 / none of 3 lines counts (1 rejected, 2 excluded); the most common reason: excluded-kind, 2 lines; the dates seen run from 2024-01-15 to 2024-01-15',
    );
  });

  it('says nothing when a line counts, or when there is no line', () => {
    expect(measureOnlineRates([line({ institutionId: 'H', amount: '1' }), line({ institutionId: 'Z', amount: '1' })], options).warnings).toEqual([]);
    expect(measureOnlineRates([], options).warnings).toEqual([]);
    // a line of zero amount is included: it counts, though the total is 0
    expect(measureOnlineRates([line({ institutionId: 'H', amount: '0' })], options).warnings).toEqual([]);
  });

  it('gives the same warning from chunks merged, through JSON, as from one pass', () => {
    const lines: PurchaseLineInput[] = [line({ institutionId: 'H', amount: '1', receivedOn: '2024-02-01' }), line({ institutionId: 'H', amount: '1', receivedOn: '2024-01-03' }), line({ institutionId: 'H', amount: '1', receivedOn: '2024-03-29' })];
    const one = measureOnlineRates(lines, { ...options, period: Q4_2026 }).warnings;
    const a = createRateAccumulator({ ...options, period: Q4_2026 }).addAll(lines.slice(0, 1));
    const b = createRateAccumulator({ ...options, period: Q4_2026, firstIndex: 1 }).addAll(lines.slice(1));
    const viaJson = rateAccumulatorFromJSON(JSON.parse(JSON.stringify(b)));
    expect(JSON.parse(JSON.stringify(b)).dates).toEqual(['2024-01-03', '2024-03-29']);
    expect(a.merge(viaJson).result().warnings).toEqual(one);
    expect(one[0]!.message).toContain('所见入库日期 2024-01-03 至 2024-03-29');
  });

  it('reads a state written without dates, and refuses dates that are not a span', () => {
    const json = JSON.parse(JSON.stringify(createRateAccumulator(options).addAll([line({ institutionId: 'Z', amount: '1' })]))) as Record<string, unknown>;
    delete json.dates;
    expect(rateAccumulatorFromJSON(json).result().warnings[0]!.message).not.toContain('所见入库日期');
    expect(() => rateAccumulatorFromJSON({ ...json, dates: ['2024-03-01', '2024-01-01'] })).toThrow('rateAccumulatorFromJSON: json.dates expected null, or the first and last dates seen');
    expect(() => rateAccumulatorFromJSON({ ...json, dates: ['2024-02-30', '2024-03-01'] })).toThrow('json.dates expected');
  });

  it('warns from a database\'s counts too (ratesFromSQL), by the most common reason', () => {
    const zeros = [0, '0', 0, '0', 0, '0'];
    const result = {
      measures: [['H', 'drug', '0', '0', '0', 0, ...zeros], ['H', 'consumable', '0', '0', '0', 0, ...zeros]],
      // 5 lines: 3 with a bad date, 2 with an unknown institution
      ledger: [['input', null, 5, '5'], ['rejected', 'invalid:receivedOn', 3, '3'], ['rejected', 'unknown-institution', 2, '2']],
    };
    expect(ratesFromSQL(result, options).warnings).toEqual([
      {
        code: 'all-lines-rejected',
        message: '5 行中没有一行计入网采率（拒收 5 行，剔除 0 行）；最常见的原因：入库日期无效，3 行 / none of 5 lines counts (5 rejected, 0 excluded); the most common reason: invalid:receivedOn, 3 lines',
      },
    ]);
  });
});
