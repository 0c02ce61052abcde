import { describe, expect, it } from 'vitest';
import * as api from '../src/index';
import {
  aggregateRates,
  aggregateVolumeProgress,
  agreedVolumeProgress,
  checkTargets,
  comparePeers,
  compileRatesSQL,
  createRateAccumulator,
  createWorkdayCalendar,
  filingDeadline,
  formatPeriod,
  formatRate,
  formatShortfall,
  fromCsvRows,
  fromCsvRowsInChunks,
  fromNhsaRecords,
  fromNhsaRecordsInChunks,
  getPolicy,
  institutionVolumeFile,
  measureOnlineRates,
  measuresFromMonitoringForm,
  mostImproved,
  orderResponseTimeline,
  parseAmount,
  ratesFromSQL,
  renderBulletin,
  reportingCompleteness,
  reportingSchedule,
  reviewDemandReport,
  selectedProductShare,
  SunshineInputError,
  timeProgress,
  toICS,
  toCsv,
  toMonitoringForm,
  type VolumeItem,
} from '../src/index';
import { refusal } from './_helpers/refusal';

/**
 * Options are strict, data is lenient (DESIGN.md, issue 25): a misspelt option key is refused by
 * name, with the nearest known key, instead of being ignored (a misspelt `period` counted every
 * date without a word).
 */
const institutions = [{ id: 'H', level: 'tertiary', ownership: 'public' }] as const;
const lines = [{ institutionId: 'H', receivedOn: '2024-01-05', category: 'drug', insuranceCode: 'X', channel: 'platform', amount: '1' }] as const;
const { measures } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions: [...institutions] });
const cycle = { start: '2024-01-01', end: '2024-12-31' };
const item = { institutionId: 'H', batch: 'b', product: 'p', agreedQuantity: '10', purchasedQuantity: '5', cycle };
const period = { from: '2024-01-01', to: '2024-03-31' };
const stamp = '2026-03-02T09:00:00+08:00';
/** Adds a key that is not an option to any options object (none for `''`). */
const plus = <T extends object>(o: T, key: string): T => (key === '' ? o : { ...o, [key]: 1 });

