import { strictKeys } from '../_lib/options';
import { isAmountText, readAmount } from '../amount/readAmount';
import { PRODUCT_KINDS, type Category, type ProductKind } from '../catalog/kinds';
import { inputError } from '../errors';
import type { Channel } from '../rate/lineSchema';
import { dateReader, mapAll, mapChunks, type ChunkOptions, type MapRow, rowRejecter } from './read';
import type { AdapterResult } from './types';

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

const NHSA_OPTIONS = ['interface', 'institutionId', 'channel', 'category', 'highValue', 'gifts', 'strict'];

/** Options of {@link fromNhsaRecords}. */
export interface FromNhsaRecordsOptions {
  /** `'3503'` purchases, `'3504'` purchase returns (negative lines). */
  readonly interface: '3503' | '3504';
  /** The institution the records belong to (the interface sends them per institution), or a rule. */
  readonly institutionId: string | ((record: NhsaPurchaseRecord, index: number) => string);
  /** How each record was bought: the records do not say, so the caller decides (e.g. a platform order number present → `'platform'`). */
  readonly channel: (record: NhsaPurchaseRecord, index: number) => Channel;
  /** The category (and kind) of a record; by default from the first letter of `med_list_codg`: X, Z → drug; T → drug, TCM decoction pieces; C → consumable. */
  readonly category?: ((record: NhsaPurchaseRecord, index: number) => Category | { readonly category: Category; readonly kind?: ProductKind }) | undefined;
  /** Whether a consumable record is high-value (高值). */
  readonly highValue?: ((record: NhsaPurchaseRecord, index: number) => boolean) | undefined;
  /** Gifts (`prod_geay_flag = '1'`): `'exclude'` (default: listed in `excluded` with reason `gift`) or `'include'` at price × count. */
  readonly gifts?: 'exclude' | 'include' | undefined;
  /** Throw on the first record that cannot be mapped instead of rejecting it. */
  readonly strict?: boolean | undefined;
}

/** The category (and kind) by the code's first letter, upper or lower case: X, Z drugs; T TCM decoction pieces; C consumables. */
const PREFIX: Readonly<Record<number, { category: Category; kind?: ProductKind }>> = {
  88: { category: 'drug' },
  90: { category: 'drug' },
  84: { category: 'drug', kind: 'tcm-decoction-pieces' },
  67: { category: 'consumable' },
};

/** The integer and the number of decimals of the last text {@link scaled} read. @internal */
export let M = 0;
/** @internal */
export let S = 0;
/** The price's M and S, kept while the count is read. */
let M1 = 0;
let S1 = 0;
/**
 * Reads a plain non-negative decimal of at most 15 significant digits (`'12.345678'`) as the integer
 * M and its decimals S, exactly (such integers are exact in a double); false for any other text.
 */
export function scaled(text: string): boolean {
  let m = 0;
  let s = -1;
  let digits = 0;
  const n = text.length;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 && s < 0 && k > 0 && k < n - 1) s = 0;
    else if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      if (m > 0) digits++;
      if (s >= 0) s++;
    } else return false;
  }
  M = m;
  S = s < 0 ? 0 : s;
  return n > 0 && digits <= 15;
}

/** The text of the integer m scaled down by s decimals, as Decimal's toFixed writes it (no trailing zeros, no -0). */
export function decimalText(m: number, s: number, negative: boolean): string {
  // trailing zeros off by integer division, exact below 2^53
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s--;
  }
  const t = String(m);
  const whole = t.length - s;
  const text = s === 0 ? t : whole > 0 ? `${t.slice(0, whole)}.${t.slice(whole)}` : `0.${'0'.repeat(-whole)}${t}`;
  return negative && m !== 0 ? `-${text}` : text;
}

const PRICE = 'a non-negative price such as "12.345678" (最终成交单价)';
const COUNT = 'a non-negative count such as "10.5" (采购/退货数量)';

/**
 * The record mapper of fromNhsaRecords, made once per call.
 * @internal
 */
