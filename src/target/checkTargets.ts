import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { D, DS, HUNDRED, ONE, ZERO } from '../_lib/decimal';
import { int, object, oneOf, optional, readOrThrow } from '../_lib/read';
import { inputError } from '../errors';
import type { Level } from '../institution/schema';
import type { MeasureId } from '../policy/measures';
import { resolvePolicy } from '../policy/policies';
import type { Citation, Policy } from '../policy/schema';
import type { InstitutionMeasure, RateStatus, RegionalMeasure, Subject, Warning } from '../rate/types';
import { pure } from '../_lib/pure';

/** Options of {@link checkTargets}. */
export interface CheckTargetsOptions {
  /**
   * `'exact'` (default): compare the exact rate, so 84.9999% fails though it shows as 85.00%.
   * `'display'`: compare the rate rounded half up to `digits` places of a percentage, as a printed report shows it.
   */
  readonly compare?: 'exact' | 'display' | undefined;
  /** Percentage digits for `compare: 'display'`; 2 by default. */
  readonly digits?: number | undefined;
}

/** One target check of one institution or region. */
export interface TargetCheck {
  readonly subject: Subject;
  readonly measure: MeasureId;
  readonly label: string;
  /** The institution's level, or the region's level or level group. */
  readonly level: Level | string;
  /** The target share, e.g. 0.85. */
  readonly target: Decimal;
  /** The exact rate, or null without data. */
  readonly rate: Decimal | null;
  readonly status: RateStatus;
  /** True when the rate reaches the target (the target itself passes); null without data. */
  readonly meets: boolean | null;
  /** (rate − target) × 100, in percentage points, positive above the target; null without data. */
  readonly marginPoints: Decimal | null;
  /**
   * The extra platform amount that would reach the target with the total unchanged
   * (purchases moved onto the platform): max(0, target × total − platform), 元; null without data.
   */
  readonly shortfallAmount: Decimal | null;
  /**
   * The two ways to reach the target, named: `moveToPlatform` = `shortfallAmount` (buy on the
   * platform what is now bought off it, total unchanged: t × T − P); `addPlatformPurchases` = new
   * platform purchases, the total growing with them: (t × T − P) ÷ (1 − t), null when t = 1 and the
   * target is not met (no amount of new purchases reaches 100 %). Both 0 when the target is met.
   */
  readonly shortfallScenarios: { readonly moveToPlatform: Decimal; readonly addPlatformPurchases: Decimal | null } | null;
  readonly platformAmount: Decimal;
  readonly totalAmount: Decimal;
  readonly comparison: 'exact' | 'display';
  /** The date the target should be reached by, where the document gives one. */
  readonly by: string | undefined;
  readonly warnings: readonly Warning[];
  /** The target's clause. */
  readonly citation: Citation;
}

/** The options, read as a zod object of these fields would read them, without zod (../_lib/read.ts). */
const readOptions = /* @__PURE__ */ pure(() => object({ compare: optional(oneOf(['exact', 'display'] as const)), digits: optional(int(0, 20)) }));

function inScope(m: InstitutionMeasure | RegionalMeasure, policy: Policy): boolean {
  if (m.subject.type === 'institution') {
    const im = m as InstitutionMeasure;
    return policy.scope.levels.includes(im.level) && policy.scope.ownership.includes(im.ownership);
  }
  const rm = m as RegionalMeasure;
  return rm.levels.every((l) => policy.scope.levels.includes(l));
}

/**
 * Checks institution or regional measures against a policy's targets: one check
 * per measure that has a target binding its subject type, for subjects in the
 * policy's scope. "不低于" and "≥" both let the target itself pass; the comparison is
 * exact (platform ≥ target × total) unless `compare: 'display'` is asked for.
 *
 * @category Targets
 * @see jiangsu-2022 main text §1(3); nantong-2022 §1; ganzhou-2023 annex 1
 * @param measures - from {@link measureOnlineRates} and/or {@link aggregateRates}
 * @param policy - a policy object or a built-in id
 * @param options - `{ compare = 'exact', digits = 2 }`
 * @returns the checks, in the order of the measures
 * @throws {SunshineInputError} for an unknown policy, bad options or measures of the wrong shape
 * @example
 * const { measures } = measureOnlineRates(
 *   [{ institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '849999', insuranceCode: 'X' },
 *    { institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: '150001', insuranceCode: 'X' }],
 *   { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] },
 * );
 * checkTargets(measures, 'jiangsu-2022')[0].meets //=> false
 */
