import { describe, expect, it } from 'vitest';
import { checkTargets, fromCsvRows, fromCsvRowsInChunks, fromNhsaRecords, fromNhsaRecordsInChunks, measureOnlineRates, measuresFromMonitoringForm, SunshineInputError } from '../../src/index';

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
  const run = () => fromNhsaRecords(purchases, { interface: '3503', institutionId: 'H1', channel });

  it('maps purchases: amount = price × count exactly, dated by the inbound time, coded by 医疗目录编码', () => {
    // records are not table rows: each line carries its index among the records (from 0), and no row
    expect(run().lines.map((l) => [l.index, l.row, l.category, l.kind ?? null, l.channel, l.amount, l.receivedOn, l.insuranceCode])).toEqual([
      [0, undefined, 'drug', null, 'platform', '129.629619', '2024-03-05', 'XA01AAA0001'],
      [2, undefined, 'consumable', null, 'offline', '2', '2024-03-07', 'C0301000000'],
      [3, undefined, 'drug', 'tcm-decoction-pieces', 'offline', '1', '2024-03-08', 'T001'],
    ]);
  });

  it('leaves gifts out with a reason by default, and counts them when asked', () => {
    // the gift: 3 × 2 = 6
    expect(run().excluded).toEqual([{ index: 1, reason: 'gift', amount: '6' }]);
    const included = fromNhsaRecords(purchases, { interface: '3503', institutionId: 'H1', channel, gifts: 'include' });
    expect(included.lines.find((l) => l.index === 1)?.amount).toBe('6');
  });

  it('rejects each record it cannot map with its index, column and value; nothing is dropped', () => {
    expect(run().rejected.map((r) => [r.index, r.column, r.value])).toEqual([
      [4, 'purc_retn_stoin_time', '2024-02-30 10:00:00'],
      [5, 'finl_trns_pric', 'abc'],
      [6, 'med_list_codg', 'Q999'],
    ]);
    expect(run().lines.length + run().excluded.length + run().rejected.length).toBe(purchases.length);
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
    const { measures } = measureOnlineRates(run().lines, { policy: 'ganzhou-2023', institutions: [{ id: 'H1', level: 'secondary', ownership: 'public' }] });
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
      // data row 0 is file row 2 (the header is row 1)
      { index: 0, row: 2, institutionId: 'H1', receivedOn: '2024-03-05', category: 'consumable', kind: 'ivd-reagent', highValue: false, channel: 'offline', amount: '1234.5' },
      { index: 1, row: 3, institutionId: 'H2', receivedOn: '2024-03-06', category: 'drug', channel: 'emergency', amount: '12.5' },
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
    // [index, file row (header = row 1), column, value]
    expect(rejected.map((r) => [r.index, r.row, r.column, r.value])).toEqual([
      [0, 2, '入库日期', '2024/2/30'],
      [1, 3, '金额', '一百'],
      [2, 4, '类别', '器械'],
      [3, 5, '备注', 'x'],
      [4, 6, 'channel', undefined],
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
    expect(rejected.map((r) => [r.index, r.row, r.column, r.value])).toEqual([
      [1, undefined, 'drug.platformAmount', 'x'],
      [2, undefined, 'institutionId', 'H9'],
    ]);
  });
});

