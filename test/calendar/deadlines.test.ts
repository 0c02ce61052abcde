import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
  CN_HOLIDAYS,
  createWorkdayCalendar,
  cnWorkdayCalendar,
  filingDeadline,
  orderResponseTimeline,
  reportingSchedule,
  SunshineInputError,
  toICS,
} from '../../src/index';

describe('reportingSchedule', () => {
  it('matches the JSDoc example', () => {
    expect(reportingSchedule('jiangsu-2022', { year: 2026 })[0]).toMatchObject({
      kind: 'institution-monthly-report',
      period: '2026-01',
      nominalDue: '2026-02-15',
      due: '2026-02-24',
      rolled: true,
    });
  });

  const js2026 = reportingSchedule('jiangsu-2022', { year: 2026 });
  const monthly = js2026.filter((e) => e.kind === 'institution-monthly-report');
  const summary = js2026.filter((e) => e.kind === 'city-monthly-summary');

  it('lists the monthly report due the 15th of the next month, rolled past rest days (jiangsu-2022 §2(1); Civil Code art. 203)', () => {
    expect(monthly.map((e) => [e.period, e.nominalDue, e.due, e.rolled])).toEqual([
      // Feb 15 is the first day of the Spring Festival (Feb 15–23 off): the first working day after is Tue Feb 24
      ['2026-01', '2026-02-15', '2026-02-24', true],
      ['2026-02', '2026-03-15', '2026-03-16', true], // Sunday → Monday
      ['2026-03', '2026-04-15', '2026-04-15', false], // Wednesday
      ['2026-04', '2026-05-15', '2026-05-15', false], // Friday
      ['2026-05', '2026-06-15', '2026-06-15', false], // Monday
      ['2026-06', '2026-07-15', '2026-07-15', false], // Wednesday
      ['2026-07', '2026-08-15', '2026-08-17', true], // Saturday → Monday
      ['2026-08', '2026-09-15', '2026-09-15', false], // Tuesday
      ['2026-09', '2026-10-15', '2026-10-15', false], // Thursday
      ['2026-10', '2026-11-15', '2026-11-16', true], // Sunday → Monday
      ['2026-11', '2026-12-15', '2026-12-15', false], // Tuesday
      ['2026-12', '2027-01-15', '2027-01-15', false], // 2027 not covered: provisional
    ]);
    expect(monthly[11]?.provisional).toBe(true);
    expect(monthly.slice(0, 11).every((e) => !e.provisional)).toBe(true);
    expect(monthly[0]?.citation).toEqual({ policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: 'main text §2(1)' });
  });

  it('lists the city summary due the 20th', () => {
    // 2026-02-20 is a Spring Festival holiday → 02-24; 2026-06-20 is a Dragon Boat holiday (Jun 19–21) → Mon 06-22
    expect(summary.slice(0, 6).map((e) => e.due)).toEqual(['2026-02-24', '2026-03-20', '2026-04-20', '2026-05-20', '2026-06-22', '2026-07-20']);
  });

  it('lists the quarterly bulletin without a date, saying so (§2(2))', () => {
    const bulletins = js2026.filter((e) => e.kind === 'quarterly-bulletin');
    expect(bulletins.map((e) => [e.period, e.due, e.nominalDue])).toEqual([
      ['2026-Q1', null, null],
      ['2026-Q2', null, null],
      ['2026-Q3', null, null],
      ['2026-Q4', null, null],
    ]);
    expect(bulletins[0]?.note).toContain('no date');
  });

  it('keeps the nominal dates with roll: "none"', () => {
    const none = reportingSchedule('jiangsu-2022', { year: 2026, roll: 'none' }).filter((e) => e.kind === 'institution-monthly-report');
    expect(none[0]).toMatchObject({ due: '2026-02-15', rolled: false, provisional: false });
  });

  it('lists the yearly report due 15 January of the next year (ganzhou-2023 §3(2))', () => {
    // the 2024 report is due Wed 2025-01-15
    expect(reportingSchedule('ganzhou-2023', { year: 2024 })).toEqual([expect.objectContaining({ kind: 'annual-report', period: '2024', nominalDue: '2025-01-15', due: '2025-01-15', rolled: false, provisional: false })]);
    // the 2026 report falls in 2027, which is not covered: provisional, not thrown
    expect(reportingSchedule('ganzhou-2023', { year: 2026 })[0]).toMatchObject({ due: '2027-01-15', provisional: true });
  });

  it('rolls with a calendar that covers the next year', () => {
    const cal = createWorkdayCalendar([{ year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }] }], { base: cnWorkdayCalendar });
    // 2027-01-15 is a Friday: no roll, and no longer provisional
    expect(reportingSchedule('ganzhou-2023', { year: 2026, calendar: cal })[0]).toMatchObject({ due: '2027-01-15', provisional: false });
  });

  it('lists the jiangsu-2019 milestones (§2) and hunan-2023’s validity', () => {
    expect(reportingSchedule('jiangsu-2019', { year: 2019 }).map((e) => [e.kind, e.due])).toEqual([
      ['platform-purchasing', '2019-10-01'],
      ['tertiary-data-interface', '2019-12-31'],
    ]);
    expect(reportingSchedule('jiangsu-2019', { year: 2020 }).map((e) => [e.kind, e.due])).toEqual([
      ['platform-settlement', '2020-01-01'],
      ['secondary-data-interface', '2020-06-30'],
    ]);
    expect(reportingSchedule('hunan-2023', { year: 2023 }).map((e) => [e.kind, e.due])).toEqual([
      ['in-force', '2023-11-01'],
      ['single-platform', '2023-12-31'],
    ]);
    expect(reportingSchedule('hunan-2023', { year: 2028 }).map((e) => [e.kind, e.due])).toEqual([['validity-end', '2028-10-31']]);
  });

  it('refuses bad options', () => {
    expect(() => reportingSchedule('jiangsu-2022', { year: 2026.5 })).toThrow(SunshineInputError);
    expect(() => reportingSchedule('jiangsu-2022', { year: 2026, roll: 'previous' as never })).toThrow('options.roll expected one of "next-workday", "none"');
    expect(() => reportingSchedule('xx' as never, { year: 2026 })).toThrow(SunshineInputError);
  });
});

