import { strictKeys } from '../_lib/options';
import type { Period } from '../_lib/period';
import { periodLabel } from './formatPeriod';
import type { Decimal } from 'decimal.js';
import { D } from '../_lib/decimal';
import { regionKey } from '../_lib/region';
import { inputError } from '../errors';
import type { Level, Region } from '../institution/schema';
import type { MeasureId } from '../policy/measures';
import { institutionsWithData } from '../rate/reporting';
import type { InstitutionMeasure } from '../rate/types';

/**
 * Whether an institution reported a measure in a period:
 * - `'reported'`: it sent lines, with purchases in this measure;
 * - `'no-purchases'`: it sent lines, but none (or a zero total) in this measure;
 * - `'not-reported'`: no line of it at all in the period. Missing is not zero.
 */
export type ReportingStatus = 'reported' | 'no-purchases' | 'not-reported';

/** One institution × period × measure. */
export interface ReportingEntry {
  readonly institutionId: string;
  readonly period: string;
  readonly measure: MeasureId;
  readonly level: Level;
  readonly region: Region;
  readonly status: ReportingStatus;
}

/** One row of the completeness table: a region, level, period and measure. */
export interface CompletenessRow {
  readonly region: string | null;
  readonly level: Level;
  readonly period: string;
  readonly measure: MeasureId;
  /** Institutions expected to report (those in the policy's scope that were passed). */
  readonly expected: number;
  /** Reported with purchases. */
  readonly reported: number;
  /** Reported, with no purchases in this measure. */
  readonly noPurchases: number;
  readonly notReported: number;
  /** (reported + noPurchases) ÷ expected; null when none was expected. */
  readonly shareReported: Decimal | null;
  readonly notReportedIds: readonly string[];
}

/** Options of {@link reportingCompleteness}. */
export interface ReportingCompletenessOptions {
  /** Group the table by `'province'`, `'city'` or `'county'`; by `'province'` by default. */
  readonly by?: 'province' | 'city' | 'county' | undefined;
}

/**
 * Missing is not zero: classifies each institution × period × measure as reported, reported
 * with no purchases, or not reported (no line at all), and counts them per region and level.
 * The measures of each period come from {@link measureOnlineRates}, which gives one measure per
 * in-scope institution passed, so the institutions passed are the ones expected to report.
 *
 * @category Reports
 * @see jiangsu-2022 main text §2(1) (monthly reporting), §3 (completeness of data)
 * @param periods - `[{ period, measures }]`, e.g. one entry per month; `period` is `{ from, to }` (labelled as {@link formatPeriod} does) or a label
 * @param options - `{ by = 'province' }`
 * @returns `{ entries, table }`
 * @throws {SunshineInputError} for periods that are not `{ period, measures }`
 * @example
 * const { measures } = measureOnlineRates([], { policy: 'ganzhou-2023', institutions: [{ id: 'A', level: 'primary', ownership: 'public' }] });
 * reportingCompleteness([{ period: '2024-01', measures }]).entries[0].status //=> 'not-reported'
 */
export function reportingCompleteness(
  periods: ReadonlyArray<{ readonly period: Period | string; readonly measures: readonly InstitutionMeasure[] }>,
  options: ReportingCompletenessOptions = {},
): { entries: ReportingEntry[]; table: CompletenessRow[] } {
  const fn = 'reportingCompleteness';
  strictKeys(options, ['by'], fn);
  const by = options.by ?? 'province';
  if (by !== 'province' && by !== 'city' && by !== 'county') {
    throw inputError(fn, 'options.by', by, 'one of "province", "city", "county"');
  }
  if (!Array.isArray(periods)) {
    throw inputError(fn, 'periods', periods, 'an array of { period, measures }', 'invalid-type');
  }
  const entries: ReportingEntry[] = [];
  const rows = new Map<string, { region: string | null; level: Level; period: string; measure: MeasureId; counts: Record<ReportingStatus, number>; missing: string[] }>();
  periods.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || !Array.isArray(p.measures)) {
      throw inputError(fn, `periods[${i}]`, p, '{ period, measures: measures from measureOnlineRates }', 'invalid-type');
    }
    // a period { from, to } is labelled as bulletins print it; a string is the label
    const period = typeof p.period === 'string' ? p.period : periodLabel(p.period, fn, `periods[${i}].period`);
    const withData = institutionsWithData(p.measures);
    for (const m of p.measures) {
      const status: ReportingStatus = !withData.has(m.institutionId) ? 'not-reported' : m.lines === 0 || m.totalAmount.isZero() ? 'no-purchases' : 'reported';
      entries.push({ institutionId: m.institutionId, period: period, measure: m.measure, level: m.level, region: m.region, status });
      const region = regionKey(m.region, by);
      const key = JSON.stringify([region, m.level, period, m.measure]);
      let row = rows.get(key);
      if (row === undefined) {
        row = { region, level: m.level, period: period, measure: m.measure, counts: { reported: 0, 'no-purchases': 0, 'not-reported': 0 }, missing: [] };
        rows.set(key, row);
      }
      row.counts[status] += 1;
      if (status === 'not-reported') row.missing.push(m.institutionId);
    }
  });
  const table = [...rows.values()].map((r): CompletenessRow => {
    const expected = r.counts.reported + r.counts['no-purchases'] + r.counts['not-reported'];
    return {
      region: r.region,
      level: r.level,
      period: r.period,
      measure: r.measure,
      expected,
      reported: r.counts.reported,
      noPurchases: r.counts['no-purchases'],
      notReported: r.counts['not-reported'],
      shareReported: expected === 0 ? null : new D(r.counts.reported + r.counts['no-purchases']).dividedBy(expected),
      notReportedIds: r.missing,
    };
  });
  return { entries, table };
}
