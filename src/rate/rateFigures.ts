import type { Decimal } from 'decimal.js';
import { D, DS } from '../_lib/decimal';
import type { RateFigures, Warning } from './types';

/**
 * Rate, status and warnings from exact amounts: the one place where the
 * status rules live (DESIGN.md "Status 'inconsistent'"). `quotient`, when given, computes
 * platform ÷ total another way that gives the same Decimal (the line engine's fen sums).
 * @internal
 */
export function rateFigures(platformAmount: Decimal, totalAmount: Decimal, emergencyAmount: Decimal, quotient?: () => Decimal): RateFigures {
  const warnings: Warning[] = [];
  if (totalAmount.isNegative() && !totalAmount.isZero()) {
    warnings.push({ code: 'negative-total', message: `总金额为负（${totalAmount.toFixed()}）：退货大于采购 / the total is negative: returns exceed purchases` });
  }
  if (platformAmount.isNegative() && !platformAmount.isZero()) {
    warnings.push({ code: 'negative-platform', message: `省平台采购金额为负（${platformAmount.toFixed()}）：退货大于采购 / the platform amount is negative: returns exceed purchases` });
  }
  if (emergencyAmount.isNegative() && !emergencyAmount.isZero()) {
    warnings.push({ code: 'negative-emergency', message: `应急采购金额为负（${emergencyAmount.toFixed()}） / the emergency amount is negative` });
  }
  if (platformAmount.greaterThan(totalAmount)) {
    warnings.push({ code: 'platform-exceeds-total', message: `省平台采购金额（${platformAmount.toFixed()}）大于总金额（${totalAmount.toFixed()}） / the platform amount exceeds the total` });
  } else if (new DS(platformAmount).plus(emergencyAmount).greaterThan(totalAmount)) {
    warnings.push({ code: 'parts-exceed-total', message: `省平台与应急采购金额之和大于总金额（${totalAmount.toFixed()}） / platform + emergency exceeds the total` });
  }
  if (warnings.length > 0) {
    return { platformAmount, totalAmount, emergencyAmount, rate: null, status: 'inconsistent', warnings };
  }
  if (totalAmount.isZero()) {
    return { platformAmount, totalAmount, emergencyAmount, rate: null, status: 'no-purchases', warnings };
  }
  return { platformAmount, totalAmount, emergencyAmount, rate: quotient === undefined ? new D(platformAmount).dividedBy(totalAmount) : quotient(), status: 'ok', warnings };
}
