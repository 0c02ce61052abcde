import { isCivilDate } from '../_lib/dates';
import { readAmount } from '../amount/readAmount';
import type { Category, ProductKind } from '../catalog/kinds';
import { keepValue, SunshineInputError } from '../errors';
import type { Channel, PurchaseLineInput } from '../rate/lineSchema';
import type { AdapterExclusion, AdapterRejection, AdapterResult } from './types';

/**
 * One purchase (3503, 商品采购) or purchase-return (3504, 商品采购退货) inbound record of the
 * national healthcare-security information platform, with the fields as the interface names them.
 */
export interface NhsaPurchaseRecord {
  /** 医疗目录编码: the national healthcare-security code of the product. */
  readonly med_list_codg?: unknown;
  /** 定点医药机构目录编号 / 名称. */
  readonly fixmedins_hilist_id?: unknown;
  readonly fixmedins_hilist_name?: unknown;
  /** 定点医药机构批次流水号. */
  readonly fixmedins_bchno?: unknown;
  /** 最终成交单价 (16,6). */
  readonly finl_trns_pric?: unknown;
  /** 采购/退货数量 (16,4). */
  readonly purc_retn_cnt?: unknown;
  /** 采购/退货入库时间, `yyyy-MM-dd HH:mm:ss`. */
  readonly purc_retn_stoin_time?: unknown;
  /** 商品赠送标志 (3503): `'1'` a gift, `'0'` not. */
  readonly prod_geay_flag?: unknown;
  readonly [field: string]: unknown;
}

/** Options of {@link fromNhsaRecords}. */
export interface FromNhsaRecordsOptions {
  /** `'3503'` purchases, `'3504'` purchase returns (negative lines). */
  readonly interface: '3503' | '3504';
  /** The institution the records belong to (the interface sends them per institution), or a rule. */
  readonly institutionId: string | ((record: NhsaPurchaseRecord, row: number) => string);
  /** How each record was bought: the records do not say, so the caller decides (e.g. a platform order number present → `'platform'`). */
  readonly channel: (record: NhsaPurchaseRecord, row: number) => Channel;
  /** The category (and kind) of a record; by default from the first letter of `med_list_codg`: X, Z → drug; T → drug, TCM decoction pieces; C → consumable. */
  readonly category?: ((record: NhsaPurchaseRecord, row: number) => Category | { readonly category: Category; readonly kind?: ProductKind }) | undefined;
  /** Whether a consumable record is high-value (高值). */
  readonly highValue?: ((record: NhsaPurchaseRecord, row: number) => boolean) | undefined;
  /** Gifts (`prod_geay_flag = '1'`): `'exclude'` (default: listed in `excluded` with reason `gift`) or `'include'` at price × count. */
  readonly gifts?: 'exclude' | 'include' | undefined;
  /** Throw on the first record that cannot be mapped instead of rejecting it. */
  readonly strict?: boolean | undefined;
}

const PREFIX: Readonly<Record<string, { category: Category; kind?: ProductKind }>> = {
  X: { category: 'drug' },
  Z: { category: 'drug' },
  T: { category: 'drug', kind: 'tcm-decoction-pieces' },
  C: { category: 'consumable' },
};

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * Turns the national platform's purchase (3503) and purchase-return (3504) inbound records into
 * purchase lines: the amount is exactly 最终成交单价 × 数量 (negative for returns), dated by the
 * inbound time, coded by 医疗目录编码; gifts are left out with a reason unless asked for. Every
 * record ends in `lines`, `excluded` or `rejected` (with its row, column and value).
 *
 * @category Adapters
 * @see 国家医疗保障信息平台 定点医药机构 接口 3503 (商品采购), 3504 (商品采购退货)
 * @param records - the records, as the interface names their fields
 * @param options - `{ interface, institutionId, channel, category?, highValue?, gifts?, strict? }`
 * @returns `{ lines, excluded, rejected }`
 * @throws {SunshineInputError} for bad options, or (strict) the first record that cannot be mapped
 * @example
 * fromNhsaRecords(
 *   [{ med_list_codg: 'XA01AAA', finl_trns_pric: '12.345678', purc_retn_cnt: '10.5', purc_retn_stoin_time: '2024-03-05 10:20:00', prod_geay_flag: '0' }],
 *   { interface: '3503', institutionId: 'H1', channel: () => 'platform' },
 * ).lines[0].amount //=> '129.629619'
 */
