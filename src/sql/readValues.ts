import { ExactSum } from '../_lib/exactSum';
import { DS } from '../_lib/decimal';
import { LIMITS, significantDigitsOfText } from '../amount/readAmount';

/** A plain or scientific decimal, as drivers write exact numbers (`'1234.56'`, `'-0.000001'`, `'1E+3'`). */
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** The most significant digits a value may have: a sum's (46 before the point, 30 after: LIMITS). */
const MAX_DIGITS = 76;

/** What an amount read from a result row may be, for error messages. */
export const SQL_AMOUNT_EXPECTED =
  'an exact decimal below 10^46 with at most 30 decimals: a string such as "1234.56" (pg, mysql2), a safe integer, a bigint, or a driver\'s decimal value (DuckDB\'s DuckDBDecimalValue); a fractional number may have lost digits, read decimals as text';
/** What a count read from a result row may be, for error messages. */
export const SQL_COUNT_EXPECTED = 'a line count: a non-negative safe integer, as a number, a bigint or a string of digits';

/**
 * The exact decimal text of a value a driver returns for a DECIMAL or integer column, or null.
 * Numbers must be safe integers: a fractional double (DuckDB's getRowsJS, mysql2's
 * decimalNumbers) may already have lost digits.
 * @internal
 */
export function decimalText(value: unknown): string | null {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return null;
    text = String(value);
  } else if (typeof value === 'bigint') text = String(value);
  else if (typeof value === 'object' && value !== null) {
    // DuckDB's decimal value: the scaled integer and the scale, read without its toString
    const v = value as { value?: unknown; scale?: unknown };
    if (typeof v.value === 'bigint' && typeof v.scale === 'number' && Number.isInteger(v.scale) && v.scale >= 0 && v.scale <= 76) {
      const digits = String(v.value < 0 ? -v.value : v.value).padStart(v.scale + 1, '0');
      const point = digits.length - v.scale;
      text = `${v.value < 0 ? '-' : ''}${digits.slice(0, point)}${v.scale > 0 ? `.${digits.slice(point)}` : ''}`;
    } else {
      // a value with its own text: decimal.js's Decimal ('1e-7', 'Infinity': refused below), a driver's
      // number type; a plain object's '[object Object]' is refused below; a value without a text (no
      // toString, one that throws or gives an object) here
      try {
        text = String(value);
      } catch {
        return null;
      }
    }
  } else {
    return null;
  }
  if (text.length > 200 || !DECIMAL_TEXT.test(text)) return null;
  return significantDigitsOfText(text) > MAX_DIGITS ? null : text;
}

/** An exact amount read from a result cell, or null. @internal */
export function readSqlAmount(value: unknown): ExactSum | null {
  const text = decimalText(value);
  if (text === null) return null;
  // the limit of a sum, as the engine and the JSON state keep it: below 10^46, at most 30 decimals
  const d = new DS(text);
  return d.abs().lessThan('1e46') && d.decimalPlaces() <= LIMITS.fractionDigits ? ExactSum.fromString(d.toFixed()) : null;
}

/** A line count read from a result cell, or null. @internal */
export function readSqlCount(value: unknown): number | null {
  const text = decimalText(value) ?? '';
  if (!/^\+?\d+(?:\.0*)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