describe('filingDeadline', () => {
  it('matches the JSDoc example', () => {
    expect(filingDeadline('2026-09-30').due).toBe('2026-10-15');
  });
  it('allows 7 working days, the purchase day not counted (ganzhou-2023 §2(4))', () => {
    // Mon 2026-03-02: Tue 3 (1), Wed 4 (2), Thu 5 (3), Fri 6 (4), Mon 9 (5), Tue 10 (6), Wed 11 (7)
    expect(filingDeadline('2026-03-02', 'ganzhou-2023')).toEqual({
      purchasedOn: '2026-03-02',
      due: '2026-03-11',
      workdays: 7,
      citation: { policyId: 'ganzhou-2023', document: '赣市医保字〔2023〕28号', clause: '§2(4)' },
    });
  });
  it('refuses a policy without a filing rule', () => {
    expect(() => filingDeadline('2026-03-02', 'jiangsu-2022')).toThrow('filingDeadline: policy expected a policy with a "negotiated-purchase-filing" rule');
  });
});

describe('orderResponseTimeline', () => {
  it('matches the JSDoc example', () => {
    expect(orderResponseTimeline('2026-09-29T10:00:00+08:00').listDueOn).toBe('2026-10-08');
  });
  it('runs 48 hours, then 1 working day, then 24 hours (ganzhou-2023 §2(6))', () => {
    // sent Tue 2026-03-03 09:30 → unanswered Thu 03-05 09:30; list due Fri 03-06; sent 14:00 that day; escalation Sat 03-07 14:00
    const t = orderResponseTimeline('2026-03-03T09:30:00+08:00', 'ganzhou-2023', { listSentAt: '2026-03-06T14:00:00+08:00' });
    expect(t).toMatchObject({
      sentAt: '2026-03-03T09:30:00+08:00',
      unansweredAt: '2026-03-05T09:30:00+08:00',
      listDueOn: '2026-03-06',
      listSentAt: '2026-03-06T14:00:00+08:00',
      listSentAtAssumed: false,
      escalationAt: '2026-03-07T14:00:00+08:00',
    });
    expect(t.citations.list.clause).toBe('§2(6)');
  });
  it('reads any offset and answers at +08:00', () => {
    // 2026-03-03T01:30Z = 09:30 at +08:00
    expect(orderResponseTimeline('2026-03-03T01:30:00Z').unansweredAt).toBe('2026-03-05T09:30:00+08:00');
    // 2026-03-02T17:30-08:00 = 2026-03-03T01:30Z
    expect(orderResponseTimeline('2026-03-02T17:30-08:00').sentAt).toBe('2026-03-03T09:30:00+08:00');
  });
  it('assumes the list is sent at the end of its due day when not told', () => {
    // Friday 2026-03-06 16:00 + 48 h = Sunday 03-08 16:00; list due Mon 03-09, assumed sent 24:00; escalation Wed 03-11 00:00
    const t = orderResponseTimeline('2026-03-06T16:00:00+08:00');
    expect(t).toMatchObject({ listDueOn: '2026-03-09', listSentAt: '2026-03-10T00:00:00+08:00', listSentAtAssumed: true, escalationAt: '2026-03-11T00:00:00+08:00' });
  });
  it.each(['2026-03-03T09:30:00', '2026-03-03 09:30+08:00', '2026-03-03T25:00+08:00', 1234])('refuses %j, an instant without an offset or malformed', (v) => {
    expect(() => orderResponseTimeline(v as string)).toThrow('orderResponseTimeline: sentAt expected an instant with an explicit offset');
  });
});

