import type { Decimal } from 'decimal.js';
import * as z from 'zod/mini';
import { isDecimalLike } from '../_lib/decimal';
import { AMOUNT_EXPECTED, readAmount } from './readAmount';
import { pure } from '../_lib/pure';

/**
 * An amount in 元 (yuan): a decimal string (preferred), a finite number or a
 * decimal.js `Decimal`, read exactly into a `Decimal`.
 *
 * @category Amounts
 * @example
 * AmountSchema.parse('1234.56').toFixed(2) //=> '1234.56'
 */
export const AmountSchema = /* @__PURE__ */ pure(() => z.pipe(
  z.union([z.string(), z.number(), z.custom<Decimal>((v) => isDecimalLike(v), { message: 'expected a Decimal' })], {
    error: `expected ${AMOUNT_EXPECTED}`,
  }),
  z.transform((value, ctx): Decimal => {
    const amount = readAmount(value);
    if (amount === null) {
      ctx.issues.push({ code: 'custom', message: `expected ${AMOUNT_EXPECTED}`, input: value });
      return z.NEVER;
    }
    return amount;
  }),
));
