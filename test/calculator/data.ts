/**
 * The data the calculator page is tested with (issue 19): nine institutions in 南通市 and 苏州市, 23
 * purchase lines, a file of bad rows, written as the files an analyst would have (a UTF-8 CSV, a
 * GBK CSV with amounts in 万元, an .xlsx workbook with a second sheet for the institutions), and the
 * same data as the library's own inputs. Figures worked by hand are in page.test.ts.
 */
import Decimal from 'decimal.js';
import iconv from 'iconv-lite';
import writeExcelFile from 'write-excel-file/node';
import type { InstitutionInput, PurchaseLineInput } from '../../src/index';

/** One institution as a row of the list (the page's Chinese labels) and as the library reads it. */
interface InstitutionRow {
  readonly cells: readonly [id: string, name: string, level: string, ownership: string, province: string, city: string, county: string];
  readonly input: InstitutionInput;
}
const inst = (cells: InstitutionRow['cells'], level: InstitutionInput['level'], ownership: InstitutionInput['ownership']): InstitutionRow => ({
  cells,
  input: { id: cells[0], name: cells[1], level, ownership, region: { province: cells[4], city: cells[5], county: cells[6] } },
});

/** The institution list, header excluded; H09 has no lines (not reported). */
export const INSTITUTIONS: readonly InstitutionRow[] = [
  inst(['H01', '南通市第一人民医院', '三级', '公立', '江苏省', '南通市', '崇川区'], 'tertiary', 'public'),
  inst(['H02', '南通市中医院', '三级甲等', '公立', '江苏省', '南通市', '崇川区'], 'tertiary', 'public'),
  inst(['H03', '海安市人民医院', '二级', '公立', '江苏省', '南通市', '海安市'], 'secondary', 'public'),
  // not public: outside jiangsu-2022's scope (its lines are excluded, not rejected)
  inst(['H04', '南通瑞慈医院', '二级', '非公立', '江苏省', '南通市', '崇川区'], 'secondary', 'private'),
  inst(['H05', '苏州市立医院', '三级', '公立', '江苏省', '苏州市', '姑苏区'], 'tertiary', 'public'),
  inst(['H06', '昆山市第一人民医院', '二级', '公立', '江苏省', '苏州市', '昆山市'], 'secondary', 'public'),
  inst(['H07', '解放军某医院', '二级', '军队', '江苏省', '苏州市', '姑苏区'], 'secondary', 'military'),
  // primary: outside jiangsu-2022's scope
  inst(['H08', '太仓市某卫生院', '一级', '公立', '江苏省', '苏州市', '太仓市'], 'primary', 'public'),
  inst(['H09', '吴江区人民医院', '二级', '公立', '江苏省', '苏州市', '吴江区'], 'secondary', 'public'),
];
export const INSTITUTION_HEADERS = ['编码', '名称', '级别', '性质', '省', '市', '县'] as const;
/** A row of the list the page must refuse: 特级 is no level (row 11 of institutions.csv). */
export const BAD_INSTITUTION = ['H10', '某医院', '特级', '公立', '江苏省', '苏州市', '姑苏区'] as const;

/** A purchase line as the analyst writes it: the date as text, Chinese values, the amount in 元. */
export interface LineCells {
  readonly institution: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly category: '药品' | '医用耗材';
  readonly kind: string;
  readonly highValue: '是' | '否';
  readonly code: string;
  readonly channel: '省平台' | '平台' | '线下' | '应急';
  /** 元, exact. */
  readonly yuan: string;
}
const l = (institution: string, date: string, category: LineCells['category'], kind: string, highValue: LineCells['highValue'], code: string, channel: LineCells['channel'], yuan: string): LineCells => ({ institution, date, category, kind, highValue, code, channel, yuan });

