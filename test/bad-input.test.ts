import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  aggregateRates,
  aggregateVolumeProgress,
  agreedVolumeProgress,
  CalendarCoverageError,
  checkTargets,
  createRateAccumulator,
  createWorkdayCalendar,
  definePolicy,
  describeDay,
  filingDeadline,
  formatRate,
  getPolicy,
  institutionVolumeFile,
  isWorkday,
  measureOnlineRates,
  minimumPrepayment,
  monitoringStart,
  nextWorkday,
  onlinePurchaseRate,
  orderResponseTimeline,
  parseAmount,
  rateAccumulatorFromJSON,
  reportingSchedule,
  reviewDemandReport,
  selectedProductShare,
  SunshineInputError,
  timeProgress,
  toICS,
  vbpVolumeRange,
  workdaysBetween,
} from '../src/index';

const cycle = { start: '2024-01-01', end: '2024-12-31' };
const inst = [{ id: 'H', level: 'tertiary', ownership: 'public' }] as const;
const amounts = (platformAmount: unknown) => () => onlinePurchaseRate({ platformAmount, totalAmount: '1' } as never);
const TEN_MB = '9'.repeat(10 * 1024 * 1024);

/** Chinese words an English message may carry: units and the names of things (中选 products). */
const CHINESE_LABELS = ['元', '万元', '中选'];

type Row = [name: string, call: () => unknown, error: abstract new (...args: never[]) => SunshineInputError, fragment: string];

