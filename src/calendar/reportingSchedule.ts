import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import { daysInMonth, dayNumber, fromDayNumber } from '../_lib/dates';
import { int, object, oneOf, optional, readOrThrow } from '../_lib/read';
import { resolvePolicy } from '../policy/policies';
import type { Citation, DeadlineRule, Policy } from '../policy/schema';
import { CalendarCoverageError, INDEX, type WorkdayCalendar } from './calendar';
import { calendarOf } from './days';
import { rollForward } from './queries';
import { pure } from '../_lib/pure';

/** Options of {@link reportingSchedule}. */
export interface ReportingScheduleOptions {
  /** The year whose periods to list (the December report, due the next January, included). */
  readonly year: number;
  /**
   * `'next-workday'` (default): a due date on a rest day moves to the next working day
   * (Civil Code art. 203); `'none'`: keep the nominal date.
   */
  readonly roll?: 'next-workday' | 'none' | undefined;
  /** The working-day calendar; {@link cnWorkdayCalendar} by default. */
  readonly calendar?: WorkdayCalendar | undefined;
}

/** One deadline of a schedule. */
export interface DeadlineEvent {
  /** The deadline's id in the policy, e.g. `'institution-monthly-report'`, `'annual-report'`. */
  readonly kind: string;
  readonly label: string;
  readonly labelEn: string;
  readonly policyId: string;
  /** The period reported: `'YYYY-MM'` (monthly), `'YYYY-Qn'` (quarterly) or `'YYYY'` (yearly, milestones). */
  readonly period: string;
  /** The date due after rolling; null where the document gives no date (the quarterly bulletin). */
  readonly due: string | null;
  /** The date the document names, before rolling. */
  readonly nominalDue: string | null;
  /** True when the nominal date fell on a rest day and was moved. */
  readonly rolled: boolean;
  /** True when rolling needed a year the calendar does not cover: `due` is then the nominal date. */
  readonly provisional: boolean;
  readonly who: string | undefined;
  readonly to: string | undefined;
  readonly note: string | undefined;
  readonly citation: Citation;
}

/** The options, read as a zod object of these fields would read them, without zod (../_lib/read.ts). */
const readOptions = /* @__PURE__ */ pure(() => object({ year: int(1990, 2200), roll: optional(oneOf(['next-workday', 'none'] as const)) }));

const pad = (n: number) => String(n).padStart(2, '0');

interface Draft {
  readonly rule: DeadlineRule;
  readonly period: string;
  readonly nominal: string | null;
  readonly sortKey: string;
  readonly roll: boolean;
  readonly note?: string;
}

function drafts(rule: DeadlineRule, year: number): Draft[] {
  switch (rule.rule) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => {
        const month = i + 1 + rule.monthsAfter;
        const y = year + Math.floor((month - 1) / 12);
        const m = ((month - 1) % 12) + 1;
        const nominal = `${y}-${pad(m)}-${pad(Math.min(rule.day, daysInMonth(y, m)))}`;
        return { rule, period: `${year}-${pad(i + 1)}`, nominal, sortKey: nominal, roll: true };
      });
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => {
        const next = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(q * 3 + 1)}-01`;
        return { rule, period: `${year}-Q${q}`, nominal: null, sortKey: `${next}~`, roll: false, note: rule.note ?? '文件未规定日期 / the document gives no date' };
      });
    case 'yearly': {
      const y = year + rule.yearsAfter;
      const nominal = `${y}-${pad(rule.month)}-${pad(Math.min(rule.day, daysInMonth(y, rule.month)))}`;
      return [{ rule, period: String(year), nominal, sortKey: nominal, roll: true }];
    }
    case 'fixed':
      return rule.date.startsWith(`${year}-`) ? [{ rule, period: String(year), nominal: rule.date, sortKey: rule.date, roll: false }] : [];
    default:
      return []; // event-driven rules: filingDeadline, orderResponseTimeline, monitoringStart
  }
}

/**
 * The deadlines of a policy for one year: monthly reports and summaries, quarterly
 * bulletins, the yearly report and the document's milestones. A due date on a rest day
 * rolls to the next working day (Civil Code art. 203: a period whose last day is a
 * statutory rest day ends on the first day after it); an event whose roll needs a year
 * the calendar does not cover is returned with `provisional: true`, not thrown.
 * Milestone dates set by a document (`fixed` rules) are listed as they are.
 *
 * @category Calendar
 * @see jiangsu-2022 §2(1), §2(2); ganzhou-2023 §3(2); jiangsu-2019 §2; hunan-2023 closing paragraph
 * @param policy - a policy object or a built-in id
 * @param options - `{ year, roll = 'next-workday', calendar? }`
 * @returns the events in date order (bulletins without a date after their quarter)
 * @throws {SunshineInputError} for an unknown policy or bad options
 * @example
 * reportingSchedule('jiangsu-2022', { year: 2026 })[0] //=> { kind: 'institution-monthly-report', period: '2026-01', nominalDue: '2026-02-15', due: '2026-02-24', rolled: true, … }
 */
export function reportingSchedule(policy: PolicyId | Policy, options: ReportingScheduleOptions): DeadlineEvent[] {
  const fn = 'reportingSchedule';
  strictKeys(options, ['year', 'roll', 'calendar'], fn);
  const p = resolvePolicy(policy, fn);
  const opts = readOrThrow(readOptions, { year: options?.year, roll: options?.roll }, fn, 'options');
  const roll = opts.roll ?? 'next-workday';
  const cal = calendarOf(options.calendar, fn);
  const all = p.deadlines.flatMap((rule) => drafts(rule, opts.year));
  all.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return all.map((d) => {
    let due = d.nominal;
    let rolled = false;
    let provisional = false;
    if (d.nominal !== null && d.roll && roll === 'next-workday') {
      const [y, m, day] = d.nominal.split('-').map(Number) as [number, number, number];
      const n = dayNumber(y, m, day);
      const idx = cal[INDEX];
      if (n < idx.start || n > idx.end) {
        provisional = true;
      } else {
        try {
          const r = rollForward(n, cal, fn, d.nominal);
          rolled = r !== n;
          due = fromDayNumber(r);
        } catch (e) {
          if (!(e instanceof CalendarCoverageError)) throw e;
          provisional = true;
        }
      }
    }
    return {
      kind: d.rule.id,
      label: d.rule.label,
      labelEn: d.rule.labelEn,
      policyId: p.id,
      period: d.period,
      due,
      nominalDue: d.nominal,
      rolled,
      provisional,
      who: d.rule.who,
      to: d.rule.to,
      note: d.note ?? d.rule.note,
      citation: { policyId: p.id, document: p.document, clause: d.rule.clause },
    };
  });
}