/** 南通市's lines: utf8.csv. */
export const NANTONG_LINES: readonly LineCells[] = [
  l('H01', '2024-01-05', '药品', '', '否', 'XA01', '省平台', '8500.00'),
  l('H01', '2024-02-10', '药品', '', '否', 'XA02', '线下', '1000.00'),
  l('H01', '2024-04-01', '药品', '', '否', 'XA01', '省平台', '3000.00'), // after 2024-Q1: excluded
  l('H01', '2024-01-15', '药品', '中药饮片', '否', 'T001', '线下', '2000.00'), // annex 1 §2: excluded
  l('H01', '2024-01-20', '医用耗材', '', '否', 'C001', '省平台', '600.00'),
  l('H01', '2024-02-20', '医用耗材', '', '是', 'C002', '线下', '400.00'),
  l('H02', '2024-01-08', '药品', '', '否', 'XA03', '省平台', '5000.00'),
  l('H02', '2024-03-08', '药品', '', '否', 'XA04', '应急', '1000.00'),
  l('H02', '2024-03-09', '药品', '', '否', 'XA05', '线下', '500.00'),
  l('H02', '2024-02-02', '医用耗材', '体外诊断试剂', '否', 'C003', '线下', '800.00'), // annex 1 §2: excluded
  l('H02', '2024-02-03', '医用耗材', '', '否', 'C004', '省平台', '2400.00'),
  l('H03', '2024-01-31', '药品', '', '否', 'XA06', '省平台', '700.00'),
  l('H03', '2024-03-01', '药品', '', '否', 'XA07', '线下', '300.00'),
  l('H03', '2024-03-02', '医用耗材', '', '否', 'C005', '省平台', '90.00'),
  l('H04', '2024-01-10', '药品', '', '否', 'XA08', '线下', '5000.00'), // not public: excluded
];
/** 苏州市's lines: gbk.csv, amounts in 万元. */
export const SUZHOU_LINES: readonly LineCells[] = [
  l('H05', '2024-01-03', '药品', '', '否', 'XB01', '省平台', '12345.00'),
  l('H05', '2024-02-03', '药品', '', '否', 'XB02', '线下', '655.00'),
  l('H05', '2024-03-03', '医用耗材', '', '否', 'C101', '省平台', '7000.00'),
  l('H05', '2024-03-04', '医用耗材', '', '是', 'C102', '线下', '3000.00'),
  l('H06', '2024-01-09', '药品', '', '否', 'XB03', '平台', '4000.00'),
  l('H06', '2024-01-10', '药品', '', '否', 'XB04', '线下', '6000.00'),
  l('H07', '2024-02-14', '药品', '', '否', 'XB05', '省平台', '1000.00'),
  l('H08', '2024-02-15', '药品', '', '否', 'XB06', '线下', '200.00'), // primary: excluded
];
export const GOOD_LINES: readonly LineCells[] = [...NANTONG_LINES, ...SUZHOU_LINES];

/**
 * bad.csv: each row is wrong in one cell (row 1 is the header). Row 4 maps to a line the library
 * rejects (H99 is not in the list); the others never become lines.
 */
export const BAD_CSV_ROWS = [
  ['H01', '2024-02-30', '药品', '', '否', 'XA01', '省平台', '100.00'], // row 2: no 30 February
  ['H02', '2024-02-01', '药品', '', '否', 'XA01', '省平台', '12.3.4'], // row 3: no amount
  ['H99', '2024-02-01', '药品', '', '否', 'XA01', '省平台', '700.00'], // row 4: unknown institution
  ['H03', '2024-02-01', '器械', '', '否', 'XA01', '线下', '50.00'], // row 5: no category 器械
  ['H03', '2024-02-01', '药品', '', '也许', 'XA01', '线下', '50.00'], // row 6: 高值 neither 是 nor 否
] as const;
/** The one bad row that becomes a line (and is rejected by the library): H99's 700.00. */
export const UNKNOWN_INSTITUTION_LINE: LineCells = l('H99', '2024-02-01', '药品', '', '否', 'XA01', '省平台', '700.00');

export const LINE_HEADERS = ['医疗机构编码', '入库日期', '类别', '品种', '是否高值', '医保代码', '采购渠道', '金额（元）'] as const;

const CATEGORY = { 药品: 'drug', 医用耗材: 'consumable' } as const;
const CHANNEL = { 省平台: 'platform', 平台: 'platform', 线下: 'offline', 应急: 'emergency' } as const;
const KIND: Readonly<Record<string, PurchaseLineInput['kind']>> = { 中药饮片: 'tcm-decoction-pieces', 体外诊断试剂: 'ivd-reagent' };

/** A line as the library takes it, written out by hand from the cells (not by the page's adapters). */
export function lineInput(c: LineCells): PurchaseLineInput {
  return {
    institutionId: c.institution,
    receivedOn: c.date,
    category: CATEGORY[c.category],
    ...(c.kind === '' ? {} : { kind: KIND[c.kind]! }),
    highValue: c.highValue === '是',
    insuranceCode: c.code,
    channel: CHANNEL[c.channel],
    amount: c.yuan,
  };
}

