import type { Decimal } from 'decimal.js';
import * as z from 'zod/mini';
import { ZERO } from '../_lib/decimal';
import { AMOUNT_EXPECTED, readAmount } from '../amount/readAmount';
import { keepValue, SunshineInputError, type InputIssue, inputError } from '../errors';
import { AmountSchema } from '../amount/schema';
import { rateFigures } from './rateFigures';
import type { RateFigures } from './types';
import { pure } from '../_lib/pure';

/**
 * The amounts of {@link onlinePurchaseRate}.
 *
 * @category Rates
 * @example
 * OnlinePurchaseRateInputSchema.parse({ platformAmount: '850', totalAmount: '1000' }).totalAmount.toFixed() //=> '1000'
 */
export const OnlinePurchaseRateInputSchema = /* @__PURE__ */ pure(() => z.object({
  /** Amount bought on the provincial platform (省平台采购入库金额), 元. */
  platformAmount: AmountSchema,
  /** The institution's total inbound purchase amount (院内采购入库金额), 元. */
  totalAmount: AmountSchema,
  /** Of the total, emergency purchases (应急采购金额), 元; 0 when absent. */
  emergencyAmount: z.optional(AmountSchema),
}));
/** What {@link onlinePurchaseRate} takes. */
export type OnlinePurchaseRateInput = z.input<typeof OnlinePurchaseRateInputSchema>;
/** What {@link onlinePurchaseRate} returns. */
export type OnlinePurchaseRateResult = RateFigures;

/**
 * Online purchase rate (网上采购率): platform amount ÷ total amount; emergency
 * purchases stay in the total.
 *
 * @category Rates
 * @see jiangsu-2022 annex 1 §1(1), annex 2
 * @param input - amounts in 元; strings such as `'1234.56'` are preferred to numbers
 * @returns `rate` in [0, 1] with status `'ok'`; or `rate: null` with status
 *   `'no-purchases'` (total zero) or `'inconsistent'` (platform > total, a negative
 *   amount, or platform + emergency > total) and a warning saying which
 * @throws {SunshineInputError} when an amount is not a finite decimal
 * @example
 * onlinePurchaseRate({ platformAmount: '850', totalAmount: '1000' }).rate?.toFixed(2) //=> '0.85'
 */
export function onlinePurchaseRate(input: OnlinePurchaseRateInput): OnlinePurchaseRateResult {
  const fn = 'onlinePurchaseRate';
  const [platform, total, emergency] = readAmounts(input, fn);
  return rateFigures(platform, total, emergency ?? ZERO);
}

const FIELDS = ['platformAmount', 'totalAmount', 'emergencyAmount'] as const;

/**
 * The three amounts, read by hand exactly as {@link OnlinePurchaseRateInputSchema} reads them
 * (the same issues, in the same order, worded as parseInput words zod's; a differential property
 * test checks it), so that a bundle with only this function needs no zod.
 */
function readAmounts(input: unknown, fn: string): [Decimal, Decimal, Decimal | undefined] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw inputError(fn, '', keepValue(input), 'object', input === undefined ? 'missing' : 'invalid-value');
  }
  const issues: InputIssue[] = [];
  const out: (Decimal | undefined)[] = [];
  for (const field of FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (value === undefined && field === 'emergencyAmount') {
      out.push(undefined);
      continue;
    }
    const amount = readAmount(value);
    if (amount === null) issues.push({ code: value === undefined ? 'missing' : 'invalid-value', path: field, value: keepValue(value), expected: AMOUNT_EXPECTED });
    out.push(amount ?? undefined);
  }
  if (issues.length > 0) throw new SunshineInputError(fn, issues);
  return out as [Decimal, Decimal, Decimal | undefined];
}