export function fromNhsaRecords(records: readonly NhsaPurchaseRecord[], options: FromNhsaRecordsOptions): AdapterResult {
  const fn = 'fromNhsaRecords';
  if (typeof options !== 'object' || options === null || (options.interface !== '3503' && options.interface !== '3504')) {
    throw new SunshineInputError(fn, [{ code: 'invalid-value', path: 'options.interface', value: options?.interface, expected: 'one of "3503", "3504"' }]);
  }
  if (typeof options.channel !== 'function') {
    throw new SunshineInputError(fn, [{ code: 'missing', path: 'options.channel', value: options.channel, expected: 'a function telling the channel of a record (the records do not carry it)' }]);
  }
  if (!Array.isArray(records)) {
    throw new SunshineInputError(fn, [{ code: 'invalid-type', path: 'records', value: records, expected: 'an array of 3503/3504 records' }]);
  }
  const lines: Array<PurchaseLineInput & { row: number }> = [];
  const excluded: AdapterExclusion[] = [];
  const rejected: AdapterRejection[] = [];
  const sign = options.interface === '3504' ? -1 : 1;
  (records as readonly NhsaPurchaseRecord[]).forEach((record, i) => {
    const row = i + 1;
    const reject = (column: string, value: unknown, expected: string) => {
      if (options.strict === true) throw new SunshineInputError(fn, [{ code: 'invalid-value', path: `records[${i}].${column}`, value: keepValue(value), expected }]);
      rejected.push({ row, column, value: keepValue(value), expected });
    };
    if (typeof record !== 'object' || record === null) return reject('', record, 'a 3503/3504 record object');
    const code = record.med_list_codg;
    if (typeof code !== 'string' || code.trim() === '') return reject('med_list_codg', code, 'the 医疗目录编码 of the product');
    let cat: { category: Category; kind?: ProductKind } | undefined;
    if (options.category !== undefined) {
      const c = options.category(record, row);
      cat = typeof c === 'string' ? { category: c } : c;
    } else cat = PREFIX[code.trim()[0]!.toUpperCase()];
    if (cat === undefined) return reject('med_list_codg', code, 'a code starting with X, Z, T (drugs) or C (consumables), or options.category');
    const price = readAmount(typeof record.finl_trns_pric === 'number' ? String(record.finl_trns_pric) : record.finl_trns_pric);
    if (price === null || price.isNegative()) return reject('finl_trns_pric', record.finl_trns_pric, 'a non-negative price such as "12.345678" (最终成交单价)');
    const count = readAmount(typeof record.purc_retn_cnt === 'number' ? String(record.purc_retn_cnt) : record.purc_retn_cnt);
    if (count === null || count.isNegative()) return reject('purc_retn_cnt', record.purc_retn_cnt, 'a non-negative count such as "10.5" (采购/退货数量)');
    const time = record.purc_retn_stoin_time;
    const m = typeof time === 'string' ? DATE_TIME.exec(time.trim()) : null;
    if (m === null || !isCivilDate(m[1])) return reject('purc_retn_stoin_time', time, 'an inbound time "yyyy-MM-dd HH:mm:ss" (采购/退货入库时间)');
    const amount = price.times(count).times(sign);
    const gift = options.interface === '3503' && (record.prod_geay_flag === '1' || record.prod_geay_flag === 1);
    if (gift && options.gifts !== 'include') {
      excluded.push({ row, reason: 'gift', amount: amount.toFixed() });
      return;
    }
    const institutionId = typeof options.institutionId === 'function' ? options.institutionId(record, row) : options.institutionId;
    const line: PurchaseLineInput & { row: number } = {
      row,
      institutionId,
      receivedOn: m[1]!,
      category: cat.category,
      channel: options.channel(record, row),
      insuranceCode: code.trim(),
      amount: amount.isZero() ? '0' : amount.toFixed(),
    };
    if (cat.kind !== undefined) (line as { kind?: ProductKind }).kind = cat.kind;
    if (cat.category === 'consumable' && options.highValue !== undefined) (line as { highValue?: boolean }).highValue = options.highValue(record, row);
    lines.push(line);
  });
  return { lines, excluded, rejected };
}
