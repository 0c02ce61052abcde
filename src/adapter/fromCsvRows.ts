import { strictKeys } from '../_lib/options';
import { parseAmount } from '../amount/parseAmount';
import { canonicalAmount, isAmountText } from '../amount/readAmount';
import { CATEGORY_LABELS, PRODUCT_KINDS, type ProductKind } from '../catalog/kinds';
import { inputError } from '../errors';
import type { Channel } from '../rate/lineSchema';
import type { AdapterResult } from './types';
import { pure } from '../_lib/pure';
import { dateReader, mapAll, mapChunks, type ChunkOptions, type MapRow, rowRejecter } from './read';

/** The purchase-line fields a column can feed. */
export type LineField = 'institutionId' | 'receivedOn' | 'category' | 'kind' | 'highValue' | 'insuranceCode' | 'channel' | 'amount';

/**
 * The headers recognised without a column map (Chinese or English). A header containing 万元 makes
 * its amounts 万元 (× 10,000).
 *
 * @category Adapters
 * @example
 * CSV_HEADERS['入库日期'] //=> 'receivedOn'
 */
export const CSV_HEADERS: Readonly<Record<string, LineField>> = {
  医疗机构编码: 'institutionId',
  机构编码: 'institutionId',
  医疗机构代码: 'institutionId',
  institutionId: 'institutionId',
  institution_id: 'institutionId',
  入库日期: 'receivedOn',
  验收日期: 'receivedOn',
  验收入库日期: 'receivedOn',
  receivedOn: 'receivedOn',
  received_on: 'receivedOn',
  类别: 'category',
  category: 'category',
  品种: 'kind',
  品种类别: 'kind',
  kind: 'kind',
  高值: 'highValue',
  是否高值: 'highValue',
  highValue: 'highValue',
  high_value: 'highValue',
  医保代码: 'insuranceCode',
  国家医保代码: 'insuranceCode',
  医保编码: 'insuranceCode',
  insuranceCode: 'insuranceCode',
  insurance_code: 'insuranceCode',
  采购渠道: 'channel',
  渠道: 'channel',
  channel: 'channel',
  金额: 'amount',
  入库金额: 'amount',
  '金额（元）': 'amount',
  '金额(元)': 'amount',
  '金额（万元）': 'amount',
  '金额(万元)': 'amount',
  amount: 'amount',
};

// null-prototype tables, so that a value such as "__proto__" or "constructor" finds nothing
const table = <T>(entries: Record<string, T>): Readonly<Record<string, T>> => Object.assign(Object.create(null) as Record<string, T>, entries);
/** The values each coded column may hold, and what they mean (the command line's DuckDB engine maps cells by them). @internal */
export const CATEGORY_VALUES = /* @__PURE__ */ pure(() => table<'drug' | 'consumable'>({ drug: 'drug', 药品: 'drug', 西药: 'drug', 中成药: 'drug', consumable: 'consumable', 耗材: 'consumable', 医用耗材: 'consumable' }));
/** @internal */
export const CHANNEL_VALUES = /* @__PURE__ */ pure(() =>
  table<Channel>({
    platform: 'platform',
    省平台: 'platform',
    平台: 'platform',
    网上: 'platform',
    emergency: 'emergency',
    应急: 'emergency',
    应急采购: 'emergency',
    offline: 'offline',
    线下: 'offline',
    线下采购: 'offline',
    议价: 'offline',
    其他: 'offline',
  }),
);
/** @internal */
export const HIGH_VALUE = /* @__PURE__ */ pure(() => table<boolean>({ true: true, 1: true, 是: true, y: true, yes: true, Y: true, 高值: true, false: false, 0: false, 否: false, n: false, no: false, N: false, '': false }));
/** @internal */
export const KINDS = /* @__PURE__ */ pure(() => table<ProductKind>(Object.fromEntries(Object.entries(PRODUCT_KINDS).flatMap(([k, v]) => [[k, k as ProductKind], [v.label, k as ProductKind]]))));

