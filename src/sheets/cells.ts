/**
 * Reading cell values the way spreadsheets pass them, and writing results back.
 * Numbers and conversions to `number` live here only (STYLE.md §6): the sheet shows them.
 */
import { Decimal } from 'decimal.js';
import { parseAmount } from '../index';

/** The date serial of 1899-12-30 as a day number (days since 1970-01-01): Excel's and WPS's day zero. */
const SERIAL_EPOCH = -25569;
/** Serial 61 is 1900-03-01: earlier serials suffer Excel's fictitious 1900-02-29, so they are refused. */
const FIRST_SERIAL = 61;
/** The sheet's time zone for Date cells: China Standard Time, +08:00, no daylight saving. */
const SHEET_OFFSET_MS = 8 * 3600 * 1000;

/** An argument error whose message says, in Chinese and English, which argument is wrong and why. */
export function argumentError(name: string, zh: string, en: string, value: unknown): Error {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  return new Error(`参数 ${name} 无效：${zh}，实为 ${shown} / argument ${name} is invalid: ${en}, got ${shown}`);
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell number kept to 15 significant digits, as spreadsheets hold them. */
function numberText(n: number): string {
  return Number(n.toPrecision(15)).toString();
}

/** Reads a number or numeric text (thousands separators, full-width digits, 万元 and a % sign allowed). */
export function readNumber(value: unknown, name: string): Decimal {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(numberText(value));
  if (typeof value === 'string' && !isBlank(value)) {
    try {
      // "85%" as typed into a cell
      const text = value.trim();
      const percent = text.endsWith('%') || text.endsWith('％');
      const d = new Decimal(parseAmount(percent ? text.slice(0, -1) : text, { lenient: true }).toString());
      return percent ? d.dividedBy(100) : d;
    } catch {
      // fall through to the bilingual error
    }
  }
  throw argumentError(name, '应为数字或数字文本', 'expected a number or numeric text', value);
}

/** Flattens a range (a 2-D array, or a single value), skipping blank cells. */
export function readRange(value: unknown, name: string): Decimal[] {
  const cells = Array.isArray(value) ? (value as unknown[]).flatMap((row) => (Array.isArray(row) ? (row as unknown[]) : [row])) : [value];
  const out: Decimal[] = [];
  cells.forEach((cell, i) => {
    if (isBlank(cell)) return;
    out.push(readNumber(cell, `${name}[${i + 1}]`));
  });
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function civilFromDayNumber(n: number): string {
  const d = new Date(n * 86400000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Reads a date cell: a `Date` (the civil date at +08:00), an Excel/WPS serial number (days since
 * 1899-12-30; a time of day is ignored), or text `YYYY-MM-DD` / `YYYY/M/D`.
 */
export function readDate(value: unknown, name: string): string {
  if (isDateObject(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw argumentError(name, '日期无效', 'the date is invalid', value);
    return civilFromDayNumber(Math.floor((ms + SHEET_OFFSET_MS) / 86400000));
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    const serial = Math.floor(value);
    if (serial < FIRST_SERIAL || serial > 2958465) throw argumentError(name, '日期序号应在 61（1900-03-01）到 2958465 之间', 'expected a date serial from 61 (1900-03-01) to 2958465', value);
    return civilFromDayNumber(SERIAL_EPOCH + serial);
  }
  if (typeof value === 'string') {
    const m = /^\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?\s*$/.exec(value);
    if (m !== null) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  }
  throw argumentError(name, '应为日期、日期序号或“YYYY-MM-DD”文本', 'expected a date, a date serial or "YYYY-MM-DD" text', value);
}

/** Reads a whole number (a count of working days). */
export function readInteger(value: unknown, name: string): number {
  const n = typeof value === 'string' && !isBlank(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  throw argumentError(name, '应为整数', 'expected a whole number', value);
}

/** Reads a text argument such as a policy id. */
export function readText(value: unknown, name: string): string {
  if (typeof value === 'string' && !isBlank(value)) return value.trim();
  throw argumentError(name, '应为文本', 'expected text', value);
}

/** How a host wants dates back: Google Sheets takes a `Date`, Excel and WPS a date serial. */
export type DateOutput = 'date' | 'serial';

/** A civil date for the host: a Date at midnight +08:00, or the serial number. */
export function writeDate(civil: string, output: DateOutput): Date | number {
  const [y, m, d] = civil.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  if (output === 'date') return new Date(utc - SHEET_OFFSET_MS);
  return utc / 86400000 - SERIAL_EPOCH;
}

/** A Decimal for a cell. */
export function writeNumber(d: Decimal): number {
  return d.toNumber();
}
