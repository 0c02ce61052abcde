import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import { fromDayNumber } from '../_lib/dates';
import { cstDayNumber, formatInstantCst, parseInstant } from '../_lib/instant';
import { inputError } from '../errors';
import { resolvePolicy } from '../policy/policies';
import type { Citation, DeadlineRule, Policy } from '../policy/schema';
import type { WorkdayCalendar } from './calendar';
import { calendarOf, checkCovered } from './days';
import { addWorkdaysTo } from './queries';

/** Options of {@link orderResponseTimeline}. */
export interface OrderResponseTimelineOptions {
  /** When the delayed-response list was sent to the distributor (with offset); by default the end of the day it is due. */
  readonly listSentAt?: string | undefined;
  readonly calendar?: WorkdayCalendar | undefined;
}

/** What {@link orderResponseTimeline} returns; instants are given at +08:00. */
export interface OrderResponseTimeline {
  /** The order was sent to the distributor. */
  readonly sentAt: string;
  /** 48 hours later the order is unanswered: the institution reports in writing. */
  readonly unansweredAt: string;
  /** The bureau compiles the delayed-response list within 1 working day: by the end of this day. */
  readonly listDueOn: string;
  /** When the list was sent: as given, or assumed at the end of `listDueOn`. */
  readonly listSentAt: string;
  readonly listSentAtAssumed: boolean;
  /** A distributor still silent 24 hours after being urged is escalated to the city bureau. */
  readonly escalationAt: string;
  readonly citations: {
    readonly unanswered: Citation;
    readonly list: Citation;
    readonly escalation: Citation;
  };
}

function ruleOf<K extends DeadlineRule['rule']>(p: Policy, id: string, kind: K, fn: string): Extract<DeadlineRule, { rule: K }> {
  const rule = p.deadlines.find((d): d is Extract<DeadlineRule, { rule: K }> => d.id === id && d.rule === kind);
  if (rule === undefined) {
    throw inputError(fn, 'policy', p.id, `a policy with a "${id}" rule (${kind}), such as "ganzhou-2023"`);
  }
  return rule;
}

function readInstant(value: unknown, fn: string, path: string): number {
  const s = parseInstant(value);
  if (s === null) {
    throw inputError(fn, path, value, 'an instant with an explicit offset such as "2026-03-02T09:30:00+08:00"', 'invalid-date');
  }
  return s;
}

/**
 * The order-response timeline of ganzhou-2023 §2(6): an order unanswered for 48 hours is
 * reported in writing; the bureau compiles the delayed-response list within 1 working day;
 * a distributor that still does not answer 24 hours after being urged is escalated.
 * Instants take an explicit offset in and are given at +08:00 out.
 *
 * @category Calendar
 * @see ganzhou-2023 §2(6)
 * @param sentAt - when the order was sent, e.g. `'2026-09-29T10:00:00+08:00'`
 * @param policy - a policy with the three rules; `'ganzhou-2023'` by default
 * @param options - `{ listSentAt?, calendar? }`
 * @returns the timeline with each step's clause
 * @throws {SunshineInputError} for an instant without an offset or a policy without the rules
 * @example
 * orderResponseTimeline('2026-09-29T10:00:00+08:00').listDueOn //=> '2026-10-08'
 */
export function orderResponseTimeline(sentAt: string, policy: PolicyId | Policy = 'ganzhou-2023', options: OrderResponseTimelineOptions = {}): OrderResponseTimeline {
  const fn = 'orderResponseTimeline';
  strictKeys(options, ['listSentAt', 'calendar'], fn);
  const p = resolvePolicy(policy, fn);
  const unanswered = ruleOf(p, 'order-unanswered-report', 'hours-after-event', fn);
  const list = ruleOf(p, 'delayed-response-list', 'workdays-after-event', fn);
  const escalation = ruleOf(p, 'distributor-escalation', 'hours-after-event', fn);
  const cal = calendarOf(options.calendar, fn);
  const sent = readInstant(sentAt, fn, 'sentAt');
  const unansweredAt = sent + unanswered.hours * 3600;
  const reportDay = cstDayNumber(unansweredAt);
  const reportDate = fromDayNumber(reportDay);
  checkCovered(reportDay, cal, fn, 'sentAt', reportDate);
  const listDay = addWorkdaysTo(reportDay, list.workdays, cal, fn, reportDate);
  let listSent: number;
  let assumed: boolean;
  if (options.listSentAt === undefined) {
    listSent = (listDay + 1) * 86400 - 8 * 3600; // 24:00 of listDueOn at +08:00
    assumed = true;
  } else {
    listSent = readInstant(options.listSentAt, fn, 'options.listSentAt');
    assumed = false;
  }
  const cite = (rule: DeadlineRule): Citation => ({ policyId: p.id, document: p.document, clause: rule.clause });
  return {
    sentAt: formatInstantCst(sent),
    unansweredAt: formatInstantCst(unansweredAt),
    listDueOn: fromDayNumber(listDay),
    listSentAt: formatInstantCst(listSent),
    listSentAtAssumed: assumed,
    escalationAt: formatInstantCst(listSent + escalation.hours * 3600),
    citations: { unanswered: cite(unanswered), list: cite(list), escalation: cite(escalation) },
  };
}
