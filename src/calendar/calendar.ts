import { strictKeys } from '../_lib/options';
import { dayNumber, isCivilDate, parseCivilDate, EXPECTED_CIVIL_DATE } from '../_lib/dates';
import { ERROR_KIND, SunshineInputError, type InputIssue, inputError } from '../errors';
import type { HolidayYear, HolidayYearInput } from './schema';
import { array, bool, int, minLength, object, optional, readOrThrow, refine, str } from '../_lib/read';
import { pure } from '../_lib/pure';

/** The kind of a day: a working day, a weekend rest day, a day off in a holiday block, or a make-up working day (调休). */
export type DayKind = 'workday' | 'rest-day' | 'holiday' | 'makeup-workday';

/**
 * Chinese labels of the day kinds.
 *
 * @category Calendar
 * @example
 * DAY_KIND_LABELS['makeup-workday'] //=> '调休上班'
 */
export const DAY_KIND_LABELS = {
  workday: '工作日',
  'rest-day': '休息日',
  holiday: '节假日',
  'makeup-workday': '调休上班',
} as const satisfies Record<DayKind, string>;

const KIND_CODES: readonly DayKind[] = ['workday', 'rest-day', 'holiday', 'makeup-workday'];

/** The precomputed index of a calendar: constant-time queries. @internal */
export interface CalendarIndex {
  /** Day number of 1 January of the first covered year. */
  readonly start: number;
  /** Day number of 31 December of the last covered year. */
  readonly end: number;
  /** Kind code of each covered day (index = day − start). */
  readonly kinds: Uint8Array;
  /** cum[i] = working days in [start, start + i). Length: days + 1. */
  readonly cum: Int32Array;
  /** The working days' day numbers, ascending. */
  readonly workdays: Int32Array;
  /** Holiday names by day number. */
  readonly names: ReadonlyMap<number, string>;
}

/** @internal */
export const INDEX: unique symbol = /* @__PURE__ */ Symbol('sunshine-procurement.calendar-index');

/**
 * A working-day calendar: the years it covers, the notices it rests on, and a
 * precomputed index. Build one with {@link createWorkdayCalendar}; the built-in
 * one is {@link cnWorkdayCalendar}.
 */
export interface WorkdayCalendar {
  /** The first and last year covered, both included; dates outside raise {@link CalendarCoverageError}. */
  readonly coverage: { readonly from: number; readonly to: number };
  /** The notices, one per covered year. */
  readonly sources: ReadonlyArray<{ readonly year: number; readonly title: string | undefined; readonly papers: readonly string[] }>;
  /** @internal */
  readonly [INDEX]: CalendarIndex;
}

/**
 * A date outside the years a calendar covers: the library never guesses a year's holidays.
 *
 * @category Errors
 * @example
 * try { isWorkday('2031-05-06'); } catch (e) { (e as CalendarCoverageError).year; } //=> 2031
 */
export class CalendarCoverageError extends SunshineInputError {
  /** @internal */
  static override readonly [ERROR_KIND]: string = 'CalendarCoverageError';
  override readonly name: string = 'CalendarCoverageError';
  /** The year that is not covered. */
  readonly year: number;
  /** The years the calendar covers. */
  readonly covered: { readonly from: number; readonly to: number };

  constructor(fn: string, path: string, value: unknown, year: number, covered: { from: number; to: number }, what = 'a date') {
    super(fn, [
      {
        code: 'out-of-range',
        path,
        value,
        expected: `${what} in ${covered.from}–${covered.to}, the years the calendar covers (${year} is not covered: pass that year's State Council holiday notice as data, e.g. createWorkdayCalendar([{ year: ${year}, days: [...] }], { base: cnWorkdayCalendar }))`,
      },
    ]);
    this.year = year;
    this.covered = covered;
  }
}

/** The years, read as `z.array(HolidayYearSchema)` with at least one would read them, without zod (../_lib/read.ts). */
const readYears = /* @__PURE__ */ pure(() =>
  array(
    object({
      year: int(1950, 2200),
      title: optional(str()),
      papers: optional(array(str())),
      days: array(
        object({
          date: str({}, refine(isCivilDate, EXPECTED_CIVIL_DATE)),
          name: str({ trim: true }, minLength(1, 'expected the holiday name, e.g. "春节"')),
          isOffDay: bool,
        }),
      ),
    }),
    { n: 1, message: 'expected at least one year of holiday data' },
  ),
);

/** Options of {@link createWorkdayCalendar}. */
export interface CreateWorkdayCalendarOptions {
  /** A calendar whose years to keep; years given in `years` replace its years of the same number. */
  readonly base?: WorkdayCalendar | undefined;
}

/**
 * Builds a working-day calendar from holiday notices given as data (the shape of the
 * holiday-cn yearly files), e.g. 2027 once its notice is out, or a local arrangement.
 *
 * Checks: dates are real; a day is not both off and a make-up working day; a notice's
 * days fall in its year or next to it (a notice may reach into the neighbouring
 * year); each year holds its holidays (a year with no day off in it is an unpublished
 * notice); the years covered are consecutive.
 *
 * @category Calendar
 * @param years - one entry per year: `{ year, title?, papers?, days: [{ date, name, isOffDay }] }`
 * @param options - `{ base? }`: extend an existing calendar, e.g. {@link cnWorkdayCalendar}
 * @returns the calendar, with the years it covers
 * @throws {SunshineInputError} naming the field at fault
 * @example
 * const cal = createWorkdayCalendar([{ year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }] }]);
 * isWorkday('2027-01-01', cal) //=> false
 */