/** Options of {@link fromCsvRows}. */
export interface FromCsvRowsOptions {
  /** Headers of this file and the field each feeds; added to {@link CSV_HEADERS}. */
  readonly columns?: Readonly<Record<string, LineField>> | undefined;
  /** Headers to ignore (e.g. 备注); any other unknown header rejects the row. */
  readonly ignoreColumns?: readonly string[] | undefined;
  /** The institution, when the file is one institution's and has no institution column. */
  readonly institutionId?: string | undefined;
  /** The unit of amount columns whose header does not say: `'yuan'` (default) or `'wan-yuan'`. */
  readonly unit?: 'yuan' | 'wan-yuan' | undefined;
  /** Throw on the first row that cannot be mapped instead of rejecting it. */
  readonly strict?: boolean | undefined;
  /**
   * The file row of the header, as a spreadsheet numbers it: 1 by default; 3 when two title rows
   * stand above it. Row `rows[i]` is then file row `headerRow + 1 + i` (one file row a record),
   * the `row` every line, exclusion and rejection carries beside its `index`.
   */
  readonly headerRow?: number | undefined;
}

const CSV_OPTIONS = ['columns', 'ignoreColumns', 'institutionId', 'unit', 'strict', 'headerRow'];
const FIELDS = ['institutionId', 'receivedOn', 'category', 'kind', 'highValue', 'insuranceCode', 'channel', 'amount'];
/** A header as read: the field it feeds (null: ignored; undefined: unknown) and whether its amounts are 万元. */
type Column = { readonly field: LineField | null | undefined; readonly wan: boolean };
const AMOUNT_WORDS = 'an amount such as "1,234.56" or "12.5万元"';

/**
 * The row mapper of fromCsvRows, made once per call: the options read, the headers resolved once
 * each, and one function for every row (no closure or object per cell).
 * @internal
 */