/** Each row: the function, a call with the given key added to its options, the key misspelt and the key meant. */
const rows: [fn: string, call: (key: string) => unknown, typo: string, meant: string][] = [
  ['measureOnlineRates', (k) => measureOnlineRates(lines, plus({ policy: 'jiangsu-2022', institutions: [...institutions] }, k)), 'peroid', 'period'],
  ['measureOnlineRates', (k) => measureOnlineRates(lines, plus({ policy: 'jiangsu-2022', institutions: [...institutions] }, k)), 'stict', 'strict'],
  ['measureOnlineRates', (k) => measureOnlineRates(lines, plus({ policy: 'jiangsu-2022', institutions: [...institutions] }, k)), 'Institutions', 'institutions'],
  ['createRateAccumulator', (k) => createRateAccumulator(plus({ policy: 'jiangsu-2022', institutions: [...institutions] }, k)), 'firstindex', 'firstIndex'],
  ['ratesFromSQL', (k) => ratesFromSQL({ measures: [], ledger: [['input', null, 0, '0'], ['included', null, 0, '0']] }, plus({ policy: 'jiangsu-2022', institutions: [] }, k)), 'polcy', 'policy'],
  ['aggregateRates', (k) => aggregateRates(measures, plus({ by: 'city' }, k)), 'levelGroup', 'levelGroups'],
  ['checkTargets', (k) => checkTargets(measures, 'jiangsu-2022', plus({}, k)), 'comapre', 'compare'],
  ['formatRate', (k) => formatRate('0.5', plus({}, k)), 'digit', 'digits'],
  ['formatShortfall', (k) => formatShortfall('1', plus({}, k)), 'empy', 'empty'],
  ['toCsv', (k) => toCsv([], plus({}, k)), 'bon', 'bom'],
  ['getPolicy', (k) => getPolicy('jiangsu-2022', plus({}, k)), 'asof', 'asOf'],
  ['compileRatesSQL', (k) => compileRatesSQL('jiangsu-2022', plus({ dialect: 'duckdb' }, k)), 'lineTable', 'linesTable'],
  ['toMonitoringForm', (k) => toMonitoringForm(measures, plus({}, k)), 'digts', 'digits'],
  ['comparePeers', (k) => comparePeers(measures, plus({ by: 'city' }, k)), 'measures', 'measure'],
  ['mostImproved', (k) => mostImproved({ period, measures }, { period, measures }, plus({}, k)), 'allowDifferentLength', 'allowDifferentLengths'],
  ['reportingCompleteness', (k) => reportingCompleteness([{ period: '2024-01', measures }], plus({}, k)), 'By', 'by'],
  ['renderBulletin', (k) => renderBulletin({ policy: 'jiangsu-2022', measures, by: 'city', period }, plus({ format: 'html', title: 't', asOf: '2024-04-01' }, k)), 'fromat', 'format'],
  ['fromCsvRows', (k) => fromCsvRows([], plus({}, k)), 'ignoreColumn', 'ignoreColumns'],
  ['fromCsvRowsInChunks', (k) => fromCsvRowsInChunks([], plus({}, k)), 'chunksize', 'chunkSize'],
  ['fromNhsaRecords', (k) => fromNhsaRecords([], plus({ interface: '3503', institutionId: 'H', channel: () => 'platform' }, k)), 'gift', 'gifts'],
  ['fromNhsaRecordsInChunks', (k) => fromNhsaRecordsInChunks([], plus({ interface: '3503', institutionId: 'H', channel: () => 'platform' }, k)), 'chunk_size', 'chunkSize'],
  ['measuresFromMonitoringForm', (k) => measuresFromMonitoringForm([], plus({ policy: 'jiangsu-2022', institutions: [...institutions] }, k)), 'institution', 'institutions'],
  ['parseAmount', (k) => parseAmount('1', plus({}, k)), 'lenent', 'lenient'],
  ['createWorkdayCalendar', (k) => createWorkdayCalendar([{ year: 2030, days: [{ date: '2030-01-01', name: '元旦', isOffDay: true }] }], plus({}, k)), 'bas', 'base'],
  ['orderResponseTimeline', (k) => orderResponseTimeline(stamp, 'ganzhou-2023', plus({}, k)), 'listSendAt', 'listSentAt'],
  ['reportingSchedule', (k) => reportingSchedule('jiangsu-2022', plus({ year: 2026 }, k)), 'rol', 'roll'],
  ['toICS', (k) => toICS([], plus({ dtstamp: stamp }, k)), 'nmae', 'name'],
  ['filingDeadline', (k) => filingDeadline('2026-03-02', 'ganzhou-2023', plus({}, k)), 'calender', 'calendar'],
  ['aggregateVolumeProgress', (k) => aggregateVolumeProgress([item], plus({ asOf: '2024-06-30', by: 'institution' }, k)), 'warningRato', 'warningRatio'],
  ['institutionVolumeFile', (k) => institutionVolumeFile([item], plus({ institutionId: 'H', asOf: '2024-06-30' }, k)), 'asof', 'asOf'],
  ['selectedProductShare', (k) => selectedProductShare([], plus({}, k)), 'agreedProportion', 'agreedProportions'],
  ['timeProgress', (k) => timeProgress(cycle, '2024-06-30', plus({}, k)), 'bases', 'basis'],
];

