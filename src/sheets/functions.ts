import { Decimal } from 'decimal.js';
import {
  agreedVolumeProgress,
  addWorkdays,
  formatRate,
  formatShortfall,
  getPolicy,
  isWorkday,
  onlinePurchaseRate,
  reportingSchedule,
  SunshineInputError,
  timeProgress,
  VOLUME_STATUS_LABELS,
  type MeasureId,
} from '../index';
import { argumentError, readDate, readInteger, readNumber, readRange, readText, writeDate, writeNumber, type DateOutput } from './cells';

const MEASURE_NAMES: Readonly<Record<string, MeasureId>> = {
  drug: 'drug',
  药品: 'drug',
  consumable: 'consumable',
  医用耗材: 'consumable',
  耗材: 'consumable',
  'consumable-high-value': 'consumable-high-value',
  高值医用耗材: 'consumable-high-value',
  高值耗材: 'consumable-high-value',
};

/** Runs a library call and turns its error into the sheet's bilingual message. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SunshineInputError) {
      const issue = e.issues[0];
      throw new Error(`参数无效：${issue?.path ?? ''} 应为 ${issue?.expected ?? ''} / invalid input: ${e.message}`);
    }
    throw e;
  }
}

/** The exact rate of the amounts, or the bilingual error of a total of zero or inconsistent parts (emergency purchases included). */
function exactRate(platform: Decimal, total: Decimal, emergency: Decimal): Decimal {
  const r = onlinePurchaseRate({ platformAmount: platform, totalAmount: total, emergencyAmount: emergency });
  if (r.status === 'no-purchases') throw new Error('院内采购金额为 0，无网采率 / the total is zero: there is no rate');
  if (r.status === 'inconsistent') throw new Error(`数据不一致：${r.warnings.map((w) => w.message).join('；')} / inconsistent data`);
  return r.rate!;
}

const rateOrError = (platform: Decimal, total: Decimal, emergency: Decimal = new Decimal(0)): number => writeNumber(exactRate(platform, total, emergency));

/** An optional amount argument: a blank or absent cell is 0. */
const optionalAmount = (value: unknown, name: string): Decimal => (value === undefined || value === null || value === '' ? new Decimal(0) : readNumber(value, name));

function policyOf(id: unknown) {
  const text = readText(id, 'policyId');
  try {
    return getPolicy(text);
  } catch {
    throw argumentError('policyId', '未知的政策 id（如 jiangsu-2022、ganzhou-2023）', 'unknown policy id (e.g. jiangsu-2022, ganzhou-2023)', id);
  }
}

/**
 * The custom functions for one host: Google Sheets wants dates back as `Date`s, Excel and WPS as
 * date serials. Every function takes cell values (numbers, text, `Date`s, 2-D ranges) and throws an
 * Error whose message says in Chinese and English which argument is wrong.
 *
 * @category Spreadsheets
 * @param dates - `'date'` for Google Sheets, `'serial'` for Excel and WPS
 * @returns the functions, by their sheet names
 * @example
 * createSheetFunctions('serial').SUNSHINE_RATE(850, 1000) //=> 0.85
 */
