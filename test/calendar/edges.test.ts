/**
 * The calendar at its edges: the first and last working days it covers, the messages of every
 * refusal, schedules before and after the covered years, make-up working days (no roll), the
 * order of quarterly events, and a roll that needs a year the calendar lacks. Holiday data:
 * the State Council notices 2019–2026 (shared/data/holidays); rolling: Civil Code art. 203.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  CalendarCoverageError,
  createWorkdayCalendar,
  describeDay,
  filingDeadline,
  getPolicy,
  isWorkday,
  nextWorkday,
  orderResponseTimeline,
  reportingSchedule,
  SunshineInputError,
  workdaysBetween,
  type Policy,
} from '../../src/index';
import { inputError as caught } from '../_helpers/results';

describe('the edges of the covered years (2019–2026)', () => {
  it('reaches the last working day of 2026 but not past it', () => {
    // 2026-12-30 (Wed) + 1 = 2026-12-31 (Thu), the last covered working day
    expect(addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
    expect(nextWorkday('2026-12-30')).toBe('2026-12-31');
    const e = caught(() => addWorkdays('2026-12-31', 1));
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect((e as CalendarCoverageError).year).toBe(2027);
    expect(e.message).toBe(
      'addWorkdays: n expected a count of working days from 2026-12-31 whose result stays in 2019–2026, the years the calendar covers (2027 is not covered: pass that year\'s State Council holiday notice as data, e.g. createWorkdayCalendar([{ year: 2027, days: [...] }], { base: cnWorkdayCalendar })), got 1',
    );
  });
  it('reaches the first working day of 2019 but not before it', () => {
    // 2019-01-01 is New Year's Day; 2019-01-02 (Wed) is the first working day
    expect(addWorkdays('2019-01-03', -1)).toBe('2019-01-02');
    const e = caught(() => addWorkdays('2019-01-02', -1)) as CalendarCoverageError;
    expect([e.year, e.covered]).toEqual([2018, { from: 2019, to: 2026 }]);
    expect(e.message).toContain('addWorkdays: n expected a count of working days from 2019-01-02 whose result stays in 2019–2026');
  });
  it('refuses dates outside the covered years, per function', () => {
    for (const [fn, call] of [
      ['isWorkday', () => isWorkday('2027-01-04')],
      ['describeDay', () => describeDay('2018-12-31')],
      ['nextWorkday', () => nextWorkday('2027-01-01')],
    ] as const) {
      const e = caught(call);
      expect(e).toBeInstanceOf(CalendarCoverageError);
      expect(e.message).toMatch(new RegExp(`^${fn}: date expected a date in 2019–2026, the years the calendar covers`));
    }
    expect(caught(() => workdaysBetween('2026-01-05', '2027-01-05')).message).toMatch(/^workdaysBetween: end expected a date in 2019–2026/);
    expect(caught(() => workdaysBetween('2018-01-05', '2026-01-05')).message).toMatch(/^workdaysBetween: start expected a date in 2019–2026/);
  });
});

describe('refusals, with the function and the field', () => {
  it('names a bad count of working days', () => {
    for (const n of [1.5, Number.NaN, '3']) {
      expect(() => addWorkdays('2026-03-02', n as never)).toThrow(`addWorkdays: n expected a whole number of working days, e.g. 7 or -3, got ${typeof n === 'string' ? `"${n}"` : String(n)}`);
    }
  });
  it('names a bad calendar', () => {
    for (const [cal, shown] of [[{}, '{}'], [null, 'null'], ['cn', '"cn"']] as const) {
      expect(() => isWorkday('2026-03-02', cal as never)).toThrow(`isWorkday: calendar expected a calendar from createWorkdayCalendar, or nothing for cnWorkdayCalendar, got ${shown}`);
    }
    expect(() => addWorkdays('2026-03-02', 1, {} as never)).toThrow('addWorkdays: calendar expected');
  });
  it('names a bad date', () => {
    expect(() => describeDay('2026-3-2')).toThrow('describeDay: date expected a real civil date "YYYY-MM-DD", got "2026-3-2"');
    expect(() => workdaysBetween('2026-03-02', '2026-02-30')).toThrow('workdaysBetween: end expected a real civil date "YYYY-MM-DD", got "2026-02-30"');
    expect(() => workdaysBetween(20260302 as never, '2026-03-02')).toThrow('workdaysBetween: start expected a real civil date "YYYY-MM-DD", got 20260302');
    expect(() => nextWorkday(undefined as never)).toThrow('nextWorkday: date expected a real civil date "YYYY-MM-DD", got undefined');
  });
});

describe('createWorkdayCalendar at its edges', () => {
  const y2027 = { year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }] };
  it('covers each year whole, weekends resting unless a notice says otherwise', () => {
    const cal = createWorkdayCalendar([y2027, { year: 2028, days: [{ date: '2028-01-01', name: '元旦', isOffDay: true }, { date: '2028-01-02', name: '元旦', isOffDay: false }] }]);
    expect(cal.coverage).toEqual({ from: 2027, to: 2028 });
    // 2028-01-02 is a Sunday made a working day; 2028-01-01 a Saturday holiday
    expect(describeDay('2028-01-02', cal)).toEqual({ date: '2028-01-02', weekday: 7, workday: true, kind: 'makeup-workday', label: expect.any(String), holiday: '元旦' });
    expect(describeDay('2028-01-01', cal)).toMatchObject({ workday: false, kind: 'holiday', holiday: '元旦' });
    expect(describeDay('2027-01-02', cal)).toMatchObject({ weekday: 6, workday: false, kind: 'rest-day', holiday: undefined });
    expect(describeDay('2028-12-29', cal)).toMatchObject({ weekday: 5, workday: true, kind: 'workday' });
    // the last day of the last year is covered, the next is not
    expect(isWorkday('2028-12-31', cal)).toBe(false);
    expect(() => isWorkday('2029-01-01', cal)).toThrow(CalendarCoverageError);
    expect(() => isWorkday('2026-12-31', cal)).toThrow(CalendarCoverageError);
    // the years may come in any order
    expect(createWorkdayCalendar([{ year: 2028, days: y2027.days.map((d) => ({ ...d, date: '2028-01-03' })) }, y2027]).coverage).toEqual({ from: 2027, to: 2028 });
    expect(cal.sources.map((s) => [s.year, s.papers])).toEqual([
      [2027, []],
      [2028, []],
    ]);
  });
  it('takes a day of the next year in a notice, and replaces a base year', () => {
    // a 2027 notice reaching into 2028 (as 2026's notice reaches 2027-01-01 in the data)
    const cal = createWorkdayCalendar([{ year: 2027, days: [...y2027.days, { date: '2028-01-03', name: '元旦', isOffDay: true }] }]);
    expect(cal.coverage).toEqual({ from: 2027, to: 2027 });
    const replaced = createWorkdayCalendar([{ year: 2026, days: [{ date: '2026-03-02', name: '测试', isOffDay: true }] }], { base: cal });
    expect(replaced.coverage).toEqual({ from: 2026, to: 2027 });
    expect(isWorkday('2026-03-02', replaced)).toBe(false);
    // the days of a year whose own days are only next to it are not enough: it has no holiday of its own
    expect(() => createWorkdayCalendar([{ year: 2027, days: [{ date: '2026-12-31', name: '元旦', isOffDay: true }] }])).toThrow(
      'createWorkdayCalendar: years[0].days expected the holidays of 2027 (a year with no day off is a notice not yet published), got 1',
    );
  });
  it('reports every problem at once, with each path', () => {
    const e = caught(() =>
      createWorkdayCalendar([
        { year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }, { date: '2029-05-01', name: '劳动节', isOffDay: true }] },
        { year: 2028, days: [{ date: '2028-01-03', name: '元旦', isOffDay: false }] },
      ]),
    ) as SunshineInputError;
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['out-of-range', 'years[0].days[1].date'],
      ['missing', 'years[1].days'],
    ]);
    expect(() => createWorkdayCalendar([y2027, y2027])).toThrow('createWorkdayCalendar: years[1].year expected each year once, got 2027');
    expect(() => createWorkdayCalendar([])).toThrow('expected at least one year of holiday data');
    expect(() => createWorkdayCalendar([{ year: 2027, days: [{ date: '2027-01-01', name: ' ', isOffDay: true }] }])).toThrow('expected the holiday name, e.g. "春节"');
    expect(() => createWorkdayCalendar([y2027], { base: { coverage: { from: 2019, to: 2026 } } as never })).toThrow(
      'createWorkdayCalendar: options.base expected a calendar from createWorkdayCalendar or cnWorkdayCalendar',
    );
  });
});

describe('reportingSchedule at its edges (jiangsu-2022 main text §2(1); Civil Code art. 203)', () => {
  it('does not move a deadline that falls on a make-up working day', () => {
    // 2021-02-20 was a Saturday worked in exchange for the Spring Festival holiday
    const e = reportingSchedule('jiangsu-2022', { year: 2021 }).find((x) => x.kind === 'city-monthly-summary' && x.period === '2021-01');
    expect([e?.nominalDue, e?.due, e?.rolled, e?.provisional]).toEqual(['2021-02-20', '2021-02-20', false, false]);
  });
  it('marks dates before and after the covered years provisional, and leaves them as written', () => {
    const y2018 = reportingSchedule('jiangsu-2022', { year: 2018 });
    const jan = y2018.find((x) => x.period === '2018-01' && x.kind === 'institution-monthly-report');
    // 2018-02-15 is before 2019: not rolled, provisional
    expect([jan?.due, jan?.rolled, jan?.provisional]).toEqual(['2018-02-15', false, true]);
    const dec = y2018.find((x) => x.period === '2018-12' && x.kind === 'institution-monthly-report');
    // 2019-01-15 is a Tuesday in the covered years
    expect([dec?.due, dec?.provisional]).toEqual(['2019-01-15', false]);
    const last = reportingSchedule('jiangsu-2022', { year: 2026 }).find((x) => x.period === '2026-12' && x.kind === 'institution-monthly-report');
    expect([last?.due, last?.provisional]).toEqual(['2027-01-15', true]);
  });
  it('puts each quarterly bulletin after the reports due by the 1st of the next quarter (nantong-2022 §2(2))', () => {
    const events = reportingSchedule('nantong-2022', { year: 2026 });
    // monthly reports due on the 15th of the next month; bulletins keyed on the 1st of the next quarter
    expect(events.map((e) => e.period)).toEqual(['2026-01', '2026-02', '2026-Q1', '2026-03', '2026-04', '2026-05', '2026-Q2', '2026-06', '2026-07', '2026-08', '2026-Q3', '2026-09', '2026-10', '2026-11', '2026-Q4', '2026-12']);
    const q1 = events[2]!;
    expect([q1.due, q1.nominalDue, q1.rolled, q1.provisional]).toEqual([null, null, false, false]);
    expect(q1.note).toBe('The document says 定期 (periodically) and gives no date; quarterly follows the provincial notice.');
  });
  it('says so when a quarterly rule has no note, and can leave dates unrolled', () => {
    const base = getPolicy('nantong-2022');
    const policy: Policy = { ...base, deadlines: base.deadlines.map((d) => (d.rule === 'quarterly' ? { ...d, note: undefined } : d)) };
    const q = reportingSchedule(policy, { year: 2026 }).find((e) => e.period === '2026-Q2');
    expect(q?.note).toBe('文件未规定日期 / the document gives no date');
    // 2026-02-15 is a Sunday in the Spring Festival holiday; without rolling it stays
    const jan = reportingSchedule('nantong-2022', { year: 2026, roll: 'none' })[0];
    expect([jan?.due, jan?.rolled]).toEqual(['2026-02-15', false]);
  });
  it('marks a date provisional when rolling it needs the next year', () => {
    const base = getPolicy('ganzhou-2023');
    const policy: Policy = {
      ...base,
      deadlines: [{ id: 'year-end', rule: 'yearly', month: 12, day: 31, yearsAfter: 0, label: '年末报告', labelEn: 'year-end report', who: '医院', to: undefined, note: undefined, clause: '§0' }],
    };
    // 2027-12-31 is a Friday made a holiday here; the next working day would be in 2028, which this calendar lacks
    const cal = createWorkdayCalendar([{ year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }, { date: '2027-12-31', name: '测试', isOffDay: true }] }]);
    const [e] = reportingSchedule(policy, { year: 2027, calendar: cal });
    expect([e?.due, e?.rolled, e?.provisional]).toEqual(['2027-12-31', false, true]);
  });
  it('refuses missing options', () => {
    expect(() => reportingSchedule('jiangsu-2022', undefined as never)).toThrow('reportingSchedule: options.year');
    expect(() => reportingSchedule('jiangsu-2022', { year: 2026, roll: 'back' as never })).toThrow('reportingSchedule: options.roll');
  });
});

describe('event deadlines at their edges (ganzhou-2023 §2(4), §2(6))', () => {
  const ganzhou = getPolicy('ganzhou-2023');
  const without = (id: string): Policy => ({ ...ganzhou, deadlines: ganzhou.deadlines.filter((d) => d.id !== id) });
  const reordered: Policy = { ...ganzhou, deadlines: [...ganzhou.deadlines].reverse() };

  it('finds the filing rule wherever it sits, and only a rule counted in working days', () => {
    // Mon 2026-03-02 + 7 working days = Wed 2026-03-11
    expect(filingDeadline('2026-03-02', reordered).due).toBe('2026-03-11');
    const asHours: Policy = { ...ganzhou, deadlines: ganzhou.deadlines.map((d) => (d.id === 'negotiated-purchase-filing' ? { ...d, rule: 'hours-after-event' as const, hours: 24, workdays: undefined } : d)) as Policy['deadlines'] };
    const message = 'filingDeadline: policy expected a policy with a "negotiated-purchase-filing" rule counted in working days, such as "ganzhou-2023", got "ganzhou-2023"';
    expect(() => filingDeadline('2026-03-02', asHours)).toThrow(message);
    expect(() => filingDeadline('2026-03-02', without('negotiated-purchase-filing'))).toThrow(message);
    expect(() => filingDeadline('2026-3-2')).toThrow('filingDeadline: date expected a real civil date "YYYY-MM-DD", got "2026-3-2"');
  });

  it('names each missing rule of the order timeline', () => {
    for (const [id, kind] of [
      ['order-unanswered-report', 'hours-after-event'],
      ['delayed-response-list', 'workdays-after-event'],
      ['distributor-escalation', 'hours-after-event'],
    ]) {
      expect(() => orderResponseTimeline('2026-03-03T09:30:00+08:00', without(id!))).toThrow(
        `orderResponseTimeline: policy expected a policy with a "${id}" rule (${kind}), such as "ganzhou-2023", got "ganzhou-2023"`,
      );
    }
    // the same timeline whatever the order of the rules: 48 h, 1 working day, 24 h
    expect(orderResponseTimeline('2026-03-03T09:30:00+08:00', reordered, { listSentAt: '2026-03-06T14:00:00+08:00' }).escalationAt).toBe('2026-03-07T14:00:00+08:00');
  });

  it('refuses a list instant without an offset and a report day past the covered years', () => {
    expect(() => orderResponseTimeline('2026-03-03T09:30:00+08:00', 'ganzhou-2023', { listSentAt: '2026-03-06 14:00' })).toThrow(
      'orderResponseTimeline: options.listSentAt expected an instant with an explicit offset such as "2026-03-02T09:30:00+08:00", got "2026-03-06 14:00"',
    );
    // sent 2026-12-30 10:00 + 48 h = 2027-01-01, outside 2019–2026
    const e = caught(() => orderResponseTimeline('2026-12-30T10:00:00+08:00'));
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect(e.message).toMatch(/^orderResponseTimeline: sentAt expected a date in 2019–2026/);
  });
});
