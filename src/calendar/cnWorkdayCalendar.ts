import { buildCalendar, lazyCalendar, type WorkdayCalendar } from './calendar';
import { CN_HOLIDAYS } from './data/cnHolidays';

/**
 * China's working-day calendar for 2019–2026, from the State Council's yearly holiday
 * notices (国务院办公厅关于部分节假日安排的通知), with their make-up working days (调休).
 * It covers the years in `coverage`; other years raise {@link CalendarCoverageError}.
 *
 * Built on first use (a query, or reading `coverage`), so importing the package computes nothing.
 *
 * Note: a notice can reach back into December of the year before (the 2019 notice made
 * 2018-12-29 a working day), so the last days of the last covered year are final only
 * once the next year's notice is out.
 *
 * @category Calendar
 * @see the State Council's yearly notices as collected by the holiday-cn data set (MIT licence), transcribed by scripts/generate-holidays.mjs
 * @example
 * cnWorkdayCalendar.coverage //=> { from: 2019, to: 2026 }
 */
export const cnWorkdayCalendar: WorkdayCalendar = /* @__PURE__ */ lazyCalendar(() =>
  buildCalendar(
    CN_HOLIDAYS.map((y) => ({ year: y.year, title: y.title, papers: [...y.papers], days: y.days.map((d) => ({ ...d })) })),
    undefined,
    'cnWorkdayCalendar',
  ),
);
