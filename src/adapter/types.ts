import type { PurchaseLineInput } from '../rate/lineSchema';

/** A row an adapter could not map: its number (from 1), the column, the value and what was expected. */
export interface AdapterRejection {
  readonly row: number;
  readonly column: string;
  readonly value: unknown;
  readonly expected: string;
}

/** A row an adapter left out on purpose, with the reason (e.g. a gift). */
export interface AdapterExclusion {
  readonly row: number;
  readonly reason: string;
  /** The amount the row would have had, 元, as an exact decimal string. */
  readonly amount: string;
}

/** What an adapter returns: every input row is in exactly one of the three lists. */
export interface AdapterResult {
  readonly lines: readonly (PurchaseLineInput & { readonly row: number })[];
  readonly excluded: readonly AdapterExclusion[];
  readonly rejected: readonly AdapterRejection[];
}
