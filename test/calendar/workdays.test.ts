import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkdays,
  CalendarCoverageError,
  cnWorkdayCalendar,
  createWorkdayCalendar,
  describeDay,
  isWorkday,
  nextWorkday,
  SunshineInputError,
  workdaysBetween,
} from '../../src/index';

/**
 * The arrangements as the State Council notices state them, written out by hand from the
 * notices (not from the data files): days off in holiday blocks and make-up working days.
 */
const NOTICES: Record<number, { off: Array<[string, string, string]>; work: Array<[string, string]> }> = {
  // 国务院办公厅关于2026年部分节假日安排的通知
  2026: {
    off: [
      ['元旦', '01-01', '01-03'],
      ['春节', '02-15', '02-23'],
      ['清明节', '04-04', '04-06'],
      ['劳动节', '05-01', '05-05'],
      ['端午节', '06-19', '06-21'],
      ['中秋节', '09-25', '09-27'],
      ['国庆节', '10-01', '10-07'],
    ],
    work: [['元旦', '01-04'], ['春节', '02-14'], ['春节', '02-28'], ['劳动节', '05-09'], ['国庆节', '09-20'], ['国庆节', '10-10']],
  },
  // 国务院办公厅关于2024年部分节假日安排的通知
  2024: {
    off: [
      ['元旦', '01-01', '01-01'],
      ['春节', '02-10', '02-17'],
      ['清明节', '04-04', '04-06'],
      ['劳动节', '05-01', '05-05'],
      ['端午节', '06-10', '06-10'],
      ['中秋节', '09-15', '09-17'],
      ['国庆节', '10-01', '10-07'],
    ],
    work: [['春节', '02-04'], ['春节', '02-18'], ['清明节', '04-07'], ['劳动节', '04-28'], ['劳动节', '05-11'], ['中秋节', '09-14'], ['国庆节', '09-29'], ['国庆节', '10-12']],
  },
  // 2020 notice, with the Spring Festival extended to 2 February (国办发明电〔2020〕1号); 1 February is then no longer a working day
  2020: {
    off: [
      ['元旦', '01-01', '01-01'],
      ['春节', '01-24', '02-02'],
      ['清明节', '04-04', '04-06'],
      ['劳动节', '05-01', '05-05'],
      ['端午节', '06-25', '06-27'],
      ['国庆节、中秋节', '10-01', '10-08'], // the notice's heading: the two fell together in 2020
    ],
    work: [['春节', '01-19'], ['劳动节', '04-26'], ['劳动节', '05-09'], ['端午节', '06-28'], ['国庆节、中秋节', '09-27'], ['国庆节、中秋节', '10-10']],
  },
};

function* range(year: number, from: string, to: string): Generator<string> {
  const [m1, d1] = from.split('-').map(Number) as [number, number];
  const [m2, d2] = to.split('-').map(Number) as [number, number];
  for (let m = m1; m <= m2; m++) {
    for (let d = m === m1 ? d1 : 1; d <= (m === m2 ? d2 : 31); d++) {
      const s = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (!Number.isNaN(Date.parse(`${s}T12:00:00Z`)) && new Date(`${s}T12:00:00Z`).getUTCDate() === d) yield s;
    }
  }
}

