/**
 * The issue code and path of every refusal, per throw site: callers branch on `issues[i].code`
 * (InputIssueCode in src/errors.ts), so the codes are part of the API as much as the messages.
 * What each code means: 'missing' (required input absent or not an object), 'invalid-type' (a value of
 * the wrong kind), 'invalid-value' (the right kind, a value not allowed), 'invalid-date',
 * 'invalid-amount', 'unknown-id', 'duplicate', 'out-of-range'.
 */
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
  describeDay,
  filingDeadline,
  formatRate,
  institutionVolumeFile,
  measureOnlineRates,
  minimumPrepayment,
  orderResponseTimeline,
  PurchaseLineSchema,
  rateAccumulatorFromJSON,
  reviewDemandReport,
  selectedProductShare,
  timeProgress,
  toICS,
  vbpVolumeRange,
} from '../src/index';
import { inst, line } from './_helpers/lines';
import { inputError } from './_helpers/results';

const H = [inst('H', 'tertiary')];
const cycle = { start: '2024-01-01', end: '2024-01-10' };
const item = { institutionId: 'H', batch: 'B', product: 'P', agreedQuantity: '1', purchasedQuantity: '0', cycle };
const purchase = { genericName: 'X', product: 'p', selected: true, quantity: '1', amount: '1' };
const y2027 = { year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }] };

function issuesOf(call: () => unknown): [string, string, string][] {
  const e = inputError(call);
  return e.issues.map((i) => [e.fn, i.code, i.path]);
}

const rows: [string, () => unknown, [string, string, string]][] = [
  // rates
  ['options not an object', () => measureOnlineRates([], null as never), ['measureOnlineRates', 'missing', 'options']],
  ['duplicate institution', () => createRateAccumulator({ policy: 'jiangsu-2022', institutions: [...H, ...H] }), ['createRateAccumulator', 'duplicate', 'options.institutions[1].id']],
  ['lines not iterable', () => measureOnlineRates(5 as never, { policy: 'jiangsu-2022', institutions: H }), ['measureOnlineRates', 'invalid-type', 'lines']],
  ['merge with a stranger', () => createRateAccumulator({ policy: 'jiangsu-2022', institutions: H }).merge({} as never), ['merge', 'invalid-type', 'other']],
  ['merge with itself', () => { const a = createRateAccumulator({ policy: 'jiangsu-2022', institutions: H }); a.merge(a); }, ['merge', 'invalid-value', 'other']],
  ['merge across policies', () => createRateAccumulator({ policy: 'jiangsu-2022', institutions: H }).merge(createRateAccumulator({ policy: 'ganzhou-2023', institutions: H })), ['merge', 'invalid-value', 'other']],
  ['a state that is not one', () => rateAccumulatorFromJSON({}), ['rateAccumulatorFromJSON', 'invalid-value', 'json']],
  ['formatRate digits', () => formatRate('0.5', { digits: 30 }), ['formatRate', 'out-of-range', 'options.digits']],
  ['formatRate rate', () => formatRate('x'), ['formatRate', 'invalid-amount', 'rate']],
  ['aggregateRates measures', () => aggregateRates(null as never, { by: 'city' }), ['aggregateRates', 'invalid-type', 'measures']],
  ['aggregateRates element', () => aggregateRates([null as never], { by: 'city' }), ['aggregateRates', 'invalid-type', 'measures[0]']],
  ['checkTargets measures', () => checkTargets(null as never, 'jiangsu-2022'), ['checkTargets', 'invalid-type', 'measures']],
  ['checkTargets element', () => checkTargets([7 as never], 'jiangsu-2022'), ['checkTargets', 'invalid-type', 'measures[0]']],
  // VBP
  ['volume items', () => aggregateVolumeProgress(null as never, { asOf: '2024-01-05', by: 'batch' }), ['aggregateVolumeProgress', 'invalid-type', 'items']],
  ['volume item', () => aggregateVolumeProgress([null as never], { asOf: '2024-01-05', by: 'batch' }), ['aggregateVolumeProgress', 'invalid-type', 'items[0]']],
  ['volume item key', () => aggregateVolumeProgress([{ ...item, batch: '' }], { asOf: '2024-01-05', by: 'batch' }), ['aggregateVolumeProgress', 'missing', 'items[0].batch']],
  ['volume options', () => aggregateVolumeProgress([item], null as never), ['aggregateVolumeProgress', 'missing', 'options']],
  ['volume grouping', () => aggregateVolumeProgress([item], { asOf: '2024-01-05', by: 'ward' as never }), ['aggregateVolumeProgress', 'invalid-value', 'options.by']],
  ['progress input', () => agreedVolumeProgress(null as never), ['agreedVolumeProgress', 'missing', 'input']],
  ['progress basis', () => agreedVolumeProgress({ ...item, asOf: '2024-01-05', basis: 'weeks' as never }), ['agreedVolumeProgress', 'invalid-value', 'basis']],
  ['progress ratio', () => agreedVolumeProgress({ ...item, asOf: '2024-01-05', warningRatio: '2' }), ['agreedVolumeProgress', 'invalid-value', 'warningRatio']],
  ['quantity', () => agreedVolumeProgress({ ...item, asOf: '2024-01-05', agreedQuantity: '-1' }), ['agreedVolumeProgress', 'invalid-amount', 'agreedQuantity']],
  ['cycle', () => agreedVolumeProgress({ ...item, asOf: '2024-01-05', cycle: null as never }), ['agreedVolumeProgress', 'missing', 'cycle']],
  ['cycle end', () => timeProgress({ start: '2024-01-10', end: '2024-01-01' }, '2024-01-05'), ['timeProgress', 'out-of-range', 'cycle.end']],
  ['time basis', () => timeProgress(cycle, '2024-01-05', { basis: 'weeks' as never }), ['timeProgress', 'invalid-value', 'options.basis']],
  ['hospital file options', () => institutionVolumeFile([item], null as never), ['institutionVolumeFile', 'missing', 'options']],
  ['hospital file id', () => institutionVolumeFile([item], { institutionId: 'Z', asOf: '2024-01-05' }), ['institutionVolumeFile', 'unknown-id', 'options.institutionId']],
  ['volume range policy', () => vbpVolumeRange('1', 'jiangsu-2022'), ['vbpVolumeRange', 'invalid-value', 'policy']],
  ['prepayment amount', () => minimumPrepayment('-1'), ['minimumPrepayment', 'invalid-amount', 'amount']],
  ['demand input', () => reviewDemandReport(null as never), ['reviewDemandReport', 'missing', 'input']],
  ['demand policy', () => reviewDemandReport({ reportedQuantity: '1', lastYearQuantity: '1', policy: 'jiangsu-2022' }), ['reviewDemandReport', 'invalid-value', 'policy']],
  ['shares purchases', () => selectedProductShare(null as never), ['selectedProductShare', 'invalid-type', 'purchases']],
  ['shares proportion', () => selectedProductShare([purchase], { agreedProportions: { X: '2' } }), ['selectedProductShare', 'invalid-value', 'options.agreedProportions.X']],
  ['shares generic name', () => selectedProductShare([{ ...purchase, genericName: '' }]), ['selectedProductShare', 'missing', 'purchases[0].genericName']],
  ['shares selected', () => selectedProductShare([{ ...purchase, selected: 1 as never }]), ['selectedProductShare', 'invalid-type', 'purchases[0].selected']],
  ['shares amount', () => selectedProductShare([{ ...purchase, amount: 'x' }]), ['selectedProductShare', 'invalid-amount', 'purchases[0].amount']],
  // calendar
  ['a bad calendar', () => describeDay('2026-03-02', {} as never), ['describeDay', 'invalid-type', 'calendar']],
  ['a bad date', () => describeDay('2026-3-2'), ['describeDay', 'invalid-date', 'date']],
  ['a bad count', () => addWorkdays('2026-03-02', 0.5), ['addWorkdays', 'invalid-value', 'n']],
  ['a date not covered', () => describeDay('2030-03-04'), ['describeDay', 'out-of-range', 'date']],
  ['a year twice', () => createWorkdayCalendar([y2027, y2027]), ['createWorkdayCalendar', 'duplicate', 'years[1].year']],
  ['a gap between years', () => createWorkdayCalendar([y2027, { year: 2029, days: [{ date: '2029-01-01', name: '元旦', isOffDay: true }] }]), ['createWorkdayCalendar', 'missing', 'years']],
  ['a day both off and worked', () => createWorkdayCalendar([{ year: 2027, days: [...y2027.days, { date: '2027-01-01', name: '元旦', isOffDay: false }] }]), ['createWorkdayCalendar', 'invalid-value', 'years[0].days[1].isOffDay']],
  ['a bad base', () => createWorkdayCalendar([y2027], { base: {} as never }), ['createWorkdayCalendar', 'invalid-type', 'options.base']],
  ['filing policy', () => filingDeadline('2026-03-02', 'jiangsu-2022'), ['filingDeadline', 'invalid-value', 'policy']],
  ['timeline policy', () => orderResponseTimeline('2026-03-02T09:00:00+08:00', 'jiangsu-2022'), ['orderResponseTimeline', 'invalid-value', 'policy']],
  ['timeline instant', () => orderResponseTimeline('2026-03-02T09:00:00'), ['orderResponseTimeline', 'invalid-date', 'sentAt']],
  ['ICS stamp', () => toICS([], { dtstamp: 'now' }), ['toICS', 'invalid-date', 'options.dtstamp']],
  ['ICS events', () => toICS(null as never, { dtstamp: '2026-03-02T09:00:00+08:00' }), ['toICS', 'invalid-type', 'events']],
];