export function checkTargets(
  measures: ReadonlyArray<InstitutionMeasure | RegionalMeasure>,
  policy: PolicyId | Policy,
  options: CheckTargetsOptions = {},
): TargetCheck[] {
  const fn = 'checkTargets';
  strictKeys(options, ['compare', 'digits'], fn);
  const p = resolvePolicy(policy, fn);
  const opts = readOrThrow(readOptions, options, fn, 'options');
  const comparison = opts.compare ?? 'exact';
  const digits = opts.digits ?? 2;
  if (!Array.isArray(measures)) {
    throw inputError(fn, 'measures', measures, 'an array of measures from measureOnlineRates or aggregateRates', 'invalid-type');
  }
  const checks: TargetCheck[] = [];
  measures.forEach((m, i) => {
    const type = (m as { subject?: { type?: unknown } } | null)?.subject?.type;
    if (type !== 'institution' && type !== 'region') {
      throw inputError(fn, `measures[${i}]`, m, 'a measure from measureOnlineRates or aggregateRates', 'invalid-type');
    }
    if (!inScope(m, p)) return;
    for (const target of p.targets) {
      if (target.measure !== m.measure || !target.appliesTo.includes(type)) continue;
      checks.push(check(m, p, target, comparison, digits));
    }
  });
  return checks;
}

function check(
  m: InstitutionMeasure | RegionalMeasure,
  policy: Policy,
  target: Policy['targets'][number],
  comparison: 'exact' | 'display',
  digits: number,
): TargetCheck {
  const t = new D(target.minimum);
  const warnings: Warning[] = [];
  if (m.policyId !== policy.id) {
    warnings.push({ code: 'policy-mismatch', message: `指标按 ${m.policyId} 计算，按 ${policy.id} 考核 / measured under ${m.policyId}, checked against ${policy.id}` });
  }
  if (m.status === 'inconsistent') {
    warnings.push({ code: 'inconsistent-data', message: '数据不一致，无法考核 / the data are inconsistent; no check is possible' });
  }
  const hasRate = m.status === 'ok' && m.rate !== null;
  let meets: boolean | null = null;
  let marginPoints: Decimal | null = null;
  let shortfallAmount: Decimal | null = null;
  let shortfallScenarios: TargetCheck['shortfallScenarios'] = null;
  if (hasRate) {
    const P = m.platformAmount;
    const T = m.totalAmount;
    // products and differences of amounts in DS, exact (D's 60 digits could round them for totals past 10^30);
    // quotients back in D, as everywhere
    const needed = new DS(t).times(T);
    if (comparison === 'exact') {
      meets = P.greaterThanOrEqualTo(needed);
    } else {
      const shown = P.times(HUNDRED).dividedBy(T).toDecimalPlaces(digits, D.ROUND_HALF_UP);
      meets = shown.greaterThanOrEqualTo(t.times(HUNDRED));
    }
    marginPoints = new D(new DS(P).minus(needed).times(HUNDRED)).dividedBy(T);
    const gap = needed.minus(P);
    shortfallAmount = gap.isPositive() && !gap.isZero() ? gap : ZERO;
    const rest = ONE.minus(t);
    shortfallScenarios = {
      moveToPlatform: shortfallAmount,
      addPlatformPurchases: shortfallAmount.isZero() ? ZERO : rest.isZero() ? null : new D(shortfallAmount).dividedBy(rest),
    };
  }
  return {
    subject: m.subject,
    measure: m.measure,
    label: m.label,
    level: m.level,
    target: t,
    rate: m.rate,
    status: m.status,
    meets,
    marginPoints,
    shortfallAmount,
    shortfallScenarios,
    platformAmount: m.platformAmount,
    totalAmount: m.totalAmount,
    comparison,
    by: target.by,
    warnings,
    citation: { policyId: policy.id, document: policy.document, clause: target.clause },
  };
}
