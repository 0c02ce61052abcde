import type { PurchaseLineInput } from '../rate/lineSchema';

/**
 * Where an adapter's row was: `index`, its position in the rows or records passed (from 0: what the
 * function counts, `rows[index]`); and `row`, for rows read from a table ({@link fromCsvRows}), the
 * row of the file as a spreadsheet shows it (the header is row 1, unless `headerRow` says
 * otherwise; one file row a record). Records that are not table rows ({@link fromNhsaRecords},
 * {@link measuresFromMonitoringForm}) have no `row`.
 */
export interface RowPlace {
  readonly index: number;
  readonly row?: number | undefined;
}

/** A row an adapter could not map: where it was, the column, the value and what was expected. */
export interface AdapterRejection extends RowPlace {
  readonly column: string;
  readonly value: unknown;
  readonly expected: string;
}

/** A row an adapter left out on purpose, with the reason (e.g. a gift). */
export interface AdapterExclusion extends RowPlace {
  readonly reason: string;
  /** The amount the row would have had, 元, as an exact decimal string. */
  readonly amount: string;
}

/** What an adapter returns: every input row is in exactly one of the three lists. */
export interface AdapterResult {
  /** The purchase lines, each with where it was (extra fields: measureOnlineRates ignores them). */
  readonly lines: readonly (PurchaseLineInput & RowPlace)[];
  readonly excluded: readonly AdapterExclusion[];
  readonly rejected: readonly AdapterRejection[];
}