export function csvRowMapper(options: FromCsvRowsOptions | undefined, fn: string, extra: readonly string[] = []): MapRow {
  const o = options ?? {};
  strictKeys(o, [...CSV_OPTIONS, ...extra], fn);
  const bad = (path: string, value: unknown, expected: string) => inputError(fn, path, value, expected);
  if (typeof o !== 'object' || o === null) throw bad('options', o, 'an options object, or absent');
  const known = new Map<string, LineField>(Object.entries(CSV_HEADERS));
  if (o.columns !== undefined) {
    if (typeof o.columns !== 'object' || o.columns === null) throw bad('options.columns', o.columns, 'an object of header → field');
    for (const [header, field] of Object.entries(o.columns)) {
      if (!FIELDS.includes(field)) throw bad(`options.columns.${header}`, field, `one of ${FIELDS.join(', ')}`);
      known.set(header, field);
    }
  }
  const ignore = o.ignoreColumns ?? [];
  if (!Array.isArray(ignore) || ignore.some((h) => typeof h !== 'string')) throw bad('options.ignoreColumns', ignore, 'an array of headers');
  const fixedInstitution = o.institutionId;
  if (fixedInstitution !== undefined && (typeof fixedInstitution !== 'string' || fixedInstitution === '')) throw bad('options.institutionId', fixedInstitution, 'a non-empty institution id, or absent');
  if (o.unit !== undefined && o.unit !== 'yuan' && o.unit !== 'wan-yuan') throw bad('options.unit', o.unit, 'one of "yuan", "wan-yuan"');
  const strict = o.strict === true;
  const headerRow = o.headerRow ?? 1;
  if (!Number.isSafeInteger(headerRow) || headerRow < 1) throw inputError(fn, 'options.headerRow', headerRow, 'the file row of the header, a whole number from 1', 'out-of-range');
  // the headers met so far, each resolved once (a null-prototype object: for…in gives internalized keys, which it reads fastest)
  const columns = Object.create(null) as Record<string, Column>;
  let seen = 0;
  const columnOf = (header: string): Column => {
    const field = known.get(header.trim());
    const c = { field: field ?? (ignore.includes(header) ? null : undefined), wan: header.includes('万元') || o.unit === 'wan-yuan' };
    // Stryker disable next-line all: the bound limits memory, not answers
    if (seen++ < 1000) columns[header] = c;
    return c;
  };
  const dateOf = dateReader();
  const rowOf = (i: number) => headerRow + 1 + i;
  const fail = rowRejecter(fn, 'rows', strict, rowOf);
  return (raw, i, out) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(i, out, '', raw, 'a row keyed by header');
    let institutionId: string | undefined = fixedInstitution;
    let receivedOn: string | undefined;
    let category: 'drug' | 'consumable' | undefined;
    let kind: ProductKind | undefined;
    let kindAt = '';
    let highValue: boolean | undefined;
    let highValueAt = '';
    let insuranceCode: string | undefined;
    let channel: Channel | undefined;
    let amount: string | undefined;
    for (const header in raw) {
      if (!Object.hasOwn(raw, header)) continue;
      const value = (raw as Record<string, unknown>)[header];
      const column = columns[header] ?? columnOf(header);
      const field = column.field;
      if (field === null) continue;
      if (field === undefined) return fail(i, out, header, value, `a known column (${Object.keys(CSV_HEADERS).slice(0, 6).join('、')}…) or one listed in options.columns / options.ignoreColumns`);
      const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      const blank = text === '' || text === null || text === undefined;
      if (typeof text !== 'string' && !blank && field !== 'highValue') return fail(i, out, header, value, 'a text or a number');
      const t = text as string;
      switch (field) {
        case 'amount': {
          // a plain decimal in 元 (most cells): its canonical text without a Decimal (test/amount/canonicalAmount.test.ts)
          let a = !column.wan && !blank ? canonicalAmount(t) : null;
          if (a === null) {
            try {
              a = parseAmount(t, { lenient: true, unit: column.wan ? 'wan-yuan' : 'yuan' }).toFixed();
            } catch {
              return fail(i, out, header, value, AMOUNT_WORDS);
            }
            if (!isAmountText(a)) return fail(i, out, header, value, `${AMOUNT_WORDS}, of at most 30 digits before and after the point`);
          }
          amount = a;
          break;
        }
        case 'receivedOn': {
          const d = blank ? null : dateOf(t);
          if (d === null) return fail(i, out, header, value, 'a real date such as "2024-03-05" or "2024/3/5", optionally with a time of day such as "10:20:00"');
          receivedOn = d;
          break;
        }
        case 'category': {
          const c = CATEGORY_VALUES[String(text)];
          if (c === undefined) return fail(i, out, header, value, 'one of 药品, 医用耗材 (drug, consumable)');
          category = c;
          break;
        }
        case 'channel': {
          const c = CHANNEL_VALUES[String(text)];
          if (c === undefined) return fail(i, out, header, value, 'one of 省平台, 应急, 线下 (platform, emergency, offline)');
          channel = c;
          break;
        }
        case 'kind': {
          if (blank) break;
          kind = KINDS[t];
          kindAt = header;
          if (kind === undefined) return fail(i, out, header, value, 'a kind such as 中药饮片, 体外诊断试剂, or empty');
          break;
        }
        case 'highValue': {
          highValue = HIGH_VALUE[blank ? '' : String(text)];
          highValueAt = header;
          if (highValue === undefined) return fail(i, out, header, value, '是 / 否 (true / false)');
          break;
        }
        case 'institutionId':
          institutionId = blank ? undefined : t;
          break;
        default:
          insuranceCode = blank ? undefined : t;
      }
    }
    const missing = institutionId === undefined ? 'institutionId' : receivedOn === undefined ? 'receivedOn' : category === undefined ? 'category' : channel === undefined ? 'channel' : amount === undefined ? 'amount' : null;
    if (missing !== null) return fail(i, out, missing, undefined, `a column for ${missing}`);
    // what measureOnlineRates would refuse of the row's fields together
    if (kind !== undefined && PRODUCT_KINDS[kind].category !== category) return fail(i, out, kindAt, (raw as Record<string, unknown>)[kindAt], `a ${CATEGORY_LABELS[category!].label} kind`);
    if (highValue === true && category === 'drug') return fail(i, out, highValueAt, (raw as Record<string, unknown>)[highValueAt], '否 for a drug (high-value applies to consumables only)');
    out.lines.push({ index: i, row: rowOf(i), institutionId: institutionId!, receivedOn: receivedOn!, category: category!, kind, highValue, insuranceCode, channel: channel!, amount: amount! });
  };
}