describe('the built-in calendar', () => {
  it('states the years it covers', () => {
    expect(cnWorkdayCalendar.coverage).toEqual({ from: 2019, to: 2026 });
    expect(cnWorkdayCalendar.sources.map((s) => s.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(cnWorkdayCalendar.sources[7]?.papers[0]).toContain('gov.cn');
  });

  for (const [year, notice] of Object.entries(NOTICES)) {
    it(`has every day off and make-up working day of the ${year} notice`, () => {
      for (const [name, from, to] of notice.off) {
        for (const date of range(Number(year), from, to)) {
          expect(describeDay(date), date).toMatchObject({ kind: 'holiday', workday: false, holiday: name, label: '节假日' });
          expect(isWorkday(date), date).toBe(false);
        }
      }
      for (const [name, md] of notice.work) {
        const date = `${year}-${md}`;
        expect(describeDay(date), date).toMatchObject({ kind: 'makeup-workday', workday: true, holiday: name, label: '调休上班' });
      }
    });
  }

  it('counts the working days of whole years', () => {
    // 2026: 261 weekdays (365 days from a Thursday) − 19 weekday holidays + 6 make-up days = 248
    expect(workdaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    // 2024: 262 weekdays (366 days from a Monday) − 19 + 8 = 251
    expect(workdaysBetween('2023-12-31', '2024-12-31')).toBe(251);
    // 2020: 262 weekdays (366 days from a Wednesday) − 19 + 6 = 249
    expect(workdaysBetween('2019-12-31', '2020-12-31')).toBe(249);
  });

  it('knows 2018-12-29 is outside its years though the 2019 notice names it', () => {
    expect(() => isWorkday('2018-12-29')).toThrow(CalendarCoverageError);
  });

  it('describes plain days', () => {
    expect(describeDay('2026-03-03')).toEqual({ date: '2026-03-03', weekday: 2, workday: true, kind: 'workday', label: '工作日', holiday: undefined });
    expect(describeDay('2026-03-07')).toEqual({ date: '2026-03-07', weekday: 6, workday: false, kind: 'rest-day', label: '休息日', holiday: undefined });
  });
});

describe('isWorkday', () => {
  it('matches the JSDoc example', () => {
    expect(isWorkday('2026-02-14')).toBe(true);
  });
});

describe('addWorkdays', () => {
  it('matches the JSDoc example', () => {
    expect(addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
  });
  it('does not count the start day (Civil Code art. 201)', () => {
    // Friday 2026-03-06 + 1 working day = Monday 2026-03-09, not the Friday itself
    expect(addWorkdays('2026-03-06', 1)).toBe('2026-03-09');
    // from a Saturday, the first working day is the Monday
    expect(addWorkdays('2026-03-07', 1)).toBe('2026-03-09');
  });
  it('counts make-up working days and skips holidays', () => {
    // 2026-09-30 (Wed) + 3: Oct 1–7 off; Oct 8 (1), Oct 9 (2), Sat Oct 10 make-up (3)
    expect(addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
  });
  it('counts back for negative n', () => {
    // from the first working day after the Spring Festival back one: the make-up Saturday 2026-02-14
    expect(addWorkdays('2026-02-24', -1)).toBe('2026-02-14');
    // from a holiday, one back is the last working day before it
    expect(addWorkdays('2026-02-20', -1)).toBe('2026-02-14');
    // 2026-02-24 back 2: Feb 14 (1), Feb 13 Fri (2)
    expect(addWorkdays('2026-02-24', -2)).toBe('2026-02-13');
  });
  it('returns the date itself for n = 0', () => {
    expect(addWorkdays('2026-02-15', 0)).toBe('2026-02-15');
  });
  it('crosses years', () => {
    // 2025-12-31 (Wed) + 1: Jan 1–3 2026 off, Sun Jan 4 is a make-up working day
    expect(addWorkdays('2025-12-31', 1)).toBe('2026-01-04');
  });
  it('raises CalendarCoverageError when the count leaves the covered years', () => {
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(CalendarCoverageError);
    try {
      addWorkdays('2026-12-30', 5);
    } catch (e) {
      expect((e as CalendarCoverageError).year).toBe(2027);
      expect((e as CalendarCoverageError).message).toContain('2027 is not covered');
    }
    expect(() => addWorkdays('2019-01-02', -5)).toThrow(/2018 is not covered/);
  });
  it.each([[1.5], [Number.NaN], ['3']])('refuses n = %j', (n) => {
    expect(() => addWorkdays('2026-03-02', n as number)).toThrow('addWorkdays: n expected a whole number of working days');
  });
  it.each(['2026-02-30', '2026-2-3', '20260203', '', '1899-12-31'])('refuses the date %j', (date) => {
    expect(() => addWorkdays(date, 1)).toThrow(SunshineInputError);
    expect(() => addWorkdays(date, 1)).toThrow('addWorkdays: date expected a real civil date "YYYY-MM-DD"');
  });
});

describe('workdaysBetween', () => {
  it('matches the JSDoc example', () => {
    expect(workdaysBetween('2026-09-30', '2026-10-09')).toBe(2);
  });
  it('counts working days after start through end, negative backwards', () => {
    expect(workdaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    // Mon 2026-03-02 → Mon 2026-03-09: Tue–Fri and the Monday = 5
    expect(workdaysBetween('2026-03-02', '2026-03-09')).toBe(5);
    expect(workdaysBetween('2026-03-09', '2026-03-02')).toBe(-5);
  });
});

describe('nextWorkday', () => {
  it('matches the JSDoc example', () => {
    expect(nextWorkday('2026-09-30')).toBe('2026-10-08');
  });
});

/** A naive day-by-day reference, independent of the index. */
function naiveAdd(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  let left = Math.abs(n);
  const step = n > 0 ? 1 : -1;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step);
    if (isWorkday(d.toISOString().slice(0, 10))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

const dateIn = (from: number, to: number) =>
  fc.integer({ min: Date.UTC(from, 0, 1) / 86400000, max: Date.UTC(to, 11, 31) / 86400000 }).map((day) => new Date(day * 86400000).toISOString().slice(0, 10));

describe('properties', () => {
  it('workdaysBetween(d, addWorkdays(d, n)) === n', () => {
    fc.assert(fc.property(dateIn(2019, 2026), fc.integer({ min: -300, max: 300 }), (d, n) => {
      let end: string;
      try {
        end = addWorkdays(d, n);
      } catch (e) {
        expect(e).toBeInstanceOf(CalendarCoverageError);
        return;
      }
      expect(workdaysBetween(d, end)).toBe(n);
      if (n !== 0) expect(isWorkday(end)).toBe(true);
    }));
  });
  it('addWorkdays agrees with a day-by-day count', () => {
    fc.assert(fc.property(dateIn(2019, 2025), fc.integer({ min: -40, max: 40 }), (d, n) => {
      fc.pre(d > '2019-03-01');
      expect(addWorkdays(d, n)).toBe(naiveAdd(d, n));
    }));
  });
  it('isWorkday agrees with the weekday rule and the notices’ data', () => {
    fc.assert(fc.property(dateIn(2019, 2026), (d) => {
      const info = describeDay(d);
      const weekend = info.weekday >= 6;
      if (info.kind === 'holiday') expect(info.workday).toBe(false);
      else if (info.kind === 'makeup-workday') expect(weekend && info.workday).toBe(true);
      else expect(info.workday).toBe(!weekend);
      expect(new Date(`${d}T12:00:00Z`).getUTCDay() || 7).toBe(info.weekday);
    }));
  });
});

describe('createWorkdayCalendar', () => {
  const y2027 = { year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }, { date: '2027-01-02', name: '元旦', isOffDay: true }] };

  it('matches the JSDoc example', () => {
    const cal = createWorkdayCalendar([{ year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }] }]);
    expect(isWorkday('2027-01-01', cal)).toBe(false);
  });

  it('extends the built-in calendar with a new year', () => {
    const cal = createWorkdayCalendar([y2027], { base: cnWorkdayCalendar });
    expect(cal.coverage).toEqual({ from: 2019, to: 2027 });
    // 2026-12-31 (Thu) + 1: Fri 2027-01-01 off, Sat 2 off, Sun 3 → Mon 2027-01-04
    expect(addWorkdays('2026-12-31', 1, cal)).toBe('2027-01-04');
    expect(isWorkday('2026-02-14', cal)).toBe(true);
  });

  it('refuses a day that is both off and a make-up working day', () => {
    expect(() => createWorkdayCalendar([{ year: 2027, days: [...y2027.days, { date: '2027-01-01', name: '元旦', isOffDay: false }] }])).toThrow(
      'years[0].days[2].isOffDay expected the same status as years[0].days[0] (2027-01-01 cannot be both a day off and a make-up working day), got false',
    );
  });

  it('refuses impossible dates, a year without holidays and a gap', () => {
    expect(() => createWorkdayCalendar([{ year: 2027, days: [{ date: '2027-02-30', name: '春节', isOffDay: true }] }])).toThrow('years[0].days[0].date expected a real civil date');
    expect(() => createWorkdayCalendar([{ year: 2027, days: [] }])).toThrow('years[0].days expected the holidays of 2027 (a year with no day off is a notice not yet published), got 0');
    expect(() => createWorkdayCalendar([y2027, { year: 2029, days: [{ date: '2029-01-01', name: '元旦', isOffDay: true }] }])).toThrow('consecutive years (2028 is missing');
    expect(() => createWorkdayCalendar([y2027], { base: {} as never })).toThrow(SunshineInputError);
  });

  it('refuses a day far from its notice’s year', () => {
    expect(() => createWorkdayCalendar([{ year: 2027, days: [...y2027.days, { date: '2030-05-01', name: '劳动节', isOffDay: true }] }])).toThrow('years[0].days[2].date expected a date in 2027 or next to it');
  });
});