describe('options are strict: an unknown key is refused, with the nearest known one', () => {
  it.each(rows)('%s refuses "%s"', (fn, call, typo, meant) => {
    // the same call without the key is accepted (so the refusal below is the key's)
    expect(() => call('')).not.toThrow();
    expect(refusal(() => call(typo))).toBe(`${fn}: options.${typo} is not an option; did you mean "${meant}"?`);
  });

  it('names a key nothing is near, and lists the options', () => {
    expect(refusal(() => formatRate('0.5', { colour: 'red' } as never))).toBe('formatRate: options.colour is not an option (expected one of "digits", "empty", "target")');
    expect(refusal(() => parseAmount('1', { 'currency code': 'CNY' } as never))).toBe('parseAmount: options["currency code"] is not an option (expected one of "lenient", "unit")');
  });

  it('gives every unknown key as an issue of its own, coded unknown-key', () => {
    try {
      formatRate('0.5', { digit: 1, emtpy: '-' } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SunshineInputError);
      expect((e as SunshineInputError).issues.map((i) => [i.code, i.path, i.value, i.suggestion])).toEqual([
        ['unknown-key', 'options.digit', 1, 'digits'],
        ['unknown-key', 'options.emtpy', '-', 'empty'],
      ]);
    }
  });

  it('refuses a period written { start, end }, naming from and to', () => {
    const p = { start: '2024-01-01', end: '2024-03-31' };
    expect(refusal(() => measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions: [...institutions], period: p as never }))).toBe(
      'measureOnlineRates: options.period.from expected string, got undefined; options.period.to expected string, got undefined; options.period.start is not a field of options.period; did you mean "from"?; options.period.end is not a field of options.period; did you mean "to"?',
    );
    expect(refusal(() => formatPeriod({ ...period, until: '2024-03-31' } as never))).toBe('formatPeriod: period.until is not a field of period; did you mean "to"?');
  });

  it('refuses unknown fields of the argument objects that act as options', () => {
    expect(refusal(() => renderBulletin({ policy: 'jiangsu-2022', measures, by: 'city', period, deadline: [] } as never, { format: 'html', title: 't', asOf: '2024-04-01' }))).toBe(
      'renderBulletin: input.deadline is not a field of input; did you mean "deadlines"?',
    );
    expect(refusal(() => agreedVolumeProgress({ agreedQuantity: '1', purchasedQuantity: '1', cycle, asOf: '2024-06-30', warningRato: '0.5' } as never))).toBe(
      'agreedVolumeProgress: warningRato is not a field of the input; did you mean "warningRatio"?',
    );
    expect(refusal(() => reviewDemandReport({ reportedQuantity: '1', lastYearQuantity: '1', historicQuantity: '1' } as never))).toBe(
      'reviewDemandReport: historicQuantity is not a field of the input; did you mean "historicalQuantity"?',
    );
  });

  it('keeps data lenient: lines, institutions and volume items carry other columns', () => {
    const wide = lines.map((l) => ({ ...l, 备注: 'x', supplier: 'y' }));
    const r = measureOnlineRates(wide, { policy: 'jiangsu-2022', institutions: institutions.map((i) => ({ ...i, 床位: 500 })) });
    expect(r.ledger.included.lines).toBe(1);
    // a VolumeItem passes to agreedVolumeProgress as it is (its other fields are known): 5 of 10
    expect(agreedVolumeProgress({ ...item, asOf: '2024-06-30', region: { city: 'c' } } as never as VolumeItem & { asOf: string }).completionRate?.toString()).toBe('0.5');
  });

  it('covers every public function that takes an options object (a new one must be added above or below)', () => {
    const withOptions = new Set(rows.map((r) => r[0]));
    // functions whose arguments are data, a single value, or an input object kept lenient (see docs/input.md)
    const without = [
      'addWorkdays', 'agreedVolumeProgress', 'definePolicy', 'describeDay', 'formatPeriod', 'fromMonitoringForm', 'isInForce', 'isWorkday',
      'minimumPrepayment', 'monitoringStart', 'nextWorkday', 'onlinePurchaseRate', 'rateAccumulatorFromJSON', 'reviewDemandReport', 'vbpVolumeRange', 'workdaysBetween',
    ];
    const functions = Object.entries(api).filter(([name, v]) => typeof v === 'function' && /^[a-z]/.test(name)).map(([name]) => name);
    expect(functions.filter((f) => !withOptions.has(f) && !without.includes(f))).toEqual([]);
  });
});

describe('a misspelt built-in policy id is named (issue 25)', () => {
  it('names the id meant, in getPolicy and wherever a policy is passed', () => {
    expect(refusal(() => getPolicy('jiangsu2022'))).toMatch(/^getPolicy: id expected one of "jiangsu-2019", .*, got "jiangsu2022"; did you mean "jiangsu-2022"\?$/);
    expect(refusal(() => checkTargets(measures, 'Ganzhou-2023' as never))).toMatch(/^checkTargets: policy expected a built-in policy id .*, got "Ganzhou-2023"; did you mean "ganzhou-2023"\?$/);
    expect(refusal(() => getPolicy('beijing-2030'))).not.toContain('did you mean');
  });
});
