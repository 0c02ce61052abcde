import type { Decimal } from 'decimal.js';
import { SU_2022_38 } from '../policy/documents';
import { DS } from '../_lib/decimal';
import { array, custom, either, minLength, oneOf, optional, readOrThrow, record, str, strictObject } from '../_lib/read';
import { regionKey } from '../_lib/region';
import { inputError } from '../errors';
import { LEVELS, type Level, type Region } from '../institution/schema';
import { rateFigures } from './rateFigures';
import { institutionsWithData } from './reporting';
import { EXCLUSION_REASONS, type ExclusionReason, type InstitutionMeasure, type LineTally, type RegionalMeasure, type Warning } from './types';
import { pure } from '../_lib/pure';

/** How to group institutions into regions: a region field, or a function giving a region key (null: no region). */
export type RegionKey = 'province' | 'city' | 'county' | ((measure: InstitutionMeasure) => string | null | undefined);

/** Options of {@link aggregateRates}. */
export interface AggregateRatesOptions {
  /** `'province'`, `'city'`, `'county'`, or a function returning a region key. */
  readonly by: RegionKey;
  /**
   * Combined level groups to add besides the single levels, e.g.
   * `{ 'secondary-and-above': ['secondary', 'tertiary'] }` (二级以上). Levels are
   * never mixed otherwise.
   */
  readonly levelGroups?: Readonly<Record<string, readonly Level[]>> | undefined;
}

/**
 * The group 二级以上 (secondary and above), for `levelGroups`.
 *
 * @category Rates
 * @see jiangsu-2022 main text §5(3)
 * @example
 * SECONDARY_AND_ABOVE //=> { 'secondary-and-above': ['secondary', 'tertiary'] }
 */
export const SECONDARY_AND_ABOVE = { 'secondary-and-above': ['secondary', 'tertiary'] } as const satisfies Record<string, readonly Level[]>;

const REGIONAL_CITATION = { policyId: 'jiangsu-2022', document: SU_2022_38, clause: 'annex 1 §1(2)' } as const;

/** The options, read as a zod object of these fields would read them, without zod (../_lib/read.ts). */
const readOptions = /* @__PURE__ */ pure(() =>
  strictObject({
    by: either<RegionKey>('"province", "city", "county" or a function (measure) => region key', oneOf(['province', 'city', 'county'] as const), custom((v) => typeof v === 'function', 'expected a function')),
    levelGroups: optional(record(str({}, minLength(1, 'Too small: expected string to have >=1 characters')), array(oneOf(LEVELS), { n: 1, message: 'expected at least one level' }))),
  }),
);

interface Group {
  readonly regionId: string | null;
  readonly region: Region;
  readonly level: string;
  readonly levels: readonly Level[];
  readonly measure: InstitutionMeasure['measure'];
  readonly label: string;
  readonly members: InstitutionMeasure[];
}

function regionKeyOf(by: RegionKey, m: InstitutionMeasure): { id: string | null; region: Region } {
  if (typeof by === 'function') {
    const key = by(m);
    return { id: typeof key === 'string' && key !== '' ? key : null, region: {} };
  }
  const id = regionKey(m.region, by);
  if (id === null) return { id: null, region: {} };
  const r = m.region;
  const region: { province?: string; city?: string; county?: string } = {};
  if (r.province !== undefined) region.province = r.province;
  if (by !== 'province' && r.city !== undefined) region.city = r.city;
  if (by === 'county' && r.county !== undefined) region.county = r.county;
  return { id, region };
}

/**
 * Regional online purchase rates (地区网上采购率): Σ platform ÷ Σ total over a
 * region's institutions of the same level, per measure; never a mean of rates,
 * and levels are not mixed unless a combined group is named.
 *
 * @category Rates
 * @see jiangsu-2022 annex 1 §1(2); main text §5(3) (secondary-and-above regional rates)
 * @param measures - institution measures from {@link measureOnlineRates}
 * @param options - `{ by, levelGroups? }`
 * @returns one regional measure per region, level (and named group) and measure, in first-seen order;
 *   institutions without the region field are grouped under `region.id: null` with a warning
 * @throws {SunshineInputError} for bad options or measures that are not institution measures
 * @example
 * const { measures } = measureOnlineRates(
 *   [
 *     { institutionId: 'A', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '90', insuranceCode: 'X' },
 *     { institutionId: 'A', receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: '10', insuranceCode: 'X' },
 *     { institutionId: 'B', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '500', insuranceCode: 'X' },
 *     { institutionId: 'B', receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: '500', insuranceCode: 'X' },
 *   ],
 *   { policy: 'jiangsu-2022', institutions: [
 *     { id: 'A', level: 'secondary', ownership: 'public', region: { city: '南通市' } },
 *     { id: 'B', level: 'secondary', ownership: 'public', region: { city: '南通市' } },
 *   ] },
 * );
 * aggregateRates(measures, { by: 'city' })[0].rate?.toFixed(4) //=> '0.5364'
 */
