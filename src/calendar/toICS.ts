import { strictKeys } from '../_lib/options';
import { dayNumber, fromDayNumber, parseCivilDate } from '../_lib/dates';
import { formatIcsUtc, parseInstant } from '../_lib/instant';
import { inputError } from '../errors';
import type { DeadlineEvent } from './reportingSchedule';
import { pure } from '../_lib/pure';

/** Options of {@link toICS}. */
export interface ToICSOptions {
  /** The DTSTAMP of every event, an instant with an offset: the library reads no clock. */
  readonly dtstamp: string;
  /** The calendar's display name (X-WR-CALNAME). */
  readonly name?: string | undefined;
}

const encoder = /* @__PURE__ */ pure(() => new TextEncoder());

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (date: string) => date.replaceAll('-', '');

/**
 * Deadline events as iCalendar text (RFC 5545) that calendar apps import: CRLF line ends,
 * lines folded at 75 octets, a stable UID per event, all-day `DTSTART;VALUE=DATE`, Chinese
 * summaries with the citation in the description. Events without a due date (a bulletin
 * the document gives no date for) are left out.
 *
 * @category Calendar
 * @param events - from {@link reportingSchedule}
 * @param options - `{ dtstamp, name? }`
 * @returns the VCALENDAR text
 * @throws {SunshineInputError} for a dtstamp without an offset or an event with a bad date
 * @example
 * toICS(reportingSchedule('ganzhou-2023', { year: 2025 }), { dtstamp: '2026-01-01T00:00:00+08:00' }).startsWith('BEGIN:VCALENDAR\r\n') //=> true
 */
export function toICS(events: readonly DeadlineEvent[], options: ToICSOptions): string {
  const fn = 'toICS';
  strictKeys(options, ['dtstamp', 'name'], fn);
  const stamp = parseInstant(options?.dtstamp);
  if (stamp === null) {
    throw inputError(fn, 'options.dtstamp', options?.dtstamp, 'an instant with an explicit offset such as "2026-11-23T09:00:00+08:00"', 'invalid-date');
  }
  if (!Array.isArray(events)) {
    throw inputError(fn, 'events', events, 'an array of events from reportingSchedule', 'invalid-type');
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//sunshine-procurement//deadlines//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  events.forEach((e, i) => {
    if (e.due === null) return;
    const p = parseCivilDate(e.due);
    if (p === null) {
      throw inputError(fn, `events[${i}].due`, e.due, 'a real civil date "YYYY-MM-DD" or null', 'invalid-date');
    }
    const next = fromDayNumber(dayNumber(p.year, p.month, p.day) + 1);
    const description = [
      `依据：${e.citation.document} ${e.citation.clause}`,
      e.who === undefined ? null : `报送：${e.who}${e.to === undefined ? '' : ` → ${e.to}`}`,
      e.rolled ? `原定 ${e.nominalDue}，遇休息日顺延至下一个工作日（民法典第二百零三条）` : null,
      e.provisional ? '所在年份的节假日安排尚未发布，日期暂定' : null,
      e.note ?? null,
      `${e.labelEn} (${e.period})`,
    ].filter((x): x is string => x !== null);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.policyId}.${e.kind}.${e.period}@sunshine-procurement`,
      `DTSTAMP:${formatIcsUtc(stamp)}`,
      `DTSTART;VALUE=DATE:${compact(e.due)}`,
      `DTEND;VALUE=DATE:${compact(next)}`,
      `SUMMARY:${escapeText(`${e.label}（${e.period}）`)}`,
      `DESCRIPTION:${escapeText(description.join('\n'))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
