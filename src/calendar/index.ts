export {
  CalendarCoverageError,
  DAY_KIND_LABELS,
  createWorkdayCalendar,
  type CreateWorkdayCalendarOptions,
  type DayKind,
  type WorkdayCalendar,
} from './calendar';
export { cnWorkdayCalendar } from './cnWorkdayCalendar';
export { CN_HOLIDAYS } from './data/cnHolidays';
export { addWorkdays, describeDay, isWorkday, nextWorkday, workdaysBetween, type DayInfo } from './queries';
export { HolidayDaySchema, HolidayYearSchema, type HolidayYear, type HolidayYearInput } from './schema';
export { reportingSchedule, type DeadlineEvent, type ReportingScheduleOptions } from './reportingSchedule';
export { filingDeadline, type FilingDeadline } from './filingDeadline';
export { orderResponseTimeline, type OrderResponseTimeline, type OrderResponseTimelineOptions } from './orderResponseTimeline';
export { toICS, type ToICSOptions } from './toICS';
