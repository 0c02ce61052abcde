/**
 * Civil dates (`YYYY-MM-DD`) as integer day numbers, with no `Date` and so no
 * dependence on the host time zone.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The earliest and latest years a civil date may have. */
/** What a date must be, in error messages (written once: it is in a dozen messages). */
export const CIVIL_DATE = 'a real civil date "YYYY-MM-DD"';
/** The same, as a zod or reader message. */
export const EXPECTED_CIVIL_DATE = `expected ${CIVIL_DATE}`;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Splits a `YYYY-MM-DD` string into numbers, or returns null when it is not a real date. */
export function parseCivilDate(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  const m = DATE_RE.exec(value);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `value` is a real `YYYY-MM-DD` civil date between 1900 and 9999. */
export function isCivilDate(value: unknown): value is string {
  return parseCivilDate(value) !== null;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), by integer arithmetic. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of a date string already known to be valid. */
export function toDayNumber(date: string): number {
  const p = parseCivilDate(date);
  if (p === null) throw new Error(`internal: not a civil date: ${date}`);
  return dayNumber(p.year, p.month, p.day);
}

/** The `YYYY-MM-DD` string of a day number. */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days in each month of a leap year; February of other years is checked apart. */
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * When the first ten characters of `s` are a real `YYYY-MM-DD` date from 1900 to 9999, that date
 * as the number YYYYMMDD, else 0; read by character codes (the engine's and the adapters' hot path;
 * what follows is not looked at).
 */
export function datePrefix(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return 0;
  const y1 = s.charCodeAt(0) - 48;
  const y2 = s.charCodeAt(1) - 48;
  const y3 = s.charCodeAt(2) - 48;
  const y4 = s.charCodeAt(3) - 48;
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  // every digit in 0–9: their bitwise OR stays below 16 only if none is negative or above 15
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) >>> 0 > 15 || y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9) return 0;
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m]!) return 0;
  return m !== 2 || d < 29 || daysInMonth(y, 2) === 29 ? y * 10000 + m * 100 + d : 0;
}
