import { strictKeys } from '../_lib/options';
import type { Decimal } from 'decimal.js';
import { SU_2022_38 } from '../policy/documents';
import { D, ZERO } from '../_lib/decimal';
import { readAmount } from '../amount/readAmount';
import { inputError } from '../errors';
import type { Citation } from '../policy/schema';
import { rateFigures } from '../rate/rateFigures';
import type { InstitutionMeasure, RateFigures } from '../rate/types';
import { pure } from '../_lib/pure';

const TEN_THOUSAND = /* @__PURE__ */ pure(() => new D(10000));

/** The three amounts of one category on the form, in 万元. */
export interface MonitoringFormAmounts {
  /** 院内采购金额: the institution's total inbound purchases. */
  readonly hospitalAmount: Decimal;
  /** 其中省平台采购金额. */
  readonly platformAmount: Decimal;
  /** 其中应急采购金额. */
  readonly emergencyAmount: Decimal;
}

/** One row of the monitoring form (医疗机构药品（医用耗材）阳光采购监测表). */
export interface MonitoringFormRow {
  /** 序号, from 1. */
  readonly index: number;
  readonly institutionId: string;
  /** 医疗机构名称 (the id when no name was given). */
  readonly institutionName: string;
  /** 省平台账号, where given. */
  readonly platformAccount: string | undefined;
  /** 药品（万元）. */
  readonly drug: MonitoringFormAmounts;
  /** 医用耗材（万元）. */
  readonly consumable: MonitoringFormAmounts;
}

/** The monitoring form of jiangsu-2022 annex 2. */
export interface MonitoringForm {
  /** 数据时间区间. */
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly unit: '万元';
  /** How amounts were rounded: `'exact'` (元 ÷ 10,000, no rounding) or half up to `digits` decimals of 万元. */
  readonly rounding: 'exact' | { readonly mode: 'half-up'; readonly digits: number };
  readonly rows: readonly MonitoringFormRow[];
  readonly citation: Citation;
}

/** Options of {@link toMonitoringForm}. */
export interface ToMonitoringFormOptions {
  /** 数据时间区间, printed on the form. */
  readonly period?: { readonly from: string; readonly to: string } | undefined;
  /** Round the 万元 amounts half up to this many decimals (the form's cells often show 2 or 4); exact by default. */
  readonly digits?: number | undefined;
  /** 省平台账号 by institution id. */
  readonly accounts?: Readonly<Record<string, string>> | undefined;
}

const CITATION: Citation = { policyId: 'jiangsu-2022', document: SU_2022_38, clause: 'annex 2 (医疗机构药品（医用耗材）阳光采购监测表)' };

/**
 * The column headers of the form: the row number, then columns 1 to 8 as annex 2 numbers them.
 *
 * @category Reports
 * @example
 * MONITORING_FORM_COLUMNS[3] //=> '药品（万元）院内采购金额'
 */
export const MONITORING_FORM_COLUMNS = [
  '序号',
  '医疗机构名称',
  '省平台账号',
  '药品（万元）院内采购金额',
  '药品（万元）其中省平台采购金额',
  '药品（万元）其中应急采购金额',
  '医用耗材（万元）院内采购金额',
  '医用耗材（万元）其中省平台采购金额',
  '医用耗材（万元）其中应急采购金额',
] as const;

function toWan(yuan: Decimal, digits: number | undefined): Decimal {
  const wan = yuan.dividedBy(TEN_THOUSAND); // exact: a shift of four decimal places
  return digits === undefined ? wan : wan.toDecimalPlaces(digits, D.ROUND_HALF_UP);
}

/**
 * Turns institution measures into the rows of jiangsu-2022's monitoring form (annex 2): per
 * institution, drugs and consumables, each with the hospital's purchase amount, of which on the
 * platform, of which emergency purchases, in 万元. Exact by default (元 ÷ 10,000 loses nothing);
 * `digits` rounds half up and the form states it.
 *
 * @category Reports
 * @see jiangsu-2022 annex 2; main text §2(1)
 * @param measures - from {@link measureOnlineRates} (its `drug` and `consumable` measures are used)
 * @param options - `{ period?, digits?, accounts? }`
 * @returns the form
 * @throws {SunshineInputError} for measures of the wrong shape or a bad `digits`
 * @example
 * const { measures } = measureOnlineRates(
 *   [{ institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '123456.78', insuranceCode: 'X' }],
 *   { policy: 'jiangsu-2022', institutions: [{ id: 'H1', name: '示例医院', level: 'tertiary', ownership: 'public' }] },
 * );
 * toMonitoringForm(measures).rows[0].drug.hospitalAmount.toFixed() //=> '12.345678'
 */