describe('adapters check what they emit (issue 20)', () => {
  const nhsa = (time: unknown, extra: Record<string, unknown> = {}) => ({ med_list_codg: 'XA01', finl_trns_pric: '2', purc_retn_cnt: '3', purc_retn_stoin_time: time, ...extra });
  const opts = { interface: '3503' as const, institutionId: 'H1', channel: () => 'platform' as const };

  it('rejects an impossible time of day, naming the row and the column', () => {
    const times = ['2024-03-05 25:00:00', '2024-03-05 99:99:99', '2024-03-05 10:60:00', '2024-03-05 10:20:61', '2024-03-05 24:00:00', '2024-03-05 10:20:00Z', '2024-03-05 10'];
    const { lines, rejected } = fromNhsaRecords(times.map((t) => nhsa(t)), opts);
    expect(lines).toEqual([]);
    expect(rejected.map((r) => [r.index, r.column, r.value])).toEqual(times.map((t, i) => [i, 'purc_retn_stoin_time', t]));
    // the times that are real: midnight, the last second, a one-digit hour, minutes only, a fraction, a T
    const good = ['2024-03-05 00:00:00', '2024-03-05 23:59:59', '2024-03-05 9:05:30', '2024-03-05 10:20', '2024-03-05 10:20:00.000', '2024-03-05T10:20:00'];
    expect(fromNhsaRecords(good.map((t) => nhsa(t)), opts).lines.map((l) => l.receivedOn)).toEqual(good.map(() => '2024-03-05'));
    const csv = fromCsvRows([{ 医疗机构编码: 'H1', 入库日期: '2024-03-06 25:99', 类别: '药品', 采购渠道: '省平台', 金额: '1' }]);
    expect(csv.rejected.map((r) => [r.index, r.row, r.column, r.value])).toEqual([[0, 2, '入库日期', '2024-03-06 25:99']]);
  });

  it("rejects what a caller's rule answers when measureOnlineRates would refuse it, naming the rule", () => {
    const records = [nhsa('2024-03-05 10:00:00'), nhsa('2024-03-05 10:00:00', { med_list_codg: 'C01' }), nhsa('2024-03-05 10:00:00'), nhsa('2024-03-05 10:00:00'), nhsa('2024-03-05 10:00:00')];
    // by the record's index (from 0), as the rules are called
    const answers: Record<number, { channel?: unknown; category?: unknown; institutionId?: unknown; highValue?: unknown }> = {
      0: { channel: 'mail' },
      1: { highValue: 'yes' },
      2: { category: 'food' },
      3: { institutionId: '' },
      4: { category: { category: 'consumable', kind: 'tcm-decoction-pieces' } },
    };
    const { lines, rejected } = fromNhsaRecords(records, {
      interface: '3503',
      institutionId: (_, index) => (answers[index]?.institutionId ?? 'H1') as string,
      channel: (_, index) => (answers[index]?.channel ?? 'platform') as never,
      category: (r, index) => (answers[index]?.category ?? (String(r.med_list_codg).startsWith('C') ? 'consumable' : 'drug')) as never,
      highValue: (_, index) => (answers[index]?.highValue ?? false) as never,
    });
    expect(lines).toEqual([]);
    expect(rejected.map((r) => [r.index, r.column, r.value])).toEqual([
      [0, 'options.channel', 'mail'],
      [1, 'options.highValue', 'yes'],
      [2, 'options.category', 'food'],
      [3, 'options.institutionId', ''],
      [4, 'options.category', { category: 'consumable', kind: 'tcm-decoction-pieces' }],
    ]);
    expect(() => fromNhsaRecords(records, { ...opts, channel: () => 'mail' as never, strict: true })).toThrow('fromNhsaRecords: records[0].options.channel expected the rule to give one of "platform", "emergency", "offline", got "mail"');
  });

  it('rejects a price × count with more decimals than an amount may have, and keeps it exact otherwise', () => {
    // 0.000000000000000001 × 0.0000000000001 = 10^-31: 31 decimals, one more than an amount may carry
    const r = fromNhsaRecords([nhsa('2024-03-05', { finl_trns_pric: '0.000000000000000001', purc_retn_cnt: '0.0000000000001' })], opts);
    expect(r.rejected.map((x) => x.column)).toEqual(['purc_retn_cnt']);
    // past 2^53 the Decimal road: 99999999.999999 × 99999.9999 = 99999999999999 × 999999999 / 10^10
    const big = fromNhsaRecords([nhsa('2024-03-05', { finl_trns_pric: '99999999.999999', purc_retn_cnt: '99999.9999' })], opts);
    // 99999999999999 × 999999999 = 99999999899999000000001, shifted 10 places: 9999999989999.9000000001
    expect(big.lines[0]!.amount).toBe('9999999989999.9000000001');
    // the double road: 12.345678 × 10.5 = 129.629619; 0.5 × 4 = 2; 3504 negates; 0 × 3 = 0 (never -0)
    const small = fromNhsaRecords([nhsa('2024-03-05', { finl_trns_pric: '0.000100', purc_retn_cnt: '0.0100' }), nhsa('2024-03-05', { finl_trns_pric: '0', purc_retn_cnt: '3' })], { ...opts, interface: '3504' });
    // −(0.0001 × 0.01) = −0.000001
    expect(small.lines.map((l) => l.amount)).toEqual(['-0.000001', '0']);
  });

  it('fromCsvRows: a kind of the other category, a drug marked high-value, a 万元 amount too long, prototype-like headers and values', () => {
    const base = { 医疗机构编码: 'H1', 入库日期: '2024-03-05', 类别: '药品', 采购渠道: '省平台', 金额: '1' };
    const proto = JSON.parse('{"医疗机构编码":"H1","入库日期":"2024-03-05","类别":"药品","采购渠道":"省平台","金额":"1","__proto__":"x"}') as Record<string, unknown>;
    const { lines, rejected } = fromCsvRows([
      { ...base, 品种: '体外诊断试剂' },
      { ...base, 高值: '是' },
      // 28 digits of 万元 are 32 digits of 元: more than an amount may have
      { 医疗机构编码: 'H1', 入库日期: '2024-03-05', 类别: '药品', 采购渠道: '省平台', '金额（万元）': '1'.repeat(28) },
      proto,
      { ...base, 类别: '__proto__' },
      { ...base, constructor: 'x' },
      { ...base, 医疗机构编码: { id: 'H1' } },
      { ...base, 医疗机构编码: 12 },
    ]);
    expect(rejected.map((r) => [r.index, r.column, r.expected])).toEqual([
      [0, '品种', 'a 药品 kind'],
      [1, '高值', '否 for a drug (high-value applies to consumables only)'],
      [2, '金额（万元）', 'an amount such as "1,234.56" or "12.5万元", of at most 30 digits before and after the point'],
      [3, '__proto__', expect.stringMatching(/^a known column/)],
      [4, '类别', 'one of 药品, 医用耗材 (drug, consumable)'],
      [5, 'constructor', expect.stringMatching(/^a known column/)],
      [6, '医疗机构编码', 'a text or a number'],
    ]);
    // a number is read as its text
    expect(lines.map((l) => [l.index, l.institutionId])).toEqual([[7, '12']]);
  });

  it('reads any iterable, in chunks too (sync and async), numbering rows across chunks', async () => {
    const row = (i: number) => ({ 医疗机构编码: 'H1', 入库日期: '2024-03-05', 类别: '药品', 采购渠道: '省平台', 金额: i % 3 === 2 ? 'x' : String(i) });
    function* gen(n: number) {
      for (let i = 0; i < n; i++) yield row(i);
    }
    expect(fromCsvRows(new Set([row(0), row(1)])).lines.length).toBe(2);
    // data row 2 (from 0) is file row 4
    expect(fromCsvRows(gen(5)).rejected.map((r) => [r.index, r.row])).toEqual([[2, 4]]);
    // 7 data rows (file rows 2–8) in chunks of 3: file rows 2–4, 5–7, 8; data rows 2 and 5 (file rows 4 and 7) are not amounts
    const sync = [...fromCsvRowsInChunks(gen(7), { chunkSize: 3 })];
    expect(sync.map((c) => [c.lines.map((l) => l.row), c.rejected.map((r) => r.row)])).toEqual([
      [[2, 3], [4]],
      [[5, 6], [7]],
      [[8], []],
    ]);
    // two title rows above the header: the header is file row 3, the first data row file row 4
    expect(fromCsvRows(gen(3), { headerRow: 3 }).rejected.map((r) => [r.index, r.row])).toEqual([[2, 6]]);
    async function* slow(n: number) {
      for (let i = 0; i < n; i++) yield await Promise.resolve(row(i));
    }
    const chunks = [];
    for await (const c of fromCsvRowsInChunks(slow(6), { chunkSize: 3 })) chunks.push(c.lines.map((l) => l.row));
    expect(chunks).toEqual([[2, 3], [5, 6]]);
    const recs = async function* () {
      yield nhsa('2024-03-05 10:00:00');
      yield nhsa('2024-03-05 25:00:00');
    };
    const got = [];
    for await (const c of fromNhsaRecordsInChunks(recs(), { ...opts, chunkSize: 1 })) got.push([c.lines.length, c.rejected.map((r) => r.index)]);
    expect(got).toEqual([[1, []], [0, [1]]]);
    // a chunk ends exactly at the last row: no empty chunk after it; no rows: no chunk
    expect([...fromCsvRowsInChunks(gen(6), { chunkSize: 3 })].length).toBe(2);
    expect([...fromCsvRowsInChunks([], {})].length).toBe(0);
  });

  it('refuses what is not an iterable of rows, naming the argument', () => {
    for (const bad of [null, undefined, 42, 'rows', { a: 1 }]) {
      expect(() => fromCsvRows(bad as never)).toThrow(/^fromCsvRows: rows expected an array or iterable of rows keyed by header/);
      expect(() => fromNhsaRecords(bad as never, opts)).toThrow(/^fromNhsaRecords: records expected an array or iterable of 3503\/3504 records/);
      expect(() => fromCsvRowsInChunks(bad as never)).toThrow(/^fromCsvRowsInChunks: rows expected/);
      expect(() => fromNhsaRecordsInChunks(bad as never, opts)).toThrow(/^fromNhsaRecordsInChunks: records expected/);
    }
    expect(() => fromCsvRowsInChunks([], { chunkSize: 0 })).toThrow('fromCsvRowsInChunks: options.chunkSize expected a whole number of rows, at least 1, got 0');
    expect(() => fromCsvRows([], { institutionId: '' })).toThrow('fromCsvRows: options.institutionId expected a non-empty institution id');
    expect(() => fromCsvRows([], { columns: { 编码: 'id' as never } })).toThrow('fromCsvRows: options.columns.编码 expected one of institutionId');
    expect(() => fromCsvRows([], { ignoreColumns: '备注' as never })).toThrow('fromCsvRows: options.ignoreColumns expected an array of headers');
    expect(() => fromCsvRows([], { unit: 'fen' as never })).toThrow('fromCsvRows: options.unit expected one of "yuan", "wan-yuan"');
    expect(() => fromNhsaRecords([], { ...opts, institutionId: 7 as never })).toThrow('fromNhsaRecords: options.institutionId expected a non-empty institution id');
    expect(() => fromNhsaRecords([], { ...opts, category: 'drug' as never })).toThrow('fromNhsaRecords: options.category expected a function, or absent');
    expect(() => fromNhsaRecords([], { ...opts, gifts: 'keep' as never })).toThrow('fromNhsaRecords: options.gifts expected one of "exclude", "include"');
  });
});