/**
 * Maps already-parsed CSV or spreadsheet rows (objects keyed by header) to purchase lines:
 * Chinese or English headers, categories, channels and kinds written in Chinese, dates as
 * `2024/3/5` or `2024-03-05 10:20`, amounts with thousands separators, full-width digits or a
 * 万元 unit (see {@link parseAmount}). A row that cannot be mapped is rejected with its row number,
 * column and value; nothing is dropped.
 *
 * @category Adapters
 * @param rows - the rows, e.g. from a CSV reader with headers
 * @param options - `{ columns?, ignoreColumns?, institutionId?, unit?, strict? }`
 * @returns `{ lines, excluded: [], rejected }`
 * @throws {SunshineInputError} for bad options, or (strict) the first row that cannot be mapped
 * @example
 * fromCsvRows([{ 医疗机构编码: 'H1', 入库日期: '2024/3/5', 类别: '药品', 采购渠道: '省平台', 医保代码: 'XA01', '金额（万元）': '1.2345' }]).lines[0].amount //=> '12345'
 */
export function fromCsvRows(rows: Iterable<Readonly<Record<string, unknown>>>, options: FromCsvRowsOptions = {}): AdapterResult {
  return mapAll(rows, 'fromCsvRows', 'rows', csvRowMapper(options, 'fromCsvRows'));
}

/**
 * {@link fromCsvRows} a chunk at a time, for files too large to hold: reads any iterable (an array,
 * a generator) or async iterable (a CSV parser's stream) of rows and gives one result per
 * `chunkSize` rows (row numbers count from the first row of the whole input), so that a file of
 * any length streams through the adapter and {@link createRateAccumulator} in bounded memory.
 *
 * @category Adapters
 * @param rows - the rows, e.g. a CSV reader's stream with headers
 * @param options - as {@link fromCsvRows}, and `chunkSize` (10,000 by default)
 * @returns a generator (async for an async iterable) of `{ lines, excluded: [], rejected }`
 * @throws {SunshineInputError} for bad options or rows that are not iterable, or (strict) the first row that cannot be mapped
 * @example
 * const rows = [{ 医疗机构编码: 'H1', 入库日期: '2024/3/5', 类别: '药品', 采购渠道: '省平台', 金额: '1' }, { 医疗机构编码: 'H1', 入库日期: '2024/3/6', 类别: '药品', 采购渠道: '线下', 金额: 'x' }];
 * [...fromCsvRowsInChunks(rows, { chunkSize: 1 })].map((c) => c.rejected.map((r) => [r.index, r.row])) //=> [[], [[1, 3]]]
 */
export function fromCsvRowsInChunks(rows: Iterable<Readonly<Record<string, unknown>>>, options?: FromCsvRowsOptions & ChunkOptions): Generator<AdapterResult>;
export function fromCsvRowsInChunks(rows: AsyncIterable<Readonly<Record<string, unknown>>>, options?: FromCsvRowsOptions & ChunkOptions): AsyncGenerator<AdapterResult>;
export function fromCsvRowsInChunks(rows: unknown, options: FromCsvRowsOptions & ChunkOptions = {}): Generator<AdapterResult> | AsyncGenerator<AdapterResult> {
  return mapChunks(rows, 'fromCsvRowsInChunks', 'rows', options?.chunkSize, csvRowMapper(options, 'fromCsvRowsInChunks', ['chunkSize']));
}
