import { dayNumber, fromDayNumber, parseCivilDate } from './dates';

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

/** Seconds since 1970-01-01T00:00Z of an ISO 8601 instant with an explicit offset, or null. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = INSTANT_RE.exec(value);
  if (m === null) return null;
  const date = parseCivilDate(m[1]);
  const h = Number(m[2]);
  const min = Number(m[3]);
  const s = m[4] === undefined ? 0 : Number(m[4]);
  if (date === null || h > 23 || min > 59 || s > 59) return null;
  let offset = 0;
  const z = m[5]!;
  if (z !== 'Z') {
    const oh = Number(z.slice(1, 3));
    const om = Number(z.slice(4, 6));
    if (oh > 14 || om > 59) return null;
    offset = (z[0] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  return dayNumber(date.year, date.month, date.day) * 86400 + h * 3600 + min * 60 + s - offset;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats seconds since the epoch as `YYYY-MM-DDTHH:mm:ss+08:00` (China Standard Time, no DST). */
export function formatInstantCst(seconds: number): string {
  const local = seconds + 8 * 3600;
  const day = Math.floor(local / 86400);
  const rest = local - day * 86400;
  return `${fromDayNumber(day)}T${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}+08:00`;
}

/** The civil date in China (+08:00) of an instant. */
export function cstDayNumber(seconds: number): number {
  return Math.floor((seconds + 8 * 3600) / 86400);
}

/** Formats seconds since the epoch as an iCalendar UTC date-time `YYYYMMDDTHHMMSSZ`. */
export function formatIcsUtc(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  const rest = seconds - day * 86400;
  return `${fromDayNumber(day).replaceAll('-', '')}T${pad(Math.floor(rest / 3600))}${pad(Math.floor((rest % 3600) / 60))}${pad(rest % 60)}Z`;
}
