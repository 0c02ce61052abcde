import type Decimal from 'decimal.js';
import * as z from 'zod/mini';
import { ZERO } from '../_lib/decimal';
import { parseInput } from '../_lib/parseInput';
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
  const parsed = parseInput(OnlinePurchaseRateInputSchema, input, 'onlinePurchaseRate');
  const emergency: Decimal = parsed.emergencyAmount ?? ZERO;
  return rateFigures(parsed.platformAmount, parsed.totalAmount, emergency);
}