export function nhsaRecordMapper(options: FromNhsaRecordsOptions, fn: string, extra: readonly string[] = []): MapRow {
  strictKeys(options, [...NHSA_OPTIONS, ...extra], fn);
  const bad = (path: string, value: unknown, expected: string) => inputError(fn, path, value, expected);
  if (typeof options !== 'object' || options === null || (options.interface !== '3503' && options.interface !== '3504')) throw bad('options.interface', options?.interface, 'one of "3503", "3504"');
  const { institutionId: inst, channel: channelOf, category: categoryOf, highValue: highValueOf, gifts } = options;
  if (typeof channelOf !== 'function') throw bad('options.channel', channelOf, 'a function telling the channel of a record (the records do not carry it)');
  if (typeof inst !== 'function' && (typeof inst !== 'string' || inst === '')) throw bad('options.institutionId', inst, 'a non-empty institution id, or a function giving one per record');
  for (const [key, f] of [['category', categoryOf], ['highValue', highValueOf]] as const) {
    if (f !== undefined && typeof f !== 'function') throw bad(`options.${key}`, f, 'a function, or absent');
  }
  if (gifts !== undefined && gifts !== 'exclude' && gifts !== 'include') throw bad('options.gifts', gifts, 'one of "exclude", "include"');
  const strict = options.strict === true;
  const purchase = options.interface === '3503';
  const dateOf = dateReader();
  const fail = rowRejecter(fn, 'records', strict);
  return (raw, i, out) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(i, out, '', raw, 'a 3503/3504 record object');
    const record = raw as NhsaPurchaseRecord;
    const rawCode = record.med_list_codg;
    const code = typeof rawCode === 'string' ? rawCode.trim() : '';
    if (code === '') return fail(i, out, 'med_list_codg', rawCode, 'the 医疗目录编码 of the product');
    let category: Category | undefined;
    let kind: ProductKind | undefined;
    if (categoryOf !== undefined) {
      const c = categoryOf(record, i);
      const cat = typeof c === 'object' && c !== null ? c.category : c;
      kind = typeof c === 'object' && c !== null ? (c.kind ?? undefined) : undefined;
      if (cat !== 'drug' && cat !== 'consumable') return fail(i, out, 'options.category', c, 'the rule to give "drug", "consumable" or { category, kind? }');
      if (kind !== undefined && (!Object.hasOwn(PRODUCT_KINDS, kind) || PRODUCT_KINDS[kind].category !== cat)) return fail(i, out, 'options.category', c, `the rule to give a ${cat} kind, or none`);
      category = cat;
    } else {
      const p = PREFIX[code.charCodeAt(0) & ~32];
      if (p === undefined) return fail(i, out, 'med_list_codg', rawCode, 'a code starting with X, Z, T (drugs) or C (consumables), or options.category');
      category = p.category;
      kind = p.kind;
    }
    const priceText = typeof record.finl_trns_pric === 'number' ? String(record.finl_trns_pric) : record.finl_trns_pric;
    const countText = typeof record.purc_retn_cnt === 'number' ? String(record.purc_retn_cnt) : record.purc_retn_cnt;
    let amount: string;
    // price × count exactly: in doubles when both are short decimals whose product stays under 2^53, else in Decimals
    if (typeof priceText === 'string' && typeof countText === 'string' && scaled(priceText) && ((M1 = M), (S1 = S), scaled(countText)) && M1 * M <= Number.MAX_SAFE_INTEGER && S1 + S <= 30) {
      amount = decimalText(M1 * M, S1 + S, !purchase);
    } else {
      const price = readAmount(priceText);
      if (price === null || price.isNegative()) return fail(i, out, 'finl_trns_pric', record.finl_trns_pric, PRICE);
      const count = readAmount(countText);
      if (count === null || count.isNegative()) return fail(i, out, 'purc_retn_cnt', record.purc_retn_cnt, COUNT);
      const a = price.times(count);
      amount = a.isZero() ? '0' : (purchase ? a : a.negated()).toFixed();
      if (!isAmountText(amount)) return fail(i, out, 'purc_retn_cnt', record.purc_retn_cnt, `${COUNT}, whose product with the price has at most 30 decimals`);
    }
    const time = record.purc_retn_stoin_time;
    const receivedOn = typeof time === 'string' ? dateOf(time.trim()) : null;
    if (receivedOn === null) return fail(i, out, 'purc_retn_stoin_time', time, 'an inbound time "yyyy-MM-dd HH:mm:ss" (采购/退货入库时间), a real date and time');
    if (purchase && (record.prod_geay_flag === '1' || record.prod_geay_flag === 1) && gifts !== 'include') {
      out.excluded.push({ index: i, reason: 'gift', amount });
      return;
    }
    // the caller's rules: what they answer is checked as measureOnlineRates would check it
    const institutionId = typeof inst === 'function' ? inst(record, i) : inst;
    if (typeof institutionId !== 'string' || institutionId === '') return fail(i, out, 'options.institutionId', institutionId, 'the rule to give a non-empty institution id');
    const channel = channelOf(record, i);
    if (channel !== 'platform' && channel !== 'emergency' && channel !== 'offline') return fail(i, out, 'options.channel', channel, 'the rule to give one of "platform", "emergency", "offline"');
    let highValue: boolean | undefined;
    if (category === 'consumable' && highValueOf !== undefined) {
      highValue = highValueOf(record, i);
      if (typeof highValue !== 'boolean') return fail(i, out, 'options.highValue', highValue, 'the rule to give true or false');
    }
    out.lines.push({ index: i, institutionId, receivedOn, category, kind, highValue, insuranceCode: code, channel, amount });
  };
}

