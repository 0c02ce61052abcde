/**
 * What the adapters share: reading a date with its time, and walking rows of any iterable (sync
 * or async) in chunks. Internal.
 */
import { datePrefix, isCivilDate } from '../_lib/dates';
import { inputError, keepValue } from '../errors';
import type { AdapterExclusion, AdapterRejection, AdapterResult, RowPlace } from './types';
import type { PurchaseLineInput } from '../rate/lineSchema';

const DATE_PART = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
/** A time of day: 0–23 hours (one or two digits), minutes, optional seconds and fraction. */
export const TIME = /^(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?$/;
const MEMO = 4096;

/** Two digits at k making a number below `limit`. */
const two = (t: string, k: number, limit: number): boolean => {
  const a = t.charCodeAt(k) - 48;
  const b = t.charCodeAt(k + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && a * 10 + b < limit;
};
/** `HH:mm:ss` at 11–18 of a 19-character date and time, by character codes: what {@link TIME} accepts there (test/adapter/fastPaths.test.ts). @internal */
export const isTime = (t: string): boolean => two(t, 11, 24) && t.charCodeAt(13) === 58 && two(t, 14, 60) && t.charCodeAt(16) === 58 && two(t, 17, 60);

/**
 * A reader of dates as exports write them (`2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`),
 * optionally followed by a time of day (`10:20`, `9:05:30`, `10:20:00.000`, after a space or a
 * `T`), whose ranges are checked; gives the civil date or null. Remembers the dates it has read.
 */
export function dateReader(): (text: string) => string | null {
  const memo = new Map<string, string | null>();
  const days = new Map<number, string>();
  return (text) => {
    // the common forms by character codes: 2024-03-05, and 2024-03-05 10:20:00
    const key = text.length >= 10 ? datePrefix(text) : 0;
    if (key !== 0) {
      if (text.length === 10) return text;
      const c = text.charCodeAt(10);
      if (c === 32 || c === 84) {
        if (!((text.length === 19 && isTime(text)) || TIME.test(text.slice(11).trim()))) return null;
        // one string per day, shared by the lines of that day
        let day = days.get(key);
        if (day === undefined) {
          day = text.slice(0, 10);
          // Stryker disable next-line all: the memo's bound limits memory, not answers
          if (days.size < MEMO) days.set(key, day);
        }
        return day;
      }
    }
    let day = text;
    const at = text.search(/[ T]/);
    if (at >= 0) {
      if (!TIME.test(text.slice(at + 1).trim())) return null;
      day = text.slice(0, at);
    }
    let date = memo.get(day);
    if (date === undefined) {
      const m = DATE_PART.exec(day);
      date = m === null ? null : `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      if (date !== null && !isCivilDate(date)) date = null;
      // Stryker disable next-line all: the memo's bound limits memory, not answers
      if (memo.size < MEMO) memo.set(day, date);
    }
    return date;
  };
}

/** An adapter's result being filled. */
export interface Out {
  readonly lines: Array<PurchaseLineInput & RowPlace>;
  readonly excluded: AdapterExclusion[];
  readonly rejected: AdapterRejection[];
}
/**
 * How an adapter refuses a row: rejected into `out` with its index (and, for a table's rows, its
 * file row by `rowOf`), column, value and what was expected, or in strict mode thrown as `fn`'s
 * refusal of `arg[i].column`.
 */
export function rowRejecter(fn: string, arg: string, strict: boolean, rowOf?: (i: number) => number) {
  return (i: number, out: Out, column: string, value: unknown, expected: string): void => {
    if (strict) throw inputError(fn, column === '' ? `${arg}[${i}]` : `${arg}[${i}].${column}`, keepValue(value), expected);
    out.rejected.push(rowOf === undefined ? { index: i, column, value: keepValue(value), expected } : { index: i, row: rowOf(i), column, value: keepValue(value), expected });
  };
}

/** Maps the row at index i (0-based in the whole input) into `out`. */
export type MapRow = (raw: unknown, i: number, out: Out) => void;

const fresh = (): Out => ({ lines: [], excluded: [], rejected: [] });

/** Whether `rows` can be read: an iterable (not a string), or also an async iterable when `async`. */
function check(rows: unknown, fn: string, arg: string, async: boolean): void {
  const ok =
    rows !== null &&
    typeof rows === 'object' &&
    (typeof (rows as Iterable<unknown>)[Symbol.iterator] === 'function' || (async && typeof (rows as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'));
  if (!ok) throw inputError(fn, arg, rows, `an array or iterable of ${arg === 'rows' ? 'rows keyed by header' : '3503/3504 records'}`, 'invalid-type');
}

/** Every row, mapped into one result. */
export function mapAll(rows: unknown, fn: string, arg: string, map: MapRow): AdapterResult {
  check(rows, fn, arg, false);
  const out = fresh();
  let i = 0;
  for (const raw of rows as Iterable<unknown>) map(raw, i++, out);
  return out;
}

/** Options of the chunked adapters. */
export interface ChunkOptions {
  /** Rows per chunk (10,000 by default): each chunk's result is given before the next rows are read. */
  readonly chunkSize?: number | undefined;
}

/** The rows in chunks of `size`, each mapped into its own result (row numbers count from the first row of the input). */
export function mapChunks(rows: unknown, fn: string, arg: string, size: unknown, map: MapRow): Generator<AdapterResult> | AsyncGenerator<AdapterResult> {
  check(rows, fn, arg, true);
  const n = size ?? 10_000;
  if (!Number.isSafeInteger(n) || (n as number) < 1) throw inputError(fn, 'options.chunkSize', size, 'a whole number of rows, at least 1', 'out-of-range');
  if (typeof (rows as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return (function* () {
      let out = fresh();
      let i = 0;
      for (const raw of rows as Iterable<unknown>) {
        map(raw, i++, out);
        if (i % (n as number) === 0) {
          yield out;
          out = fresh();
        }
      }
      if (i % (n as number) !== 0) yield out;
    })();
  }
  return (async function* () {
    let out = fresh();
    let i = 0;
    for await (const raw of rows as AsyncIterable<unknown>) {
      map(raw, i++, out);
      if (i % (n as number) === 0) {
        yield out;
        out = fresh();
      }
    }
    if (i % (n as number) !== 0) yield out;
  })();
}
