import { isCivilDate } from '../_lib/dates';
import { parseAmount } from '../amount/parseAmount';
import { canonicalAmount } from '../amount/readAmount';
import { PRODUCT_KINDS, type ProductKind } from '../catalog/kinds';
import { keepValue, SunshineInputError } from '../errors';
import type { PurchaseLineInput } from '../rate/lineSchema';
import type { AdapterRejection, AdapterResult } from './types';
import { pure } from '../_lib/pure';

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

const CATEGORY_VALUES: Readonly<Record<string, 'drug' | 'consumable'>> = { drug: 'drug', 药品: 'drug', 西药: 'drug', 中成药: 'drug', consumable: 'consumable', 耗材: 'consumable', 医用耗材: 'consumable' };
const CHANNEL_VALUES: Readonly<Record<string, 'platform' | 'emergency' | 'offline'>> = {
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
};
const YES = /* @__PURE__ */ pure(() => new Set(['true', '1', '是', 'y', 'yes', 'Y', '高值']));
const NO = /* @__PURE__ */ pure(() => new Set(['false', '0', '否', 'n', 'no', 'N', '']));

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
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/;

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
export function fromCsvRows(rows: ReadonlyArray<Readonly<Record<string, unknown>>>, options: FromCsvRowsOptions = {}): AdapterResult {
  const fn = 'fromCsvRows';
  const map: Record<string, LineField> = { ...CSV_HEADERS, ...(options.columns ?? {}) };
  const ignore = new Set(options.ignoreColumns ?? []);
  if (!Array.isArray(rows)) throw new SunshineInputError(fn, [{ code: 'invalid-type', path: 'rows', value: rows, expected: 'an array of rows keyed by header' }]);
  const lines: Array<PurchaseLineInput & { row: number }> = [];
  const rejected: AdapterRejection[] = [];
  const kindByLabel = new Map<string, ProductKind>(Object.entries(PRODUCT_KINDS).flatMap(([k, v]) => [[k, k as ProductKind], [v.label, k as ProductKind]]));
  const fail = (i: number, column: string, value: unknown, expected: string): undefined => {
    if (options.strict === true) throw new SunshineInputError(fn, [{ code: 'invalid-value', path: `rows[${i}].${column}`, value: keepValue(value), expected }]);
    rejected.push({ row: i + 1, column, value: keepValue(value), expected });
  };
  // one function for every row and for…in over its cells: with forEach, closures made for each row and
  // Object.entries, 100,000 rows took about twice as long, most of it collecting garbage
  const mapRow = (raw: unknown, i: number): Record<string, unknown> | undefined => {
    const row = i + 1;
    if (typeof raw !== 'object' || raw === null) return fail(i, '', raw, 'a row keyed by header');
    const line: Record<string, unknown> = { row };
    if (options.institutionId !== undefined) line.institutionId = options.institutionId;
    for (const header in raw) {
      if (!Object.hasOwn(raw, header)) continue;
      const value = (raw as Record<string, unknown>)[header];
      const field = map[header.trim()];
      if (field === undefined) {
        if (ignore.has(header)) continue;
        return fail(i, header, value, `a known column (${Object.keys(CSV_HEADERS).slice(0, 6).join('、')}…) or one listed in options.columns / options.ignoreColumns`);
      }
      const text = typeof value === 'string' ? value.trim() : value;
      switch (field) {
        case 'amount': {
          const wan = header.includes('万元') || options.unit === 'wan-yuan';
          // a plain decimal in 元 (most cells): its canonical text without a Decimal, the same text (test/amount/canonicalAmount.test.ts)
          const plain = !wan && typeof text === 'string' ? canonicalAmount(text) : null;
          if (plain !== null) {
            line.amount = plain;
            break;
          }
          try {
            line.amount = parseAmount(typeof text === 'number' ? String(text) : (text as string), { lenient: true, unit: wan ? 'wan-yuan' : 'yuan' }).toFixed();
          } catch {
            return fail(i, header, value, 'an amount such as "1,234.56" or "12.5万元"');
          }
          break;
        }
        case 'receivedOn': {
          let date: string | null = null;
          if (typeof text === 'string') {
            if (ISO_DATE.test(text)) date = text;
            else {
              const m = DATE.exec(text);
              if (m !== null) date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
            }
          }
          if (date === null || !isCivilDate(date)) return fail(i, header, value, 'a real date such as "2024-03-05" or "2024/3/5"');
          line.receivedOn = date;
          break;
        }
        case 'category': {
          const c = CATEGORY_VALUES[String(text)];
          if (c === undefined) return fail(i, header, value, 'one of 药品, 医用耗材 (drug, consumable)');
          line.category = c;
          break;
        }
        case 'channel': {
          const c = CHANNEL_VALUES[String(text)];
          if (c === undefined) return fail(i, header, value, 'one of 省平台, 应急, 线下 (platform, emergency, offline)');
          line.channel = c;
          break;
        }
        case 'kind': {
          if (text === '' || text === null || text === undefined) break;
          const k = kindByLabel.get(String(text));
          if (k === undefined) return fail(i, header, value, 'a kind such as 中药饮片, 体外诊断试剂, or empty');
          line.kind = k;
          break;
        }
        case 'highValue': {
          const t = String(text ?? '');
          if (YES.has(t)) line.highValue = true;
          else if (NO.has(t)) line.highValue = false;
          else return fail(i, header, value, '是 / 否 (true / false)');
          break;
        }
        default:
          if (text !== '' && text !== null && text !== undefined) line[field] = String(text);
      }
    }
    for (const required of ['institutionId', 'receivedOn', 'category', 'channel', 'amount'] as const) {
      if (line[required] === undefined) return fail(i, required, undefined, `a column for ${required}`);
    }
    return line;
  };
  for (let i = 0; i < rows.length; i++) {
    const line = mapRow(rows[i], i);
    if (line !== undefined) lines.push(line as PurchaseLineInput & { row: number });
  }
  return { lines, excluded: [], rejected };
}