/**
 * Turns the national platform's purchase (3503) and purchase-return (3504) inbound records into
 * purchase lines: the amount is exactly 最终成交单价 × 数量 (negative for returns), dated by the
 * inbound time, coded by 医疗目录编码; gifts are left out with a reason unless asked for. Every
 * record ends in `lines`, `excluded` or `rejected` (with its index, column and value); what the
 * caller's rules answer is checked too (a rejection then names the rule, e.g. `options.channel`).
 *
 * @category Adapters
 * @see 国家医疗保障信息平台 定点医药机构 接口 3503 (商品采购), 3504 (商品采购退货)
 * @param records - the records (an array or any iterable), as the interface names their fields
 * @param options - `{ interface, institutionId, channel, category?, highValue?, gifts?, strict? }`
 * @returns `{ lines, excluded, rejected }`
 * @throws {SunshineInputError} for bad options or records that are not iterable, or (strict) the first record that cannot be mapped
 * @example
 * fromNhsaRecords(
 *   [{ med_list_codg: 'XA01AAA', finl_trns_pric: '12.345678', purc_retn_cnt: '10.5', purc_retn_stoin_time: '2024-03-05 10:20:00', prod_geay_flag: '0' }],
 *   { interface: '3503', institutionId: 'H1', channel: () => 'platform' },
 * ).lines[0].amount //=> '129.629619'
 */
export function fromNhsaRecords(records: Iterable<NhsaPurchaseRecord>, options: FromNhsaRecordsOptions): AdapterResult {
  return mapAll(records, 'fromNhsaRecords', 'records', nhsaRecordMapper(options, 'fromNhsaRecords'));
}

/**
 * {@link fromNhsaRecords} a chunk at a time: any iterable or async iterable of records, one result
 * per `chunkSize` records (indexes count from the first record), for inputs too large to hold.
 *
 * @category Adapters
 * @param records - the records, e.g. pages of the interface's answers flattened by a generator
 * @param options - as {@link fromNhsaRecords}, and `chunkSize` (10,000 by default)
 * @returns a generator (async for an async iterable) of `{ lines, excluded, rejected }`
 * @throws {SunshineInputError} for bad options or records that are not iterable, or (strict) the first record that cannot be mapped
 * @example
 * const records = [{ med_list_codg: 'XA01', finl_trns_pric: '2', purc_retn_cnt: '3', purc_retn_stoin_time: '2024-03-05 10:20:00' }];
 * [...fromNhsaRecordsInChunks(records, { interface: '3503', institutionId: 'H1', channel: () => 'platform' })][0].lines[0].amount //=> '6'
 */
export function fromNhsaRecordsInChunks(records: Iterable<NhsaPurchaseRecord>, options: FromNhsaRecordsOptions & ChunkOptions): Generator<AdapterResult>;
export function fromNhsaRecordsInChunks(records: AsyncIterable<NhsaPurchaseRecord>, options: FromNhsaRecordsOptions & ChunkOptions): AsyncGenerator<AdapterResult>;
export function fromNhsaRecordsInChunks(records: unknown, options: FromNhsaRecordsOptions & ChunkOptions): Generator<AdapterResult> | AsyncGenerator<AdapterResult> {
  return mapChunks(records, 'fromNhsaRecordsInChunks', 'records', options?.chunkSize, nhsaRecordMapper(options, 'fromNhsaRecordsInChunks', ['chunkSize']));
}
