import type { Decimal } from 'decimal.js';
import type { Level, Ownership, Region } from '../institution/schema';
import type { MeasureId } from '../policy/measures';
import type { Citation } from '../policy/schema';

/**
 * The status of a rate:
 * - `'ok'`: a rate in [0, 1];
 * - `'no-purchases'`: the total is zero, so there is no rate (never 0% or NaN);
 * - `'inconsistent'`: platform > total, a negative total or platform amount, or
 *   platform + emergency > total; no rate, and a warning says which.
 */
export type RateStatus = 'ok' | 'no-purchases' | 'inconsistent';

/** A machine-readable warning with a readable message. */
export interface Warning {
  readonly code: string;
  readonly message: string;
}

/** A count of lines and their amount in 元. */
export interface LineTally {
  readonly lines: number;
  readonly amount: Decimal;
}

/**
 * Why a line was left out of numerator and denominator (one reason per line,
 * the first that applies in this order).
 * - `'institution-out-of-scope'`: the institution's ownership or level is outside the policy's scope;
 * - `'outside-period'`: the inbound date is outside `period`;
 * - `'excluded-kind'`: the policy leaves the product kind out (e.g. 中药饮片);
 * - `'missing-insurance-code'`: the policy counts only products with a healthcare-security code.
 */
export type ExclusionReason = 'institution-out-of-scope' | 'outside-period' | 'excluded-kind' | 'missing-insurance-code';

/** The exclusion reasons in the order they are tested. */
export const EXCLUSION_REASONS = [
  'institution-out-of-scope',
  'outside-period',
  'excluded-kind',
  'missing-insurance-code',
] as const satisfies readonly ExclusionReason[];

/** Chinese labels of the exclusion reasons. */
export const EXCLUSION_LABELS = {
  'institution-out-of-scope': '机构不在政策范围',
  'outside-period': '入库日期不在统计期间',
  'excluded-kind': '暂不纳入的品种',
  'missing-insurance-code': '无国家医保代码',
} as const satisfies Record<ExclusionReason, string>;

/** Why a line was rejected: a field is invalid, or its institution is not among those passed. */
export type RejectionReason = 'invalid' | 'unknown-institution';

/**
 * A rejection reason as one key: `'invalid:<field>'` or `'unknown-institution'`, as in the `reason`
 * column of the SQL ledger and in `ledger.rejected.byReason`.
 */
export type RejectionKey =
  | 'invalid:institutionId'
  | 'invalid:receivedOn'
  | 'invalid:category'
  | 'invalid:kind'
  | 'invalid:highValue'
  | 'invalid:insuranceCode'
  | 'invalid:channel'
  | 'invalid:amount'
  | 'unknown-institution';

/**
 * Chinese labels of the rejection reasons.
 *
 * @category Rates
 * @example
 * REJECTION_LABELS['unknown-institution'] //=> '机构不在名单中'
 */
export const REJECTION_LABELS = {
  'invalid:institutionId': '机构编码无效',
  'invalid:receivedOn': '入库日期无效',
  'invalid:category': '产品类别无效',
  'invalid:kind': '品种无效',
  'invalid:highValue': '高值标识无效',
  'invalid:insuranceCode': '医保代码无效',
  'invalid:channel': '采购渠道无效',
  'invalid:amount': '金额无效',
  'unknown-institution': '机构不在名单中',
} as const satisfies Record<RejectionKey, string>;

/** One rejected line: its index in the input, the field at fault, the value and what was expected. */
export interface RejectedLine {
  readonly index: number;
  readonly reason: RejectionReason;
  /** The field at fault (`amount`, `receivedOn`…), `''` when the line itself is not an object. */
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
}

/**
 * Where every input line went. It balances: `input` = `included` + `excluded` +
 * `rejected`, in lines and in amount (a rejected line whose amount cannot be read
 * counts in `lines` and adds nothing to any amount).
 */
export interface Ledger {
  readonly input: LineTally;
  readonly included: LineTally;
  readonly excluded: LineTally & { readonly byReason: Readonly<Record<ExclusionReason, LineTally>> };
  readonly rejected: LineTally & {
    /** Every rejected line with its index, field, value and what was expected (empty from {@link ratesFromSQL}). */
    readonly reasons: readonly RejectedLine[];
    /**
     * Rejected lines counted by reason (`'invalid:amount'`, `'unknown-institution'`…): present only
     * when the lines were classified in a database ({@link ratesFromSQL}). A database returns counts
     * per reason, not the indexes of the lines, so `reasons` is then empty; find the lines with a
     * query on the reason's test (docs/sql.md).
     */
    readonly byReason?: Readonly<Partial<Record<RejectionKey, LineTally>>>;
  };
  /** True when input = included + excluded + rejected in lines and amount. */
  readonly balanced: boolean;
}

/** Who a figure is about: an institution (by id) or a region (by its key). */
export interface Subject {
  readonly type: 'institution' | 'region';
  readonly id: string;
}

/** The amounts, rate and status shared by institution and regional measures. */
export interface RateFigures {
  /** Numerator: amount bought on the provincial platform (省平台采购入库金额), 元. */
  readonly platformAmount: Decimal;
  /** Denominator: the total inbound purchase amount (院内采购入库金额), all channels, 元. */
  readonly totalAmount: Decimal;
  /** Of the total, emergency purchases off the platform (应急采购金额), 元; they stay in the denominator. */
  readonly emergencyAmount: Decimal;
  /** platformAmount / totalAmount in [0, 1] (60 significant digits), or null when status is not `'ok'`. */
  readonly rate: Decimal | null;
  readonly status: RateStatus;
  readonly warnings: readonly Warning[];
}

/** One measure of one institution, from {@link measureOnlineRates}. */
export interface InstitutionMeasure extends RateFigures {
  readonly subject: Subject & { readonly type: 'institution' };
  readonly institutionId: string;
  readonly institutionName: string | undefined;
  readonly measure: MeasureId;
  /** The measure's Chinese label (药品, 医用耗材, 高值医用耗材). */
  readonly label: string;
  readonly level: Level;
  readonly ownership: Ownership;
  readonly region: Region;
  /** Included lines. */
  readonly lines: number;
  /** Lines of this institution and measure left out, by reason. */
  readonly excluded: Readonly<Partial<Record<ExclusionReason, LineTally>>>;
  readonly policyId: string;
  readonly citation: Citation;
}

/** One measure of one region and level (or named level group), from {@link aggregateRates}. */
export interface RegionalMeasure extends RateFigures {
  readonly subject: Subject & { readonly type: 'region' };
  /** The region: how it was grouped (`by`), its key, and its province/city/county where known. */
  readonly region: Region & { readonly by: string; readonly id: string | null };
  /** The level, or the name of a combined group such as `'secondary-and-above'`. */
  readonly level: string;
  /** The levels the figure covers (one, unless a combined group was named). */
  readonly levels: readonly Level[];
  readonly measure: MeasureId;
  readonly label: string;
  /** How many institutions the figure rests on, and which. */
  readonly institutions: number;
  readonly institutionIds: readonly string[];
  /** Of those, the institutions with no line at all in the data: not reported, never counted as 0 %. */
  readonly notReported: readonly string[];
  /** Included lines, summed over the institutions. */
  readonly lines: number;
  /** Excluded lines of these institutions, by reason, summed. */
  readonly excluded: Readonly<Partial<Record<ExclusionReason, LineTally>>>;
  readonly policyId: string;
  readonly citation: Citation;
}