/** Each row: what is passed, the error class expected, and a fragment of its message. */
const rows: Row[] = [
  // amounts
  ['NaN amount', amounts(Number.NaN), SunshineInputError, 'platformAmount expected a finite decimal amount'],
  ['+Infinity amount', amounts(Number.POSITIVE_INFINITY), SunshineInputError, 'got Infinity'],
  ['-Infinity amount', amounts(Number.NEGATIVE_INFINITY), SunshineInputError, 'got -Infinity'],
  ["'1e400'", amounts('1e400'), SunshineInputError, 'got "1e400"'],
  ["''", amounts(''), SunshineInputError, 'got ""'],
  ["' '", amounts(' '), SunshineInputError, 'got " "'],
  ["'12,3'", amounts('12,3'), SunshineInputError, 'got "12,3"'],
  ["full-width '１２３'", amounts('１２３'), SunshineInputError, 'got "１２３"'],
  ["'¥100'", amounts('¥100'), SunshineInputError, 'got "¥100"'],
  ['a number with 17 significant digits (0.1 + 0.2)', amounts(0.1 + 0.2), SunshineInputError, 'at most 15 significant digits'],
  ['a number with 16 significant digits', amounts(1234567890.123456), SunshineInputError, 'got 1234567890.123456'],
  ['a null amount', amounts(null), SunshineInputError, 'got null'],
  ['an undefined total', () => onlinePurchaseRate({ platformAmount: '1' } as never), SunshineInputError, 'totalAmount expected'],
  ['a 10 MB amount string', amounts(TEN_MB), SunshineInputError, '… (10485760 characters)'],
  ["parseAmount strict '1,234.56'", () => parseAmount('1,234.56'), SunshineInputError, 'pass { lenient: true }'],
  ["parseAmount lenient '12,3'", () => parseAmount('12,3', { lenient: true }), SunshineInputError, '"12,3" is ambiguous'],
  ['parseAmount lenient 10 MB', () => parseAmount(TEN_MB, { lenient: true }), SunshineInputError, 'at most 200 characters'],
  ['formatRate of a word', () => formatRate('high'), SunshineInputError, 'rate expected a finite decimal fraction'],
  // dates
  ["'2026-02-30'", () => isWorkday('2026-02-30'), SunshineInputError, 'date expected a real civil date "YYYY-MM-DD", got "2026-02-30"'],
  ["'2026-2-3'", () => describeDay('2026-2-3'), SunshineInputError, 'got "2026-2-3"'],
  ["'20260203'", () => nextWorkday('20260203'), SunshineInputError, 'got "20260203"'],
  ['a date before 1900', () => timeProgress(cycle, '1899-12-31'), SunshineInputError, 'asOf expected a real civil date'],
  ['a year the calendar does not cover', () => addWorkdays('2031-01-02', 1), CalendarCoverageError, '2031 is not covered'],
  ['a non-integer count of working days', () => addWorkdays('2026-03-02', 2.5), SunshineInputError, 'n expected a whole number of working days'],
  ['workdaysBetween with a null end', () => workdaysBetween('2026-03-02', null as never), SunshineInputError, 'end expected a real civil date'],
  ['an instant without an offset', () => orderResponseTimeline('2026-03-02T09:00:00'), SunshineInputError, 'sentAt expected an instant with an explicit offset'],
  ['toICS without a dtstamp', () => toICS([], {} as never), SunshineInputError, 'options.dtstamp expected an instant'],
  ['a schedule for year "2026"', () => reportingSchedule('jiangsu-2022', { year: '2026' as never }), SunshineInputError, 'options.year expected number'],
  ['a filing date of 2026-13-01', () => filingDeadline('2026-13-01'), SunshineInputError, 'date expected a real civil date'],
  ['monitoringStart of an empty date', () => monitoringStart(''), SunshineInputError, 'effectiveDate expected a real civil date'],
  // enums and lines
  ['an unknown level', () => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [{ id: 'A', level: 'county' as never, ownership: 'public' }] }), SunshineInputError, 'options.institutions[0].level expected one of'],
  ['an unknown ownership', () => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [{ id: 'A', level: 'primary', ownership: 'state' as never }] }), SunshineInputError, 'ownership expected one of "public", "military", "private", got "state"'],
  ['a bad line in strict mode', () => measureOnlineRates([{ institutionId: 'H', receivedOn: '2024-01-01', category: 'device' as never, channel: 'platform', amount: '1' }], { policy: 'jiangsu-2022', institutions: [...inst], strict: true }), SunshineInputError, 'lines[0].category expected one of "drug", "consumable", got "device"'],
  ['an unknown channel in strict mode', () => measureOnlineRates([{ institutionId: 'H', receivedOn: '2024-01-01', category: 'drug', channel: 'phone' as never, amount: '1' }], { policy: 'jiangsu-2022', institutions: [...inst], strict: true }), SunshineInputError, 'lines[0].channel expected one of'],
  ['duplicate institution ids', () => createRateAccumulator({ policy: 'ganzhou-2023', institutions: [...inst, ...inst] }), SunshineInputError, 'options.institutions[1].id expected each institution id once'],
  ['a period that ends before it starts', () => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [], period: { from: '2024-02-01', to: '2024-01-01' } }), SunshineInputError, 'options.period.to expected period.to on or after period.from'],
  ['aggregateRates by "town"', () => aggregateRates([], { by: 'town' as never }), SunshineInputError, 'options.by expected'],
  ['checkTargets with digits 99', () => checkTargets([], 'jiangsu-2022', { digits: 99 }), SunshineInputError, 'options.digits expected'],
  ['an accumulator state that is not one', () => rateAccumulatorFromJSON('{}'), SunshineInputError, 'json expected the JSON state of a rate accumulator'],
  // policies
  ['an unknown policy id', () => getPolicy('beijing-2030'), SunshineInputError, 'id expected one of "jiangsu-2019"'],
  ['an unknown policy id in options', () => reportingSchedule('beijing-2030' as never, { year: 2026 }), SunshineInputError, 'policy expected a built-in policy id'],
  ['a policy with a target missing its minimum', () => definePolicy({ ...getPolicy('nantong-2022'), targets: [{ measure: 'drug', appliesTo: ['institution'], clause: '§1' }] }), SunshineInputError, 'targets[0].minimum expected a decimal share'],
  ['a policy JSON without targets', () => definePolicy(JSON.parse(JSON.stringify({ ...getPolicy('nantong-2022'), targets: undefined }))), SunshineInputError, 'targets expected array'],
  ['a calendar with a day both off and at work', () => createWorkdayCalendar([{ year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }, { date: '2027-01-01', name: '元旦', isOffDay: false }] }]), SunshineInputError, 'cannot be both a day off and a make-up working day'],
  // quantities (VBP)
  ['a negative agreed quantity', () => agreedVolumeProgress({ agreedQuantity: '-5', purchasedQuantity: '1', cycle, asOf: '2024-06-30' }), SunshineInputError, 'agreedQuantity expected a non-negative decimal quantity'],
  ['a cycle that ends before it starts', () => agreedVolumeProgress({ agreedQuantity: '5', purchasedQuantity: '1', cycle: { start: '2024-12-31', end: '2024-01-01' }, asOf: '2024-06-30' }), SunshineInputError, 'cycle.end expected a date on or after cycle.start'],
  ['aggregateVolumeProgress with a NaN quantity', () => aggregateVolumeProgress([{ institutionId: 'H', batch: 'B', product: 'P', agreedQuantity: Number.NaN, purchasedQuantity: '1', cycle }], { asOf: '2024-06-30', by: 'batch' }), SunshineInputError, 'items[0].agreedQuantity expected'],
  ['institutionVolumeFile for an unknown institution', () => institutionVolumeFile([], { institutionId: 'X', asOf: '2024-06-30' }), SunshineInputError, 'options.institutionId expected'],
  ['selectedProductShare with an amount of "abc"', () => selectedProductShare([{ genericName: 'G', product: 'P', selected: true, quantity: '1', amount: 'abc' }]), SunshineInputError, 'purchases[0].amount expected'],
  ['reviewDemandReport with undefined last year', () => reviewDemandReport({ reportedQuantity: '1', lastYearQuantity: undefined as never }), SunshineInputError, 'lastYearQuantity expected'],
  ['vbpVolumeRange of a negative usage', () => vbpVolumeRange('-100'), SunshineInputError, 'annualUsage expected a non-negative'],
  ['minimumPrepayment of Infinity', () => minimumPrepayment(Number.POSITIVE_INFINITY), SunshineInputError, 'amount expected a non-negative decimal amount'],
];