export function toMonitoringForm(measures: readonly InstitutionMeasure[], options: ToMonitoringFormOptions = {}): MonitoringForm {
  const fn = 'toMonitoringForm';
  strictKeys(options, ['period', 'digits', 'accounts'], fn);
  const digits = options.digits;
  if (digits !== undefined && (!Number.isInteger(digits) || digits < 0 || digits > 10)) {
    throw inputError(fn, 'options.digits', digits, 'an integer from 0 to 10', 'out-of-range');
  }
  if (!Array.isArray(measures)) {
    throw inputError(fn, 'measures', measures, 'institution measures from measureOnlineRates', 'invalid-type');
  }
  interface Entry {
    name: string;
    drug?: InstitutionMeasure;
    consumable?: InstitutionMeasure;
  }
  const byInstitution = new Map<string, Entry>();
  (measures as readonly InstitutionMeasure[]).forEach((m, i) => {
    if (typeof m !== 'object' || m === null || m.subject?.type !== 'institution') {
      throw inputError(fn, `measures[${i}]`, m, 'an institution measure from measureOnlineRates', 'invalid-type');
    }
    if (m.measure !== 'drug' && m.measure !== 'consumable') return;
    const entry: Entry = byInstitution.get(m.institutionId) ?? { name: m.institutionName ?? m.institutionId };
    entry[m.measure] = m;
    byInstitution.set(m.institutionId, entry);
  });
  const amounts = (m: InstitutionMeasure | undefined): MonitoringFormAmounts => ({
    hospitalAmount: toWan(m?.totalAmount ?? ZERO, digits),
    platformAmount: toWan(m?.platformAmount ?? ZERO, digits),
    emergencyAmount: toWan(m?.emergencyAmount ?? ZERO, digits),
  });
  let index = 0;
  const rows = [...byInstitution.entries()].map(([id, e]) => ({
    index: ++index,
    institutionId: id,
    institutionName: e.name,
    platformAccount: options.accounts?.[id],
    drug: amounts(e.drug),
    consumable: amounts(e.consumable),
  }));
  return {
    period: options.period ?? null,
    unit: '万元',
    rounding: digits === undefined ? 'exact' : { mode: 'half-up', digits },
    rows,
    citation: CITATION,
  };
}

/** A filled-in form row as input: amounts in 万元 (strings, numbers or Decimals). */
export interface MonitoringFormRowInput {
  readonly institutionId: string;
  readonly drug: { readonly hospitalAmount: unknown; readonly platformAmount: unknown; readonly emergencyAmount?: unknown };
  readonly consumable: { readonly hospitalAmount: unknown; readonly platformAmount: unknown; readonly emergencyAmount?: unknown };
}

/** The rates read back from one row of a form. */
export interface MonitoringFormRates {
  readonly institutionId: string;
  /** Amounts in 元, the rate and status, as {@link onlinePurchaseRate} gives them. */
  readonly drug: RateFigures;
  readonly consumable: RateFigures;
}

/**
 * Reads a filled-in monitoring form back into online purchase rates: each row's 万元 amounts
 * become 元 (× 10,000, exact) and each category's rate is platform ÷ hospital amount. A form made
 * with {@link toMonitoringForm} (exact) gives back the same rates as the measures it came from.
 *
 * @category Reports
 * @see jiangsu-2022 annex 1 §1(1), annex 2
 * @param rows - the form's rows (or a form from {@link toMonitoringForm})
 * @returns one entry per row
 * @throws {SunshineInputError} naming the row and cell of an amount that is not a decimal
 * @example
 * fromMonitoringForm([{ institutionId: 'H1', drug: { hospitalAmount: '100', platformAmount: '85', emergencyAmount: '2' }, consumable: { hospitalAmount: '0', platformAmount: '0' } }])[0].drug.rate?.toString() //=> '0.85'
 */
export function fromMonitoringForm(rows: readonly MonitoringFormRowInput[] | MonitoringForm): MonitoringFormRates[] {
  const fn = 'fromMonitoringForm';
  const list = Array.isArray(rows) ? rows : (rows as MonitoringForm | null)?.rows;
  if (!Array.isArray(list)) {
    throw inputError(fn, 'rows', rows, 'the rows of a monitoring form', 'invalid-type');
  }
  return (list as readonly MonitoringFormRowInput[]).map((row, i) => {
    const yuan = (value: unknown, path: string, optional: boolean): Decimal => {
      if (optional && (value === undefined || value === null || value === '')) return ZERO;
      const d = readAmount(value);
      if (d === null) {
        throw inputError(fn, path, value, 'an amount in 万元 such as "123.4567"', 'invalid-amount');
      }
      return d.times(TEN_THOUSAND);
    };
    const figures = (cat: 'drug' | 'consumable'): RateFigures => {
      const c = row?.[cat];
      const at = `rows[${i}].${cat}`;
      if (typeof c !== 'object' || c === null) {
        throw inputError(fn, at, c, '{ hospitalAmount, platformAmount, emergencyAmount? } in 万元', 'missing');
      }
      return rateFigures(yuan(c.platformAmount, `${at}.platformAmount`, false), yuan(c.hospitalAmount, `${at}.hospitalAmount`, false), yuan(c.emergencyAmount, `${at}.emergencyAmount`, true));
    };
    if (typeof row?.institutionId !== 'string' || row.institutionId === '') {
      throw inputError(fn, `rows[${i}].institutionId`, row?.institutionId, 'the institution id of the row', 'missing');
    }
    return { institutionId: row.institutionId, drug: figures('drug'), consumable: figures('consumable') };
  });
}
