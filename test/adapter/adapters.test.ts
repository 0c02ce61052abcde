import { describe, expect, it } from 'vitest';
import { checkTargets, fromCsvRows, fromNhsaRecords, measureOnlineRates, measuresFromMonitoringForm, SunshineInputError } from '../../src/index';

describe('fromNhsaRecords (interfaces 3503 and 3504)', () => {
  it('matches the JSDoc example', () => {
    expect(
      fromNhsaRecords([{ med_list_codg: 'XA01AAA', finl_trns_pric: '12.345678', purc_retn_cnt: '10.5', purc_retn_stoin_time: '2024-03-05 10:20:00', prod_geay_flag: '0' }], {
        interface: '3503',
        institutionId: 'H1',
        channel: () => 'platform',
      }).lines[0]?.amount,
    ).toBe('129.629619');
  });

  const purchases = [
    // 12.345678 × 10.5 = 129.629619; X: a drug
    { med_list_codg: 'XA01AAA0001', finl_trns_pric: '12.345678', purc_retn_cnt: '10.5', purc_retn_stoin_time: '2024-03-05 10:20:00', prod_geay_flag: '0', platform_order_no: 'PO1' },
    // a gift: excluded with its reason by default
    { med_list_codg: 'XA01AAA0002', finl_trns_pric: '3', purc_retn_cnt: '2', purc_retn_stoin_time: '2024-03-06 09:00:00', prod_geay_flag: '1' },
    // C: a consumable, no platform order number → offline; 0.5 × 4 = 2
    { med_list_codg: 'C0301000000', finl_trns_pric: 0.5, purc_retn_cnt: 4, purc_retn_stoin_time: '2024-03-07 08:00:00', prod_geay_flag: '0' },
    // T: TCM decoction pieces
    { med_list_codg: 'T001', finl_trns_pric: '1', purc_retn_cnt: '1', purc_retn_stoin_time: '2024-03-08', prod_geay_flag: '0' },
    // rejected: a malformed time, a price that is not a number, an unknown code letter
    { med_list_codg: 'XA02', finl_trns_pric: '1', purc_retn_cnt: '1', purc_retn_stoin_time: '2024-02-30 10:00:00' },
    { med_list_codg: 'XA03', finl_trns_pric: 'abc', purc_retn_cnt: '1', purc_retn_stoin_time: '2024-03-05 10:00:00' },
    { med_list_codg: 'Q999', finl_trns_pric: '1', purc_retn_cnt: '1', purc_retn_stoin_time: '2024-03-05 10:00:00' },
  ];
  const channel = (r: Record<string, unknown>) => (r.platform_order_no !== undefined ? 'platform' : 'offline');
  const result = fromNhsaRecords(purchases, { interface: '3503', institutionId: 'H1', channel });

  it('maps purchases: amount = price × count exactly, dated by the inbound time, coded by 医疗目录编码', () => {
    expect(result.lines.map((l) => [l.row, l.category, l.kind ?? null, l.channel, l.amount, l.receivedOn, l.insuranceCode])).toEqual([
      [1, 'drug', null, 'platform', '129.629619', '2024-03-05', 'XA01AAA0001'],
      [3, 'consumable', null, 'offline', '2', '2024-03-07', 'C0301000000'],
      [4, 'drug', 'tcm-decoction-pieces', 'offline', '1', '2024-03-08', 'T001'],
    ]);
  });

  it('leaves gifts out with a reason by default, and counts them when asked', () => {
    // the gift: 3 × 2 = 6
    expect(result.excluded).toEqual([{ row: 2, reason: 'gift', amount: '6' }]);
    const included = fromNhsaRecords(purchases, { interface: '3503', institutionId: 'H1', channel, gifts: 'include' });
    expect(included.lines.find((l) => l.row === 2)?.amount).toBe('6');
  });

  it('rejects each record it cannot map with its row, column and value; nothing is dropped', () => {
    expect(result.rejected.map((r) => [r.row, r.column, r.value])).toEqual([
      [5, 'purc_retn_stoin_time', '2024-02-30 10:00:00'],
      [6, 'finl_trns_pric', 'abc'],
      [7, 'med_list_codg', 'Q999'],
    ]);
    expect(result.lines.length + result.excluded.length + result.rejected.length).toBe(purchases.length);
  });

  it('makes purchase returns (3504) negative lines on their inbound date', () => {
    const returns = fromNhsaRecords([{ med_list_codg: 'XA01AAA0001', finl_trns_pric: '12.345678', purc_retn_cnt: '2', purc_retn_stoin_time: '2024-03-20 14:00:00' }], {
      interface: '3504',
      institutionId: 'H1',
      channel: () => 'platform',
    });
    // −(12.345678 × 2) = −24.691356
    expect(returns.lines[0]).toMatchObject({ amount: '-24.691356', receivedOn: '2024-03-20' });
  });

  it('feeds measureOnlineRates', () => {
    const { measures } = measureOnlineRates(result.lines, { policy: 'ganzhou-2023', institutions: [{ id: 'H1', level: 'secondary', ownership: 'public' }] });
    // drugs: 129.629619 on the platform, 1 off it: 129.629619 / 130.629619
    expect(measures[0]?.totalAmount.toString()).toBe('130.629619');
  });

  it('throws in strict mode and for bad options', () => {
    expect(() => fromNhsaRecords(purchases, { interface: '3503', institutionId: 'H1', channel, strict: true })).toThrow('fromNhsaRecords: records[4].purc_retn_stoin_time expected an inbound time');
    expect(() => fromNhsaRecords([], { interface: '3505' as never, institutionId: 'H1', channel })).toThrow(SunshineInputError);
    expect(() => fromNhsaRecords([], { interface: '3503', institutionId: 'H1' } as never)).toThrow('options.channel expected a function');
  });
});