describe('bad input', () => {
  it('has at least 40 cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows)('%s', (_name, call, errorClass, fragment) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(errorClass);
    const error = thrown as SunshineInputError;
    expect(error.message).toContain(fragment);
    // every issue names a path and what was expected; messages stay short even for huge input
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) expect(issue.expected.length).toBeGreaterThan(0);
    expect(error.message.length).toBeLessThan(2000);
    expect(error).not.toBeInstanceOf(TypeError);
    // one language: English, with Chinese only inside quoted values or as a label or unit (issue 25)
    const unquoted = error.message.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect((unquoted.match(/[\u3000-\u9fff\uff00-\uffef]+/g) ?? []).filter((w) => !CHINESE_LABELS.includes(w))).toEqual([]);
  });

  it('treats "__proto__" and "constructor" as plain institution ids, without prototype pollution', () => {
    const institutions = [
      { id: '__proto__', level: 'tertiary', ownership: 'public' },
      { id: 'constructor', level: 'tertiary', ownership: 'public' },
      { id: 'toString', level: 'tertiary', ownership: 'public' },
    ] as const;
    const lines = institutions.flatMap((i) => [
      { institutionId: i.id, receivedOn: '2024-01-01', category: 'drug', channel: 'platform', amount: '3', insuranceCode: 'X' },
      { institutionId: i.id, receivedOn: '2024-01-01', category: 'drug', channel: 'offline', amount: '1', insuranceCode: 'X' },
    ] as const);
    const { measures, ledger } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions: [...institutions] });
    // each: 3 / (3 + 1) = 0.75
    expect(measures.filter((m) => m.measure === 'drug').map((m) => [m.institutionId, m.rate?.toString()])).toEqual([
      ['__proto__', '0.75'],
      ['constructor', '0.75'],
      ['toString', '0.75'],
    ]);
    expect(ledger.rejected.lines).toBe(0);
    // an unknown "hasOwnProperty" id is rejected, not found on a prototype
    const other = measureOnlineRates([{ ...lines[0]!, institutionId: 'hasOwnProperty' }], { policy: 'jiangsu-2022', institutions: [...institutions] });
    expect(other.ledger.rejected.reasons[0]?.reason).toBe('unknown-institution');
    expect(({} as Record<string, unknown>).level).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'tertiary')).toBe(false);
  });

  it('rejects a 10 MB line field into the ledger with a short value', () => {
    const { ledger } = measureOnlineRates([{ institutionId: TEN_MB, receivedOn: '2024-01-01', category: 'drug', channel: 'platform', amount: '1' }], { policy: 'jiangsu-2022', institutions: [...inst] });
    expect(ledger.rejected.reasons[0]?.reason).toBe('unknown-institution');
    expect(String(ledger.rejected.reasons[0]?.value).length).toBeLessThan(120);
    expect(ledger.balanced).toBe(true);
  });

  it('never returns NaN or Infinity: zero denominators give null with a status', () => {
    expect(onlinePurchaseRate({ platformAmount: '0', totalAmount: '0' }).rate).toBeNull();
    expect(agreedVolumeProgress({ agreedQuantity: '0', purchasedQuantity: '0', cycle, asOf: '2024-06-30' }).completionRate).toBeNull();
    expect(selectedProductShare([{ genericName: 'G', product: 'P', selected: true, quantity: '0', amount: '0' }])[0]?.quantityShare).toBeNull();
    expect(reviewDemandReport({ reportedQuantity: '5', lastYearQuantity: '0' }).shareOfHistory).toBeNull();
  });
});
