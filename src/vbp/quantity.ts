import type { Decimal } from 'decimal.js';
import { readAmount } from '../amount/readAmount';
import { inputError } from '../errors';
import { readDate } from '../calendar/days';

/** What a quantity must be, for error messages. */
export const QUANTITY_EXPECTED = 'a non-negative decimal quantity such as "1200" or "37.5" (packs, pieces)';

/** Reads a non-negative exact quantity or throws naming the field. @internal */
export function readQuantity(value: unknown, fn: string, path: string): Decimal {
  const q = readAmount(value);
  if (q === null || q.isNegative()) {
    throw inputError(fn, path, value, QUANTITY_EXPECTED, 'invalid-amount');
  }
  return q;
}

/** A procurement cycle `{ start, end }`, civil dates, both included. */
export interface Cycle {
  readonly start: string;
  readonly end: string;
}

/** Reads a cycle into day numbers or throws naming the field. @internal */
export function readCycle(cycle: unknown, fn: string, path: string): { start: number; end: number } {
  if (typeof cycle !== 'object' || cycle === null) {
    throw inputError(fn, path, cycle, 'a cycle { start, end } of civil dates "YYYY-MM-DD"', 'missing');
  }
  const c = cycle as Partial<Cycle>;
  const start = readDate(c.start, fn, `${path}.start`);
  const end = readDate(c.end, fn, `${path}.end`);
  if (end < start) {
    throw inputError(fn, `${path}.end`, c.end, `a date on or after ${path}.start (${c.start})`, 'out-of-range');
  }
  return { start, end };
}