export function createSheetFunctions(dates: DateOutput) {
  return {
    SUNSHINE_RATE(platform: unknown, total: unknown, emergency?: unknown): number {
      return rateOrError(readNumber(platform, 'platform'), readNumber(total, 'total'), optionalAmount(emergency, 'emergency'));
    },
    SUNSHINE_RATE_TEXT(platform: unknown, total: unknown, emergency?: unknown, target?: unknown, digits?: unknown): string {
      const rate = exactRate(readNumber(platform, 'platform'), readNumber(total, 'total'), optionalAmount(emergency, 'emergency'));
      const places = digits === undefined || digits === null || digits === '' ? 2 : readInteger(digits, 'digits');
      if (places < 0 || places > 10) throw argumentError('digits', '小数位数应为 0 到 10', 'expected 0 to 10 decimal places', digits);
      const goal = target === undefined || target === null || target === '' ? undefined : readNumber(target, 'target');
      // beside its target, a rate that misses it is never written as the target (84.9999%, not 85.00%)
      return formatRate(rate, { digits: places, target: goal });
    },
    SUNSHINE_REGION_RATE(platformRange: unknown, totalRange: unknown): number {
      const platform = readRange(platformRange, 'platformRange').reduce((a, b) => a.plus(b), new Decimal(0));
      const total = readRange(totalRange, 'totalRange').reduce((a, b) => a.plus(b), new Decimal(0));
      return rateOrError(platform, total);
    },
    SUNSHINE_MEETS(rate: unknown, policyId: unknown, measure: unknown): boolean {
      const r = readNumber(rate, 'rate');
      const policy = policyOf(policyId);
      const m = MEASURE_NAMES[readText(measure, 'measure')];
      if (m === undefined) throw argumentError('measure', '应为 drug、consumable 或 consumable-high-value', 'expected drug, consumable or consumable-high-value', measure);
      const target = policy.targets.find((t) => t.measure === m && t.appliesTo.includes('institution'));
      if (target === undefined) throw argumentError('measure', `政策 ${policy.id} 对该指标没有数值目标`, `policy ${policy.id} sets no numeric target for this measure`, measure);
      return r.greaterThanOrEqualTo(target.minimum);
    },
    SUNSHINE_SHORTFALL(platform: unknown, total: unknown, target: unknown): number {
      const p = readNumber(platform, 'platform');
      const t = readNumber(total, 'total');
      const goal = readNumber(target, 'target');
      if (goal.isNegative() || goal.greaterThan(1)) throw argumentError('target', '目标应在 0 到 1 之间（如 0.85 或 85%）', 'expected a target from 0 to 1 (such as 0.85 or 85%)', target);
      const gap = goal.times(t).minus(p);
      // rounded up to the fen, as every amount needed is shown: paying it reaches the target (formatShortfall)
      return writeNumber(new Decimal(formatShortfall(gap.isPositive() && !gap.isZero() ? gap : new Decimal(0))));
    },
    SUNSHINE_TIME_PROGRESS(start: unknown, end: unknown, asOf: unknown): number {
      const cycle = { start: readDate(start, 'start'), end: readDate(end, 'end') };
      const at = readDate(asOf, 'asOf');
      return writeNumber(guard(() => timeProgress(cycle, at)));
    },
    SUNSHINE_VBP_STATUS(agreed: unknown, purchased: unknown, start: unknown, end: unknown, asOf: unknown): string {
      const input = {
        agreedQuantity: readNumber(agreed, 'agreed'),
        purchasedQuantity: readNumber(purchased, 'purchased'),
        cycle: { start: readDate(start, 'start'), end: readDate(end, 'end') },
        asOf: readDate(asOf, 'asOf'),
      };
      return VOLUME_STATUS_LABELS[guard(() => agreedVolumeProgress(input)).status];
    },
    SUNSHINE_IS_WORKDAY(date: unknown): boolean {
      const d = readDate(date, 'date');
      return guard(() => isWorkday(d));
    },
    SUNSHINE_ADD_WORKDAYS(date: unknown, n: unknown): Date | number {
      const d = readDate(date, 'date');
      const count = readInteger(n, 'n');
      return writeDate(guard(() => addWorkdays(d, count)), dates);
    },
    SUNSHINE_DUE(policyId: unknown, kind: unknown, period: unknown): Date | number {
      const policy = policyOf(policyId);
      const k = readText(kind, 'kind');
      let p: string;
      if (typeof period === 'string' && /^\s*\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?\s*$/.test(period)) p = period.trim();
      else p = readDate(period, 'period').slice(0, 7);
      const year = Number(p.slice(0, 4));
      const events = guard(() => reportingSchedule(policy, { year }));
      const event = events.find((e) => e.kind === k && (e.period === p || (p.length === 7 && e.period === p.slice(0, 4))));
      if (event === undefined) {
        const kinds = [...new Set(events.map((e) => e.kind))].join('、');
        throw argumentError('kind', `政策 ${policy.id} 在 ${p} 没有该事项（可用：${kinds}）`, `policy ${policy.id} has no such deadline for ${p} (available: ${kinds})`, kind);
      }
      if (event.due === null) throw new Error(`文件未规定该事项的日期（${event.citation.clause}） / the document gives no date for this event`);
      return writeDate(event.due, dates);
    },
  };
}

/** The custom functions of one host. */
export type SheetFunctions = ReturnType<typeof createSheetFunctions>;