describe('issue codes and paths', () => {
  it.each(rows)('%s', (_, call, want) => {
    expect(issuesOf(call)).toEqual([want]);
  });

  it('names the coverage error and gives its code', () => {
    let e: unknown;
    try {
      addWorkdays('2026-12-31', 1);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect((e as CalendarCoverageError).name).toBe('CalendarCoverageError');
    expect((e as CalendarCoverageError).issues.map((i) => [i.code, i.path])).toEqual([['out-of-range', 'n']]);
  });

  it('gives the line schema custom issues their paths', () => {
    const r = PurchaseLineSchema.safeParse({ ...line({ institutionId: 'H', amount: '1' }), kind: 'ivd-reagent', highValue: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['custom', 'kind'],
      ['custom', 'highValue'],
    ]);
  });

  it('joins several institutions in a warning with 、', () => {
    const people = ['A', 'B', 'C', 'D'].map((id) => inst(id, 'secondary', 'public', { city: '南通市' }));
    const m = measureOnlineRates(
      [line({ institutionId: 'A', amount: '-1' }), line({ institutionId: 'B', amount: '-2' })],
      { policy: 'jiangsu-2022', institutions: people },
    ).measures.filter((x) => x.measure === 'drug');
    const [region] = aggregateRates(m, { by: 'city' });
    // A and B returned more than they bought (inconsistent); C and D sent nothing
    expect(region?.warnings.map((w) => w.message.split(' / ')[0])).toContain('以下机构数据不一致，金额仍计入合计：A、B');
    expect(region?.warnings.map((w) => w.message.split(' / ')[0])).toContain('以下机构未报送数据，不计为 0%：C、D');
  });
});
