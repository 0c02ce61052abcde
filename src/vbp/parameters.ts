import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { D } from '../_lib/decimal';
import { parseCivilDate } from '../_lib/dates';
import { readAmount } from '../amount/readAmount';
import { readDate } from '../calendar/days';
import { SunshineInputError, inputError } from '../errors';
import { resolvePolicy } from '../policy/policies';
import type { Citation, Policy } from '../policy/schema';
import { readQuantity } from './quantity';

function noParameter(fn: string, p: Policy, what: string, field: string, example: string): SunshineInputError {
  return inputError(fn, 'policy', p.id, `a policy with ${what} (vbp.${field}), such as "${example}"`);
}

/** What {@link vbpVolumeRange} returns. */
export interface VbpVolumeRange {
  readonly min: Decimal;
  readonly max: Decimal;
  readonly minShare: Decimal;
  readonly maxShare: Decimal;
  readonly citation: Citation;
}

/**
 * The VBP volume range from the yearly usage of the public institutions: yushe-2020 §3(1)
 * estimates it at no less than 50%–70% of the yearly usage.
 *
 * @category VBP
 * @see yushe-2020 §3(1)
 * @param annualUsage - the institutions' yearly usage (packs, pieces)
 * @param policy - a policy with `vbp.volumeShare`; `'yushe-2020'` by default
 * @returns `{ min, max, minShare, maxShare, citation }`
 * @throws {SunshineInputError} for a negative or non-numeric usage, or a policy without the parameter
 * @example
 * vbpVolumeRange('10000').max.toString() //=> '7000'
 */
export function vbpVolumeRange(annualUsage: string | number | Decimal, policy: PolicyId | Policy = 'yushe-2020'): VbpVolumeRange {
  const fn = 'vbpVolumeRange';
  const p = resolvePolicy(policy, fn);
  const usage = readQuantity(annualUsage, fn, 'annualUsage');
  const range = p.vbp.volumeShare;
  if (range === undefined) throw noParameter(fn, p, 'a VBP volume share', 'volumeShare', 'yushe-2020');
  const minShare = new D(range.min);
  const maxShare = new D(range.max);
  return { min: usage.times(minShare), max: usage.times(maxShare), minShare, maxShare, citation: { policyId: p.id, document: p.document, clause: range.clause } };
}

/** What {@link minimumPrepayment} returns. */
export interface MinimumPrepayment {
  /** share × amount, rounded up to the fen: a minimum must not fall short. */
  readonly minimum: Decimal;
  /** share × amount, unrounded. */
  readonly exact: Decimal;
  readonly share: Decimal;
  readonly citation: Citation;
}

/**
 * The least amount the healthcare-security fund prepays to an institution: yushe-2020 §3(2)
 * prepays no less than 30% of the VBP purchase amount. Rounded up to the fen (分), so that
 * the figure is never below the minimum.
 *
 * @category VBP
 * @see yushe-2020 §3(2)
 * @param amount - the VBP purchase amount, 元
 * @param policy - a policy with `vbp.minimumPrepaymentShare`; `'yushe-2020'` by default
 * @returns `{ minimum, exact, share, citation }`
 * @throws {SunshineInputError} for a negative or non-numeric amount, or a policy without the parameter
 * @example
 * minimumPrepayment('1000.05').minimum.toFixed(2) //=> '300.02'
 */
export function minimumPrepayment(amount: string | number | Decimal, policy: PolicyId | Policy = 'yushe-2020'): MinimumPrepayment {
  const fn = 'minimumPrepayment';
  const p = resolvePolicy(policy, fn);
  const a = readAmount(amount);
  if (a === null || a.isNegative()) {
    throw inputError(fn, 'amount', amount, 'a non-negative decimal amount in 元 such as "1234.56"', 'invalid-amount');
  }
  const param = p.vbp.minimumPrepaymentShare;
  if (param === undefined) throw noParameter(fn, p, 'a minimum prepayment share', 'minimumPrepaymentShare', 'yushe-2020');
  const share = new D(param.value);
  const exact = a.times(share);
  return { minimum: exact.toDecimalPlaces(2, D.ROUND_UP), exact, share, citation: { policyId: p.id, document: p.document, clause: param.clause } };
}

/**
 * The first day of selected-product checks: ganzhou-2023 §2(2) starts them from the 3rd month
 * after the selection result takes effect, the month of effect being month 1 (effect on
 * 2024-05-15 → checks from 2024-07-01).
 *
 * @category VBP
 * @see ganzhou-2023 §2(2)
 * @param effectiveDate - the date the selection result takes effect
 * @param policy - a policy with `vbp.monitoringStartMonth`; `'ganzhou-2023'` by default
 * @returns the civil date checks begin
 * @throws {SunshineInputError} for a bad date or a policy without the parameter
 * @example
 * monitoringStart('2024-05-15') //=> '2024-07-01'
 */
export function monitoringStart(effectiveDate: string, policy: PolicyId | Policy = 'ganzhou-2023'): string {
  const fn = 'monitoringStart';
  const p = resolvePolicy(policy, fn);
  readDate(effectiveDate, fn, 'effectiveDate');
  const param = p.vbp.monitoringStartMonth;
  if (param === undefined) throw noParameter(fn, p, 'a monitoring start month', 'monitoringStartMonth', 'ganzhou-2023');
  const d = parseCivilDate(effectiveDate)!;
  const index = d.month - 1 + (param.value - 1);
  const year = d.year + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}
