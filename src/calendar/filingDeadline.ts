import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import { fromDayNumber } from '../_lib/dates';
import { inputError } from '../errors';
import { resolvePolicy } from '../policy/policies';
import type { Citation, Policy } from '../policy/schema';
import type { WorkdayCalendar } from './calendar';
import { calendarOf, readCoveredDate } from './days';
import { addWorkdaysTo } from './queries';

/** What {@link filingDeadline} returns. */
export interface FilingDeadline {
  /** The date of the negotiated purchase (not counted). */
  readonly purchasedOn: string;
  /** The last day to file it. */
  readonly due: string;
  /** The working days allowed. */
  readonly workdays: number;
  readonly citation: Citation;
}

/**
 * The last day to file a negotiated off-platform purchase (议价采购备案): ganzhou-2023 §2(4)
 * allows 7 working days; the purchase day is not counted (Civil Code art. 201).
 *
 * @category Calendar
 * @see ganzhou-2023 §2(4)
 * @param date - the purchase date `YYYY-MM-DD`
 * @param policy - a policy with a `negotiated-purchase-filing` rule; `'ganzhou-2023'` by default
 * @param options - `{ calendar? }`
 * @returns `{ purchasedOn, due, workdays, citation }`
 * @throws {SunshineInputError} for a bad date or a policy without such a rule
 * @throws {CalendarCoverageError} when the count leaves the calendar's years
 * @example
 * filingDeadline('2026-09-30').due //=> '2026-10-15'
 */
export function filingDeadline(date: string, policy: PolicyId | Policy = 'ganzhou-2023', options: { readonly calendar?: WorkdayCalendar | undefined } = {}): FilingDeadline {
  const fn = 'filingDeadline';
  strictKeys(options, ['calendar'], fn);
  const p = resolvePolicy(policy, fn);
  const rule = p.deadlines.find((d) => d.id === 'negotiated-purchase-filing');
  if (rule === undefined || rule.rule !== 'workdays-after-event') {
    throw inputError(fn, 'policy', p.id, 'a policy with a "negotiated-purchase-filing" rule counted in working days, such as "ganzhou-2023"');
  }
  const cal = calendarOf(options.calendar, fn);
  const day = readCoveredDate(date, cal, fn, 'date');
  return {
    purchasedOn: date,
    due: fromDayNumber(addWorkdaysTo(day, rule.workdays, cal, fn, date)),
    workdays: rule.workdays,
    citation: { policyId: p.id, document: p.document, clause: rule.clause },
  };
}