export function aggregateRates(measures: readonly InstitutionMeasure[], options: AggregateRatesOptions): RegionalMeasure[] {
  const fn = 'aggregateRates';
  const opts = readOrThrow(readOptions, options, fn, 'options');
  if (!Array.isArray(measures)) {
    throw inputError(fn, 'measures', measures, 'an array of institution measures from measureOnlineRates', 'invalid-type');
  }
  const by = options.by;
  const groupsByLevel = new Map<Level, string[]>();
  for (const [name, levels] of Object.entries(opts.levelGroups ?? {})) {
    for (const level of new Set(levels)) {
      const list = groupsByLevel.get(level) ?? [];
      list.push(name);
      groupsByLevel.set(level, list);
    }
  }
  const groups = new Map<string, Group>();
  const policies = new Set<string>();
  const withData = institutionsWithData(measures.filter((m) => typeof m === 'object' && m !== null && m.subject?.type === 'institution'));
  measures.forEach((m, i) => {
    if (typeof m !== 'object' || m === null || m.subject?.type !== 'institution' || !LEVELS.includes(m.level)) {
      throw inputError(fn, `measures[${i}]`, m, 'an institution measure from measureOnlineRates', 'invalid-type');
    }
    policies.add(m.policyId);
    const { id, region } = regionKeyOf(by, m);
    const levelNames: Array<[string, readonly Level[]]> = [[m.level, [m.level]]];
    for (const name of groupsByLevel.get(m.level) ?? []) levelNames.push([name, opts.levelGroups![name]!]);
    for (const [level, levels] of levelNames) {
      const key = JSON.stringify([id, level, m.measure]);
      let g = groups.get(key);
      if (g === undefined) {
        g = { regionId: id, region, level, levels, measure: m.measure, label: m.label, members: [] };
        groups.set(key, g);
      }
      g.members.push(m);
    }
  });
  const mixedPolicies: Warning[] =
    policies.size > 1
      ? [{ code: 'mixed-policies', message: `机构指标来自不同政策（${[...policies].join('、')}） / the measures come from different policies` }]
      : [];
  return [...groups.values()].map((g) => summarize(g, by, mixedPolicies, withData));
}

function summarize(g: Group, by: RegionKey, mixedPolicies: readonly Warning[], withData: ReadonlySet<string>): RegionalMeasure {
  // sums of amounts in DS, exact however large (a sum of 60-digit totals needs more than D's 60 digits)
  let platform: Decimal = new DS(0);
  let total: Decimal = new DS(0);
  let emergency: Decimal = new DS(0);
  let lines = 0;
  const excluded = new Map<ExclusionReason, { lines: number; amount: Decimal }>();
  const inconsistent: string[] = [];
  for (const m of g.members) {
    platform = platform.plus(m.platformAmount);
    total = total.plus(m.totalAmount);
    emergency = emergency.plus(m.emergencyAmount);
    lines += m.lines;
    if (m.status === 'inconsistent') inconsistent.push(m.institutionId);
    for (const reason of EXCLUSION_REASONS) {
      const t = m.excluded[reason];
      if (t === undefined) continue;
      const acc = excluded.get(reason) ?? { lines: 0, amount: new DS(0) };
      excluded.set(reason, { lines: acc.lines + t.lines, amount: acc.amount.plus(t.amount) });
    }
  }
  const figures = rateFigures(platform, total, emergency);
  const warnings: Warning[] = [...figures.warnings, ...mixedPolicies];
  if (inconsistent.length > 0) {
    warnings.push({ code: 'inconsistent-members', message: `以下机构数据不一致，金额仍计入合计：${inconsistent.join('、')} / these institutions have inconsistent data; their amounts are still summed` });
  }
  const notReported = g.members.filter((m) => !withData.has(m.institutionId)).map((m) => m.institutionId);
  if (notReported.length > 0) {
    warnings.push({ code: 'institutions-not-reported', message: `以下机构未报送数据，不计为 0%：${notReported.join('、')} / these institutions sent no data and are not counted as 0 %` });
  }
  if (g.regionId === null) {
    warnings.push({ code: 'region-missing', message: `这些机构缺少地区字段（${typeof by === 'string' ? by : 'by'}） / these institutions have no region for the grouping` });
  }
  const excludedOut: Partial<Record<ExclusionReason, LineTally>> = {};
  for (const reason of EXCLUSION_REASONS) {
    const t = excluded.get(reason);
    if (t !== undefined) excludedOut[reason] = t;
  }
  const policyId = g.members[0]!.policyId;
  return {
    subject: { type: 'region', id: g.regionId === null ? `(none)|${g.level}` : `${g.regionId}|${g.level}` },
    region: { ...g.region, by: typeof by === 'string' ? by : 'custom', id: g.regionId },
    level: g.level,
    levels: g.levels,
    measure: g.measure,
    label: g.label,
    ...figures,
    warnings,
    institutions: g.members.length,
    institutionIds: g.members.map((m) => m.institutionId),
    notReported,
    lines,
    excluded: excludedOut,
    policyId,
    citation: REGIONAL_CITATION,
  };
}