describe('fromCsvRows', () => {
  it('matches the JSDoc example', () => {
    expect(fromCsvRows([{ 医疗机构编码: 'H1', 入库日期: '2024/3/5', 类别: '药品', 采购渠道: '省平台', 医保代码: 'XA01', '金额（万元）': '1.2345' }]).lines[0]?.amount).toBe('12345');
  });

  it('maps Chinese headers and values, thousands separators and dates', () => {
    const { lines, rejected } = fromCsvRows(
      [
        { 医疗机构编码: 'H1', 入库日期: '2024-03-05 10:20', 类别: '医用耗材', 品种: '体外诊断试剂', 是否高值: '否', 采购渠道: '线下', 金额: '1,234.50', 备注: 'x' },
        { institutionId: 'H2', receivedOn: '2024-03-06', category: 'drug', channel: 'emergency', amount: 12.5 },
      ],
      { ignoreColumns: ['备注'] },
    );
    expect(rejected).toEqual([]);
    expect(lines).toEqual([
      { row: 1, institutionId: 'H1', receivedOn: '2024-03-05', category: 'consumable', kind: 'ivd-reagent', highValue: false, channel: 'offline', amount: '1234.5' },
      { row: 2, institutionId: 'H2', receivedOn: '2024-03-06', category: 'drug', channel: 'emergency', amount: '12.5' },
    ]);
  });

  it('rejects a malformed date, a non-numeric amount, an unknown value and an unknown column, with row and column', () => {
    const { lines, rejected } = fromCsvRows(
      [
        { 医疗机构编码: 'H1', 入库日期: '2024/2/30', 类别: '药品', 采购渠道: '省平台', 金额: '1' },
        { 医疗机构编码: 'H1', 入库日期: '2024/2/3', 类别: '药品', 采购渠道: '省平台', 金额: '一百' },
        { 医疗机构编码: 'H1', 入库日期: '2024/2/3', 类别: '器械', 采购渠道: '省平台', 金额: '1' },
        { 医疗机构编码: 'H1', 入库日期: '2024/2/3', 类别: '药品', 采购渠道: '省平台', 金额: '1', 备注: 'x' },
        { 医疗机构编码: 'H1', 入库日期: '2024/2/3', 类别: '药品', 金额: '1' },
      ],
      { institutionId: undefined },
    );
    expect(lines).toEqual([]);
    expect(rejected.map((r) => [r.row, r.column, r.value])).toEqual([
      [1, '入库日期', '2024/2/30'],
      [2, '金额', '一百'],
      [3, '类别', '器械'],
      [4, '备注', 'x'],
      [5, 'channel', undefined],
    ]);
    expect(() => fromCsvRows([{ 医疗机构编码: 'H1', 入库日期: '2024/2/30' }], { strict: true })).toThrow('fromCsvRows: rows[0].入库日期 expected a real date');
  });

  it('reads a whole file in 万元 when asked', () => {
    // 3.5 万元 = 35000 元
    expect(fromCsvRows([{ 医疗机构编码: 'H1', 入库日期: '2024-03-05', 类别: '药品', 采购渠道: '省平台', 金额: '3.5' }], { unit: 'wan-yuan' }).lines[0]?.amount).toBe('35000');
  });
});

describe('measuresFromMonitoringForm', () => {
  it('matches the JSDoc example', () => {
    expect(
      measuresFromMonitoringForm([{ institutionId: 'H1', drug: { hospitalAmount: '100', platformAmount: '86' }, consumable: { hospitalAmount: '10', platformAmount: '7' } }], {
        policy: 'jiangsu-2022',
        institutions: [{ id: 'H1', level: 'secondary', ownership: 'public' }],
      }).measures[0]?.rate?.toString(),
    ).toBe('0.86');
  });
  it('reads filled forms as measures that checkTargets takes, rejecting bad rows with row and column', () => {
    const { measures, rejected } = measuresFromMonitoringForm(
      [
        { institutionId: 'H1', drug: { hospitalAmount: '100', platformAmount: '86', emergencyAmount: '1' }, consumable: { hospitalAmount: '10', platformAmount: '7' } },
        { institutionId: 'H2', drug: { hospitalAmount: '100', platformAmount: 'x' }, consumable: { hospitalAmount: '0', platformAmount: '0' } },
        { institutionId: 'H9', drug: { hospitalAmount: '1', platformAmount: '1' }, consumable: { hospitalAmount: '1', platformAmount: '1' } },
      ],
      { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'secondary', ownership: 'public' }, { id: 'H2', level: 'secondary', ownership: 'public' }] },
    );
    // H1: drugs 86 / 100 万元 = 0.86 ≥ 0.85; consumables 7 / 10 = 0.7 < 0.75, short 0.75 × 100000 − 70000 = 5000 元
    const checks = checkTargets(measures, 'jiangsu-2022');
    expect(checks.map((c) => [c.measure, c.meets, c.shortfallAmount?.toString()])).toEqual([
      ['drug', true, '0'],
      ['consumable', false, '5000'],
    ]);
    expect(rejected.map((r) => [r.row, r.column, r.value])).toEqual([
      [2, 'drug.platformAmount', 'x'],
      [3, 'institutionId', 'H9'],
    ]);
  });
});