describe('adapters: what each rejection says', () => {
  it('fromCsvRows names what it expected, in words a clerk can act on', () => {
    const base = { 医疗机构编码: 'H1', 入库日期: '2024-03-05', 类别: '药品', 采购渠道: '省平台', 金额: '1' };
    const { rejected } = fromCsvRows([
      7 as never,
      { ...base, 金额: '一百' },
      { ...base, 入库日期: '2024-03-05 25:00' },
      { ...base, 类别: '器械' },
      { ...base, 采购渠道: '邮寄' },
      { ...base, 品种: '保健品' },
      { ...base, 高值: '也许' },
      { ...base, 其他: 'x' },
      { 医疗机构编码: 'H1' },
      { ...base, 医疗机构编码: true },
    ]);
    expect(rejected.map((r) => [r.index + 1, r.column, r.expected])).toEqual([
      [1, '', 'a row keyed by header'],
      [2, '金额', 'an amount such as "1,234.56" or "12.5万元"'],
      [3, '入库日期', 'a real date such as "2024-03-05" or "2024/3/5", optionally with a time of day such as "10:20:00"'],
      [4, '类别', 'one of 药品, 医用耗材 (drug, consumable)'],
      [5, '采购渠道', 'one of 省平台, 应急, 线下 (platform, emergency, offline)'],
      [6, '品种', 'a kind such as 中药饮片, 体外诊断试剂, or empty'],
      [7, '高值', '是 / 否 (true / false)'],
      [8, '其他', 'a known column (医疗机构编码、机构编码、医疗机构代码、institutionId、institution_id、入库日期…) or one listed in options.columns / options.ignoreColumns'],
      [9, 'receivedOn', 'a column for receivedOn'],
      [10, '医疗机构编码', 'a text or a number'],
    ]);
    // each missing field in turn, in the order of a line
    const missing = (row: Record<string, string>) => fromCsvRows([row]).rejected[0]?.column;
    expect(missing({ 入库日期: '2024-03-05', 类别: '药品', 采购渠道: '省平台', 金额: '1' })).toBe('institutionId');
    expect(missing({ 医疗机构编码: 'H1', 入库日期: '2024-03-05', 采购渠道: '省平台', 金额: '1' })).toBe('category');
    expect(missing({ 医疗机构编码: 'H1', 入库日期: '2024-03-05', 类别: '药品', 金额: '1' })).toBe('channel');
    expect(missing({ 医疗机构编码: 'H1', 入库日期: '2024-03-05', 类别: '药品', 采购渠道: '省平台' })).toBe('amount');
    // blanks: an empty institution cell is a missing institution, an empty code no code, an empty kind no kind
    expect(missing({ ...base, 医疗机构编码: ' ' })).toBe('institutionId');
    expect(fromCsvRows([{ ...base, 医保代码: '', 品种: '', 高值: '' }]).lines[0]).toMatchObject({ insuranceCode: undefined, kind: undefined, highValue: false });
    expect(fromCsvRows([{ ...base, 医保代码: ' XA01 ', 金额: 12.5 }]).lines[0]).toMatchObject({ insuranceCode: 'XA01', amount: '12.5' });
  });

  it('fromCsvRows reads the columns and units it is told, and the forms of yes, no and kinds', () => {
    const row = { 编码: 'H1', 日期: '2024.3.5', 类别: 'consumable', 渠道: 'offline', 金额: '2', 高值: 'Y', 品种: 'ivd-reagent', 备注: 'x' };
    const { lines, rejected } = fromCsvRows([row], { columns: { 编码: 'institutionId', 日期: 'receivedOn' }, ignoreColumns: ['备注'], unit: 'wan-yuan' });
    expect(rejected).toEqual([]);
    // 2 万元 = 20,000 元
    expect(lines[0]).toMatchObject({ institutionId: 'H1', receivedOn: '2024-03-05', category: 'consumable', channel: 'offline', amount: '20000', highValue: true, kind: 'ivd-reagent' });
    // a file of one institution: the id from the options
    expect(fromCsvRows([{ 入库日期: '2024年3月5日', 类别: '耗材', 采购渠道: '应急采购', 金额: '0', 是否高值: '否' }], { institutionId: 'H9' }).lines[0]).toMatchObject({ institutionId: 'H9', receivedOn: '2024-03-05', channel: 'emergency', highValue: false });
    expect(fromCsvRows([{ ...row, 高值: 'N' }], { columns: { 编码: 'institutionId', 日期: 'receivedOn' }, ignoreColumns: ['备注'] }).lines[0]?.highValue).toBe(false);
  });

  it('fromNhsaRecords names what it expected', () => {
    const ok = { med_list_codg: 'XA01', finl_trns_pric: '2', purc_retn_cnt: '3', purc_retn_stoin_time: '2024-03-05 10:00:00' };
    const { rejected } = fromNhsaRecords(
      [null as never, { ...ok, med_list_codg: ' ' }, { ...ok, med_list_codg: 'Q1' }, { ...ok, finl_trns_pric: '-1' }, { ...ok, purc_retn_cnt: 'x' }, { ...ok, purc_retn_stoin_time: 20240305 }],
      { interface: '3503', institutionId: 'H1', channel: () => 'platform' },
    );
    expect(rejected.map((r) => [r.index + 1, r.column, r.expected])).toEqual([
      [1, '', 'a 3503/3504 record object'],
      [2, 'med_list_codg', 'the 医疗目录编码 of the product'],
      [3, 'med_list_codg', 'a code starting with X, Z, T (drugs) or C (consumables), or options.category'],
      [4, 'finl_trns_pric', 'a non-negative price such as "12.345678" (最终成交单价)'],
      [5, 'purc_retn_cnt', 'a non-negative count such as "10.5" (采购/退货数量)'],
      [6, 'purc_retn_stoin_time', 'an inbound time "yyyy-MM-dd HH:mm:ss" (采购/退货入库时间), a real date and time'],
    ]);
    // lower-case code letters, a number price, a consumable's high-value rule, a 3504 gift flag is not a gift
    const r = fromNhsaRecords([{ ...ok, med_list_codg: 'c01', finl_trns_pric: 1.5, prod_geay_flag: '1' }], { interface: '3504', institutionId: 'H1', channel: () => 'offline', highValue: () => true });
    // −(1.5 × 3) = −4.5
    expect(r.lines[0]).toMatchObject({ category: 'consumable', highValue: true, amount: '-4.5', insuranceCode: 'c01' });
    // the high-value rule is not asked about drugs
    expect(fromNhsaRecords([ok], { interface: '3503', institutionId: 'H1', channel: () => 'platform', highValue: () => 'anything' as never }).lines[0]?.highValue).toBeUndefined();
  });
});
