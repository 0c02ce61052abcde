import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { D, DS, ZERO } from '../_lib/decimal';
import { dayNumber, parseCivilDate } from '../_lib/dates';
import { readPeriod, type Period } from '../_lib/period';
import { readOrThrow } from '../_lib/read';
import { regionKey } from '../_lib/region';
import { inputError } from '../errors';
import type { Level } from '../institution/schema';
import { MEASURE_IDS, type MeasureId } from '../policy/measures';
import { resolvePolicy } from '../policy/policies';
import type { Policy } from '../policy/schema';
import type { InstitutionMeasure, RateStatus } from '../rate/types';

/** One ranked institution. */
export interface PeerRank {
  readonly institutionId: string;
  readonly rate: Decimal;
  /** 1 for the highest rate; equal rates share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /** Share of the other peers with a strictly lower rate, in [0, 1]; null in a group of one. */
  readonly percentile: Decimal | null;
  /** Platform amount (元) that would bring it to the peer median, the total unchanged: max(0, median × T − P). */
  readonly toMedianAmount: Decimal;
  /** The same to reach the policy's institution target for the measure; null without a target. */
  readonly toTargetAmount: Decimal | null;
}

/** A peer group: the institutions of one level in one region, for one measure. */
export interface PeerGroup {
  readonly region: string | null;
  readonly level: Level;
  readonly measure: MeasureId;
  readonly ranked: readonly PeerRank[];
  /** Institutions without a rate (no purchases, not reported, inconsistent data): listed apart, never ranked. */
  readonly unranked: ReadonlyArray<{ readonly institutionId: string; readonly status: RateStatus }>;
  /** Quartiles of the rates by linear interpolation between closest ranks (QUARTILE.INC); null for an empty group. */
  readonly lowerQuartile: Decimal | null;
  readonly median: Decimal | null;
  readonly upperQuartile: Decimal | null;
}

/** Options of {@link comparePeers}. */
export interface ComparePeersOptions {
  /** Peers share a region at this level: `'province'`, `'city'` or `'county'`. */
  readonly by: 'province' | 'city' | 'county';
  /** The measure to compare; `'drug'` by default. */
  readonly measure?: MeasureId | undefined;
  /** A policy whose institution target gives `toTargetAmount`. */
  readonly policy?: PolicyId | Policy | undefined;
}

/** The p-quantile of ascending values, R-7 / QUARTILE.INC: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p. */
function quantile(sorted: readonly Decimal[], p: Decimal): Decimal | null {
  if (sorted.length === 0) return null;
  const h = p.times(sorted.length - 1);
  const lo = h.floor().toNumber();
  const frac = h.minus(lo);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a.plus(frac.times(b.minus(a)));
}

/** max(0, share × total − platform), in DS: exact however large the amounts. */
const gap = (share: Decimal, total: Decimal, have: Decimal): Decimal => {
  const g = new DS(share).times(total).minus(have);
  return g.isPositive() && !g.isZero() ? g : ZERO;
};

/**
 * Compares institutions of the same level in a region: rank (ties share a rank), percentile,
 * the quartiles and median of their rates, and how much platform purchasing would bring each to
 * the peer median and to the target. Exact rates; institutions without a rate are listed apart.
 *
 * @category Reports
 * @see jiangsu-2022 main text §2(2) (bulletins of institutions' rates)
 * @param measures - from {@link measureOnlineRates}
 * @param options - `{ by, measure = 'drug', policy? }`
 * @returns one group per region and level, in first-seen order; an empty input gives no group
 * @throws {SunshineInputError} for bad options
 * @example
 * const { measures } = measureOnlineRates(
 *   [['A', '90', '10'], ['B', '50', '50'], ['C', '70', '30']].flatMap(([id, p, o]) => [
 *     { institutionId: id, receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: p, insuranceCode: 'X' },
 *     { institutionId: id, receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: o, insuranceCode: 'X' },
 *   ]),
 *   { policy: 'jiangsu-2022', institutions: ['A', 'B', 'C'].map((id) => ({ id, level: 'secondary', ownership: 'public', region: { city: '南通市' } })) },
 * );
 * comparePeers(measures, { by: 'city' })[0].ranked.map((r) => r.institutionId) //=> ['A', 'C', 'B']
 */
