import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { GAN_2023_28, YUSHE_2020_PLAN } from '../policy/documents';
import { D, HUNDRED, ZERO } from '../_lib/decimal';
import { readAmount } from '../amount/readAmount';
import { readDate } from '../calendar/days';
import { inputError } from '../errors';
import { resolvePolicy } from '../policy/policies';
import type { Citation, Policy } from '../policy/schema';
import type { Warning } from '../rate/types';
import { readCycle, readQuantity, type Cycle } from './quantity';
import { timeProgressFigures } from './timeProgress';

/**
 * The status of an agreed volume, the first that applies in this order:
 * - `'no-agreement'`: the agreed quantity is zero;
 * - `'completed'`: purchased ≥ agreed;
 * - `'not-started'`: `asOf` is before the cycle;
 * - `'ended-incomplete'`: `asOf` is after the cycle's end and the volume is not complete;
 * - `'on-track'`: completion ≥ time progress;
 * - `'warning'`: completion < warning ratio × time progress;
 * - `'behind'`: otherwise.
 */
export type VolumeStatus = 'no-agreement' | 'completed' | 'not-started' | 'ended-incomplete' | 'on-track' | 'warning' | 'behind';

/**
 * Chinese labels of the statuses.
 *
 * @category VBP
 * @example
 * VOLUME_STATUS_LABELS.behind //=> '滞后于序时进度'
 */
export const VOLUME_STATUS_LABELS = {
  'no-agreement': '无约定量',
  completed: '已完成',
  'not-started': '未开始',
  'ended-incomplete': '到期未完成',
  'on-track': '符合序时进度',
  warning: '预警',
  behind: '滞后于序时进度',
} as const satisfies Record<VolumeStatus, string>;

/** The share of time progress below which a product is flagged `warning`, when neither the caller nor the policy says. */
export const DEFAULT_WARNING_RATIO = '0.8';

/** What {@link agreedVolumeProgress} takes. */
export interface AgreedVolumeProgressInput {
  /** 约定采购量, in packs or pieces. */
  readonly agreedQuantity: string | number | Decimal;
  /** Purchased so far in the cycle. */
  readonly purchasedQuantity: string | number | Decimal;
  readonly cycle: Cycle;
  readonly asOf: string;
  /** Flag `warning` below this share of time progress; else the policy's, else 0.8. */
  readonly warningRatio?: string | number | Decimal | undefined;
  /** A policy whose VBP parameters to use (its `warningRatio`); none by default. */
  readonly policy?: PolicyId | Policy | undefined;
  /** How time progress is counted; `'days'` by default (see {@link timeProgress}). */
  readonly basis?: 'days' | 'months' | undefined;
}

/** What {@link agreedVolumeProgress} returns. */
export interface AgreedVolumeProgress {
  readonly agreedQuantity: Decimal;
  readonly purchasedQuantity: Decimal;
  /** purchased ÷ agreed (may exceed 1); null without an agreement. */
  readonly completionRate: Decimal | null;
  /** The elapsed share of the cycle, in [0, 1]. */
  readonly timeProgress: Decimal;
  /** (completion − time progress) × 100, in percentage points; null without an agreement. */
  readonly gapPoints: Decimal | null;
  /** max(0, agreed − purchased). */
  readonly remainingQuantity: Decimal;
  /** max(0, purchased − agreed): bought beyond the agreed volume (selected products are still preferred, ganzhou-2023 §2(2)). */
  readonly overageQuantity: Decimal;
  /** completion ÷ time progress: where the cycle ends at the pace so far; null before the cycle or without an agreement. */
  readonly projectedCompletionRate: Decimal | null;
  /** remaining ÷ the days left after `asOf`: the daily pace that finishes on time; null when no day is left or nothing remains. */
  readonly requiredDailyQuantity: Decimal | null;
  readonly elapsedDays: number;
  readonly totalDays: number;
  readonly remainingDays: number;
  /** The warning ratio used. */
  readonly warningRatio: Decimal;
  readonly status: VolumeStatus;
  /** The status in Chinese. */
  readonly label: string;
  readonly warnings: readonly Warning[];
  readonly citations: readonly Citation[];
}

const CITATIONS: readonly Citation[] = [
  { policyId: 'ganzhou-2023', document: GAN_2023_28, clause: '§2(2) (完成约定采购量), §2(3) (约定采购量完成进度、序时采购进度)' },
  { policyId: 'yushe-2020', document: YUSHE_2020_PLAN, clause: '§3(3) (在1个采购周期内完成合同用量)' },
];

/**
 * Status from exact quantities. On-pace purchasing by `asOf` is `expectedTimesL / L`
 * (for one item: agreed × elapsed / total), kept as a fraction so comparisons stay exact.
 * @internal
 */
export function statusAgainst(agreed: Decimal, purchased: Decimal, expectedTimesL: Decimal, L: Decimal, before: boolean, after: boolean, ratio: Decimal): VolumeStatus {
  if (agreed.isZero()) return 'no-agreement';
  if (purchased.greaterThanOrEqualTo(agreed)) return 'completed';
  if (before) return 'not-started';
  if (after) return 'ended-incomplete';
  // completion ≥ time progress  ⇔  purchased × L ≥ expected × L (no division)
  const lhs = purchased.times(L);
  if (lhs.greaterThanOrEqualTo(expectedTimesL)) return 'on-track';
  if (lhs.lessThan(expectedTimesL.times(ratio))) return 'warning';
  return 'behind';
}