describe('toICS', () => {
  const events = reportingSchedule('jiangsu-2022', { year: 2026 });
  const text = toICS(events, { dtstamp: '2026-11-23T09:00:00+08:00', name: '江苏阳光采购 2026' });

  it('matches the JSDoc example', () => {
    expect(toICS(reportingSchedule('ganzhou-2023', { year: 2025 }), { dtstamp: '2026-01-01T00:00:00+08:00' }).startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('ends lines with CRLF and folds them at 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('parses back with ical.js: one all-day event per dated deadline, Chinese summary, citation in the description', () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    const vevents = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // 24 monthly events (12 reports + 12 summaries); the 4 bulletins have no date
    expect(vevents).toHaveLength(24);
    const first = vevents[0]!;
    expect(first.summary).toBe('医疗机构上报上月采购数据（2026-01）');
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2026-02-24');
    expect(first.endDate.toString()).toBe('2026-02-25');
    expect(first.uid).toBe('jiangsu-2022.institution-monthly-report.2026-01@sunshine-procurement');
    expect(first.description).toContain('依据：苏医保发〔2022〕38号 main text §2(1)');
    expect(first.description).toContain('原定 2026-02-15');
    expect(comp.getFirstPropertyValue('x-wr-calname')).toBe('江苏阳光采购 2026');
    const stamp = first.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toString()).toBe('2026-11-23T01:00:00Z');
  });

  it('gives stable UIDs: the same events give the same text', () => {
    expect(toICS(reportingSchedule('jiangsu-2022', { year: 2026 }), { dtstamp: '2026-11-23T09:00:00+08:00', name: '江苏阳光采购 2026' })).toBe(text);
  });

  it('refuses a dtstamp without an offset', () => {
    expect(() => toICS(events, { dtstamp: '2026-11-23T09:00:00' })).toThrow('toICS: options.dtstamp expected an instant with an explicit offset');
  });
});

describe('the embedded holiday data', () => {
  it('expands its compact form into exactly the days of the notices as the earlier literal held them', () => {
    // sha256 of JSON.stringify(CN_HOLIDAYS) when the data was one object literal per day (before the
    // compact form of scripts/generate-holidays.mjs): 15,887 characters, 286 days in 8 years
    const text = JSON.stringify(CN_HOLIDAYS);
    expect(text.length).toBe(15887);
    expect(CN_HOLIDAYS.reduce((n, y) => n + y.days.length, 0)).toBe(286);
    expect(createHash('sha256').update(text).digest('hex')).toBe('5ae2dc6a192ee3764a97a35e693f76e0b8f044363e1f726d54a7f0ab1ac687e4');
  });

  const shared = join(__dirname, '..', '..', '..', 'shared', 'data', 'holidays');
  const away = !existsSync(shared);
  it.skipIf(away)(`is a faithful transcription of the notices in shared/data/holidays${away ? ' (skipped: ../shared/data/holidays, the notices as data, is in the project workspace beside the repository, not in a clone; nothing to install)' : ''}`, () => {
    for (const year of CN_HOLIDAYS) {
      const file = JSON.parse(readFileSync(join(shared, `${year.year}.json`), 'utf8')) as { papers: string[]; days: Array<{ date: string; name: string; isOffDay: boolean }> };
      expect(year.papers).toEqual(file.papers);
      expect(year.days).toEqual(file.days);
    }
  });
});
