import { strictKeys } from '../_lib/options';
import { isDecimalLike } from '../_lib/decimal';
import { inputError } from '../errors';

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /** Start with a byte-order mark, so that WPS and Excel read the file as UTF-8 (true by default). */
  readonly bom?: boolean | undefined;
}

/** A number as a spreadsheet reads one: sign, digits, point, exponent. Such a cell stays a number. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection"): these at its start. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a number stays a number (negative amounts too); a text that a spreadsheet would take for
 * a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) gets a leading `'`, so that it is
 * shown as the text it is and never runs; a cell with a comma, a quote or a line break is quoted.
 */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : isDecimalLike(value) ? value.toFixed() : String(value);
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text that opens in WPS, Excel and LibreOffice without a step (UTF-8 with a BOM, CRLF)
 * and cannot carry code (issue 26): a text cell that would start a formula (`=HYPERLINK(…)`,
 * `=1+1`, `@SUM(…)`, `+`/`-` not followed by a number only, a leading tab or carriage return) is
 * written with a leading `'` (OWASP's rule), while numbers, negative amounts included, stay
 * numbers. `Decimal`s are written exactly. Every CSV the calculator page and the command line write
 * goes through it.
 *
 * @category Reports
 * @param rows - the rows, the header first; cells of any type (`null` and `undefined` are empty)
 * @param options - `{ bom = true }`
 * @returns the CSV text
 * @throws {SunshineInputError} when rows is not an array of arrays
 * @example
 * toCsv([['name', 'amount'], ['=1+1', '-36500.00']], { bom: false }) //=> "name,amount\r\n'=1+1,-36500.00\r\n"
 */
export function toCsv(rows: readonly (readonly unknown[])[], options: ToCsvOptions = {}): string {
  strictKeys(options, ['bom'], 'toCsv');
  if (!Array.isArray(rows)) throw inputError('toCsv', 'rows', rows, 'an array of rows, each an array of cells', 'invalid-type');
  const lines = rows.map((r, i) => {
    if (!Array.isArray(r)) throw inputError('toCsv', `rows[${i}]`, r, 'a row: an array of cells', 'invalid-type');
    return r.map(cell).join(',');
  });
  return `${options.bom === false ? '' : '\uFEFF'}${lines.map((l) => `${l}\r\n`).join('')}`;
}