export function comparePeers(measures: readonly InstitutionMeasure[], options: ComparePeersOptions): PeerGroup[] {
  const fn = 'comparePeers';
  strictKeys(options, ['by', 'measure', 'policy'], fn);
  if (typeof options !== 'object' || options === null || !['province', 'city', 'county'].includes(options.by)) {
    throw inputError(fn, 'options.by', options?.by, 'one of "province", "city", "county"');
  }
  const measure = options.measure ?? 'drug';
  if (!(MEASURE_IDS as readonly string[]).includes(measure)) {
    throw inputError(fn, 'options.measure', measure, `one of ${MEASURE_IDS.map((m) => `"${m}"`).join(', ')}`);
  }
  const policy = options.policy === undefined ? undefined : resolvePolicy(options.policy, fn, 'options.policy');
  const target = policy?.targets.find((t) => t.measure === measure && t.appliesTo.includes('institution'));
  if (!Array.isArray(measures)) {
    throw inputError(fn, 'measures', measures, 'institution measures from measureOnlineRates', 'invalid-type');
  }
  const groups = new Map<string, { region: string | null; level: Level; members: InstitutionMeasure[] }>();
  for (const m of measures as readonly InstitutionMeasure[]) {
    if (m.measure !== measure) continue;
    const region = regionKey(m.region, options.by);
    const key = JSON.stringify([region, m.level]);
    const g = groups.get(key) ?? { region, level: m.level, members: [] };
    g.members.push(m);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const withRate = g.members.filter((m) => m.status === 'ok' && m.rate !== null);
    const rates = withRate.map((m) => m.rate!).sort((a, b) => a.comparedTo(b));
    const median = quantile(rates, new D('0.5'));
    const ranked = [...withRate]
      .sort((a, b) => b.rate!.comparedTo(a.rate!) || (a.institutionId < b.institutionId ? -1 : 1))
      .map((m): PeerRank => {
        const higher = withRate.filter((x) => x.rate!.greaterThan(m.rate!)).length;
        const lower = withRate.filter((x) => x.rate!.lessThan(m.rate!)).length;
        return {
          institutionId: m.institutionId,
          rate: m.rate!,
          rank: higher + 1,
          percentile: withRate.length < 2 ? null : new D(lower).dividedBy(withRate.length - 1),
          toMedianAmount: gap(median!, m.totalAmount, m.platformAmount),
          toTargetAmount: target === undefined ? null : gap(new D(target.minimum), m.totalAmount, m.platformAmount),
        };
      });
    return {
      region: g.region,
      level: g.level,
      measure,
      ranked,
      unranked: g.members.filter((m) => !(m.status === 'ok' && m.rate !== null)).map((m) => ({ institutionId: m.institutionId, status: m.status })),
      lowerQuartile: quantile(rates, new D('0.25')),
      median,
      upperQuartile: quantile(rates, new D('0.75')),
    };
  });
}

/** One institution's change between two periods. */
export interface Improvement {
  readonly institutionId: string;
  readonly before: Decimal;
  readonly after: Decimal;
  /** (after − before) × 100, in percentage points. */
  readonly changePoints: Decimal;
}

/** Options of {@link mostImproved}. */
export interface MostImprovedOptions {
  readonly measure?: MeasureId | undefined;
  /** Compare periods of different lengths anyway (a month with a quarter, say); refused by default. */
  readonly allowDifferentLengths?: boolean | undefined;
}

const days = (p: Period) => {
  const a = parseCivilDate(p.from)!;
  const b = parseCivilDate(p.to)!;
  return dayNumber(b.year, b.month, b.day) - dayNumber(a.year, a.month, a.day) + 1;
};

/**
 * The institutions whose rate rose most between two periods, in percentage points (exact),
 * highest first; institutions without a rate in either period are listed apart. Periods of
 * different length are refused unless `allowDifferentLengths` is set.
 *
 * @category Reports
 * @param before - `{ period, measures }` of the earlier period
 * @param after - `{ period, measures }` of the later period
 * @param options - `{ measure = 'drug', allowDifferentLengths = false }`
 * @returns `{ ranked, unranked }`
 * @throws {SunshineInputError} for periods of different length (unless allowed) or bad periods
 * @example
 * mostImproved({ period: { from: '2024-01-01', to: '2024-01-31' }, measures: [] }, { period: { from: '2024-02-01', to: '2024-02-29' }, measures: [] }, { allowDifferentLengths: true }).ranked //=> []
 */
export function mostImproved(
  before: { readonly period: Period; readonly measures: readonly InstitutionMeasure[] },
  after: { readonly period: Period; readonly measures: readonly InstitutionMeasure[] },
  options: MostImprovedOptions = {},
): { ranked: Improvement[]; unranked: string[] } {
  const fn = 'mostImproved';
  strictKeys(options, ['measure', 'allowDifferentLengths'], fn);
  strictKeys(before, ['period', 'measures'], fn, 'before');
  strictKeys(after, ['period', 'measures'], fn, 'after');
  const p1 = readOrThrow(readPeriod, before?.period, fn, 'before.period');
  const p2 = readOrThrow(readPeriod, after?.period, fn, 'after.period');
  if (options.allowDifferentLengths !== true && days(p1) !== days(p2)) {
    throw inputError(fn, 'after.period', p2, `a period as long as before.period (${days(p1)} days, this one has ${days(p2)}), or options.allowDifferentLengths: true`);
  }
  const measure = options.measure ?? 'drug';
  const rateMap = (ms: readonly InstitutionMeasure[]) => new Map(ms.filter((m) => m.measure === measure).map((m) => [m.institutionId, m.status === 'ok' ? m.rate : null]));
  const a = rateMap(before.measures);
  const b = rateMap(after.measures);
  const ids = [...new Set([...a.keys(), ...b.keys()])];
  const ranked: Improvement[] = [];
  const unranked: string[] = [];
  for (const id of ids) {
    const r1 = a.get(id) ?? null;
    const r2 = b.get(id) ?? null;
    if (r1 === null || r2 === null) unranked.push(id);
    else ranked.push({ institutionId: id, before: r1, after: r2, changePoints: r2.minus(r1).times(100) });
  }
  ranked.sort((x, y) => y.changePoints.comparedTo(x.changePoints) || (x.institutionId < y.institutionId ? -1 : 1));
  return { ranked, unranked };
}