export function createWorkdayCalendar(years: readonly HolidayYearInput[], options: CreateWorkdayCalendarOptions = {}): WorkdayCalendar {
  strictKeys(options, ['base'], 'createWorkdayCalendar');
  const parsed: HolidayYear[] = readOrThrow(readYears, years, 'createWorkdayCalendar', 'years');
  return buildCalendar(parsed, options.base, 'createWorkdayCalendar');
}

/** Builds a calendar from already-parsed years. @internal */
export function buildCalendar(input: readonly HolidayYear[], base: WorkdayCalendar | undefined, fn: string): WorkdayCalendar {
  const byYear = new Map<number, { year: HolidayYear; path: string }>();
  if (base !== undefined) {
    for (const y of baseYears(base)) byYear.set(y.year, { year: y, path: `base(${y.year})` });
  }
  const seen = new Set<number>();
  input.forEach((y, i) => {
    if (seen.has(y.year)) {
      throw inputError(fn, `years[${i}].year`, y.year, 'each year once', 'duplicate');
    }
    seen.add(y.year);
    byYear.set(y.year, { year: y, path: `years[${i}]` });
  });
  const numbers = [...byYear.keys()].sort((a, b) => a - b);
  const from = numbers[0]!;
  const to = numbers[numbers.length - 1]!;
  for (let y = from; y <= to; y++) {
    if (!byYear.has(y)) {
      throw inputError(fn, 'years', numbers, `consecutive years (${y} is missing between ${from} and ${to})`, 'missing');
    }
  }
  const start = dayNumber(from, 1, 1);
  const end = dayNumber(to, 12, 31);
  const override = new Map<number, { off: boolean; name: string; path: string }>();
  const issues: InputIssue[] = [];
  for (const { year, path } of byYear.values()) {
    let hasOwnOff = false;
    year.days.forEach((d, j) => {
      const p = parseCivilDate(d.date)!;
      const at = `${path}.days[${j}]`;
      if (Math.abs(p.year - year.year) > 1) {
        issues.push({ code: 'out-of-range', path: `${at}.date`, value: d.date, expected: `a date in ${year.year} or next to it` });
        return;
      }
      if (p.year === year.year && d.isOffDay) hasOwnOff = true;
      const n = dayNumber(p.year, p.month, p.day);
      const prev = override.get(n);
      if (prev !== undefined && prev.off !== d.isOffDay) {
        issues.push({ code: 'invalid-value', path: `${at}.isOffDay`, value: d.isOffDay, expected: `the same status as ${prev.path} (${d.date} cannot be both a day off and a make-up working day)` });
        return;
      }
      override.set(n, { off: d.isOffDay, name: d.name, path: at });
    });
    if (!hasOwnOff) {
      issues.push({ code: 'missing', path: `${path}.days`, value: year.days.length, expected: `the holidays of ${year.year} (a year with no day off is a notice not yet published)` });
    }
  }
  if (issues.length > 0) throw new SunshineInputError(fn, issues);

  const length = end - start + 1;
  const kinds = new Uint8Array(length);
  const cum = new Int32Array(length + 1);
  const names = new Map<number, string>();
  const workdayList: number[] = [];
  for (let i = 0; i < length; i++) {
    const n = start + i;
    const weekend = isWeekendDay(n);
    const o = override.get(n);
    let kind: DayKind;
    if (o === undefined) kind = weekend ? 'rest-day' : 'workday';
    else if (o.off) kind = 'holiday';
    else kind = weekend ? 'makeup-workday' : 'workday';
    if (o !== undefined) names.set(n, o.name);
    kinds[i] = KIND_CODES.indexOf(kind);
    const work = kind === 'workday' || kind === 'makeup-workday';
    cum[i + 1] = cum[i]! + (work ? 1 : 0);
    if (work) workdayList.push(n);
  }
  const sources = numbers.map((y) => {
    const year = byYear.get(y)!.year;
    return { year: y, title: year.title, papers: year.papers ?? [] };
  });
  const index: CalendarIndex = { start, end, kinds, cum, workdays: Int32Array.from(workdayList), names };
  const calendar: WorkdayCalendar = { coverage: { from, to }, sources, [INDEX]: index };
  YEARS.set(calendar, [...byYear.values()].map((v) => v.year));
  return Object.freeze(calendar);
}

const YEARS = /* @__PURE__ */ pure(() => new WeakMap<WorkdayCalendar, HolidayYear[]>());

/** The calendars made by lazyCalendar, with the function that builds each. */
const LAZY = /* @__PURE__ */ pure(() => new WeakMap<WorkdayCalendar, () => WorkdayCalendar>());

/**
 * A calendar built by `make` on first use (the built-in one: nothing is computed at import, and a
 * bundle that never reads it drops its data). Its fields are getters onto the built calendar.
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function lazyCalendar(make: () => WorkdayCalendar): WorkdayCalendar {
  let built: WorkdayCalendar | undefined;
  const get = (): WorkdayCalendar => (built ??= make());
  const calendar: WorkdayCalendar = {
    get coverage() {
      return get().coverage;
    },
    get sources() {
      return get().sources;
    },
    get [INDEX]() {
      return get()[INDEX];
    },
  };
  LAZY.set(calendar, get);
  return Object.freeze(calendar);
}

function baseYears(base: WorkdayCalendar): HolidayYear[] {
  const lazy = LAZY.get(base);
  const years = YEARS.get(lazy === undefined ? base : lazy());
  if (years === undefined) {
    throw inputError('createWorkdayCalendar', 'options.base', base, 'a calendar from createWorkdayCalendar or cnWorkdayCalendar', 'invalid-type');
  }
  return years;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). @internal */
export function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

function isWeekendDay(n: number): boolean {
  return weekdayOf(n) >= 6;
}

/** @internal */
export { KIND_CODES };