const csvText = (rows: readonly (readonly string[])[]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

/** utf8.csv: UTF-8 with a BOM, as WPS and Excel save "CSV UTF-8". */
export const utf8Csv = (): Buffer =>
  Buffer.from(`\uFEFF${csvText([[...LINE_HEADERS], ...NANTONG_LINES.map((c) => [c.institution, c.date, c.category, c.kind, c.highValue, c.code, c.channel, c.yuan])])}`, 'utf8');

/** gbk.csv: GBK without a BOM (Excel's plain "CSV" on a Chinese Windows), dates as 2024/1/3, amounts in 万元, a 备注 column the page ignores. */
export function gbkCsv(): Buffer {
  const slashDate = (d: string) => d.split('-').map(Number).join('/');
  const header = ['机构编码', '入库日期', '类别', '品种', '是否高值', '医保代码', '采购渠道', '金额（万元）', '备注'];
  const rows = SUZHOU_LINES.map((c) => [c.institution, slashDate(c.date), c.category, c.kind, c.highValue, c.code, c.channel, new Decimal(c.yuan).div(10_000).toFixed(), '季度入库']);
  return iconv.encode(csvText([header, ...rows]), 'gbk');
}

/** bad.csv: UTF-8 without a BOM. */
export const badCsv = (): Buffer => Buffer.from(csvText([[...LINE_HEADERS], ...BAD_CSV_ROWS]), 'utf8');

/** institutions.csv: the nine institutions, then the bad row (row 11). */
export const institutionsCsv = (): Buffer =>
  Buffer.from(`\uFEFF${csvText([[...INSTITUTION_HEADERS], ...INSTITUTIONS.map((i) => [...i.cells]), [...BAD_INSTITUTION]])}`, 'utf8');

/** Tab-separated text, as a range copied from WPS or Excel. */
export const pasted = (headers: readonly string[], rows: readonly (readonly string[])[]) => [headers, ...rows].map((r) => r.join('\t')).join('\n');
export const lineCells = (c: LineCells) => [c.institution, c.date, c.category, c.kind, c.highValue, c.code, c.channel, c.yuan];

/**
 * workbook.xlsx: sheet 1 the 23 good lines (dates as date cells, amounts as numbers), sheet 2 the
 * institution list.
 */
export async function workbook(): Promise<Buffer> {
  const [y, m, d] = [0, 1, 2];
  const date = (s: string) => {
    const p = s.split('-').map(Number);
    return new Date(Date.UTC(p[y]!, p[m]! - 1, p[d]!));
  };
  const lines = [
    [...LINE_HEADERS],
    ...GOOD_LINES.map((c) => [c.institution, { value: date(c.date), type: Date, format: 'yyyy-mm-dd' }, c.category, c.kind === '' ? null : c.kind, c.highValue, c.code, c.channel, Number(c.yuan)]),
  ];
  const institutions = [[...INSTITUTION_HEADERS], ...INSTITUTIONS.map((i) => [...i.cells])];
  // write-excel-file's cell types are wider than its declarations admit for mixed rows
  type Sheets = Parameters<typeof writeExcelFile>[0];
  return writeExcelFile([
    { data: lines, sheet: '采购明细' },
    { data: institutions, sheet: '机构名单' },
  ] as unknown as Sheets).toBuffer();
}

/**
 * cover.xlsx, as provinces send workbooks (issue 27): sheet 1 填报说明 (notes), sheet 2 the 23 good lines under
 * a merged title row and a 填报单位 row (the header on file row 3), sheet 3 the institution list.
 */
export async function coverWorkbook(): Promise<Buffer> {
  const notes = [['填报说明'], ['1. 入库日期以验收入库为准。'], ['2. 金额单位：元。']];
  const lines = [
    ['江苏省公立医疗机构药品耗材采购明细（2024年第一季度）', null, null, null, null, null, null, null],
    ['填报单位：示例市医疗保障局', null, null, null, null, null, null, null],
    [...LINE_HEADERS],
    ...GOOD_LINES.map((c) => [c.institution, c.date, c.category, c.kind === '' ? null : c.kind, c.highValue, c.code, c.channel, Number(c.yuan)]),
  ];
  const institutions = [[...INSTITUTION_HEADERS], ...INSTITUTIONS.map((i) => [...i.cells])];
  type Sheets = Parameters<typeof writeExcelFile>[0];
  return writeExcelFile([
    { data: notes, sheet: '填报说明' },
    { data: lines, sheet: '采购明细' },
    { data: institutions, sheet: '机构名单' },
  ] as unknown as Sheets).toBuffer();
}

/** notes.xlsx: a workbook of notes only, whose sheets head nothing the page can use. */
export async function notesWorkbook(): Promise<Buffer> {
  type Sheets = Parameters<typeof writeExcelFile>[0];
  return writeExcelFile([
    { data: [['填报说明'], ['请按模板填写。']], sheet: '说明' },
    { data: [['单价', '数量']], sheet: 'Sheet2' },
  ] as unknown as Sheets).toBuffer();
}