/** Status of one agreed volume: on pace means purchased × total ≥ agreed × elapsed. @internal */
export function volumeStatus(agreed: Decimal, purchased: Decimal, elapsed: number, total: number, before: boolean, after: boolean, ratio: Decimal): VolumeStatus {
  return statusAgainst(agreed, purchased, agreed.times(elapsed), new D(total), before, after, ratio);
}

/** @internal */
export function resolveWarningRatio(value: unknown, policy: unknown, fn: string): Decimal {
  if (value !== undefined) {
    const r = readAmount(value);
    if (r === null || r.isNegative() || r.greaterThan(1)) {
      throw inputError(fn, 'warningRatio', value, 'a share between 0 and 1 such as "0.8"');
    }
    return r;
  }
  if (policy !== undefined) {
    const p = resolvePolicy(policy, fn);
    if (p.vbp.warningRatio !== undefined) return new D(p.vbp.warningRatio.value);
  }
  return new D(DEFAULT_WARNING_RATIO);
}

/**
 * Agreed-volume progress (约定采购量完成进度) against time progress (序时进度): completion,
 * the gap in percentage points, what remains, the pace needed, a linear projection, and a
 * status. Comparisons are exact (purchased × cycle days ≥ elapsed days × agreed).
 *
 * @category VBP
 * @see ganzhou-2023 §2(2), §2(3); yushe-2020 §3(3)
 * @param input - `{ agreedQuantity, purchasedQuantity, cycle, asOf, warningRatio?, policy?, basis? }`
 * @returns the progress; `completionRate: null` and status `'no-agreement'` for a zero agreed quantity
 * @throws {SunshineInputError} for a negative or non-numeric quantity, a bad date, an end before the start
 * @example
 * agreedVolumeProgress({ agreedQuantity: '1000', purchasedQuantity: '390', cycle: { start: '2024-01-01', end: '2024-12-31' }, asOf: '2024-06-30' }).status //=> 'warning'
 */
export function agreedVolumeProgress(input: AgreedVolumeProgressInput): AgreedVolumeProgress {
  const fn = 'agreedVolumeProgress';
  if (typeof input !== 'object' || input === null) {
    throw inputError(fn, 'input', input, 'an object { agreedQuantity, purchasedQuantity, cycle, asOf }', 'missing');
  }
  // a VolumeItem passes as it is: its other fields are known
  strictKeys(input, ['agreedQuantity', 'purchasedQuantity', 'cycle', 'asOf', 'warningRatio', 'policy', 'basis', 'institutionId', 'batch', 'product', 'region'], fn, '');
  const agreed = readQuantity(input.agreedQuantity, fn, 'agreedQuantity');
  const purchased = readQuantity(input.purchasedQuantity, fn, 'purchasedQuantity');
  const cycle = readCycle(input.cycle, fn, 'cycle');
  const asOf = readDate(input.asOf, fn, 'asOf');
  const basis = input.basis ?? 'days';
  if (basis !== 'days' && basis !== 'months') {
    throw inputError(fn, 'basis', basis, 'one of "days", "months"');
  }
  const ratio = resolveWarningRatio(input.warningRatio, input.policy, fn);
  return progressOf(agreed, purchased, cycle, asOf, basis, ratio);
}

/** The progress figures from parsed values. @internal */
export function progressOf(agreed: Decimal, purchased: Decimal, cycle: { start: number; end: number }, asOf: number, basis: 'days' | 'months', ratio: Decimal): AgreedVolumeProgress {
  const t = timeProgressFigures(cycle, asOf, basis);
  const before = asOf < cycle.start;
  const after = asOf > cycle.end;
  const status = volumeStatus(agreed, purchased, t.elapsed, t.total, before, after, ratio);
  const hasAgreement = !agreed.isZero();
  const completion = hasAgreement ? purchased.dividedBy(agreed) : null;
  const remaining = agreed.greaterThan(purchased) ? agreed.minus(purchased) : ZERO;
  const overage = purchased.greaterThan(agreed) ? purchased.minus(agreed) : ZERO;
  const remainingDays = Math.max(0, cycle.end - Math.max(asOf, cycle.start - 1));
  const warnings: Warning[] = [];
  if (status === 'ended-incomplete') {
    warnings.push({ code: 'cycle-ended-incomplete', message: `采购周期已结束，尚余 ${remaining.toFixed()} 未完成 / the cycle has ended with ${remaining.toFixed()} still to buy` });
  }
  return {
    agreedQuantity: agreed,
    purchasedQuantity: purchased,
    completionRate: completion,
    timeProgress: t.progress,
    gapPoints: completion === null ? null : completion.minus(t.progress).times(HUNDRED),
    remainingQuantity: remaining,
    overageQuantity: overage,
    projectedCompletionRate: completion === null || t.elapsed === 0 ? null : purchased.times(t.total).dividedBy(agreed.times(t.elapsed)),
    requiredDailyQuantity: remainingDays === 0 || remaining.isZero() ? null : remaining.dividedBy(remainingDays),
    elapsedDays: t.elapsedDays,
    totalDays: t.totalDays,
    remainingDays,
    warningRatio: ratio,
    status,
    label: VOLUME_STATUS_LABELS[status],
    warnings,
    citations: CITATIONS,
  };
}
