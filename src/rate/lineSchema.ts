import type Decimal from 'decimal.js';
import { z } from 'zod';
import { isCivilDate } from '../_lib/dates';
import { AmountSchema } from '../amount/schema';
import { AMOUNT_EXPECTED, readAmount } from '../amount/readAmount';
import { CATEGORIES, PRODUCT_KINDS, type Category, type ProductKind } from '../catalog/kinds';
import { ProductKindSchema } from '../catalog/schema';

/**
 * How a line was bought: on the provincial platform (`'platform'`), as an
 * allowed emergency purchase off the platform (`'emergency'`, 应急采购), or
 * otherwise off the platform (`'offline'`, e.g. 议价/线下).
 *
 * @category Rates
 * @example
 * CHANNELS //=> ['platform', 'emergency', 'offline']
 */
export const CHANNELS = ['platform', 'emergency', 'offline'] as const;
/** A purchase channel. */
export type Channel = (typeof CHANNELS)[number];

/**
 * Chinese labels of the channels.
 *
 * @category Rates
 * @example
 * CHANNEL_LABELS.emergency //=> '应急采购'
 */
export const CHANNEL_LABELS = {
  platform: '省平台采购',
  emergency: '应急采购',
  offline: '线下采购',
} as const satisfies Record<Channel, string>;

const DATE_EXPECTED = 'a real civil date "YYYY-MM-DD"';

/**
 * One purchase line (入库明细): an institution's inbound amount of a product on a date.
 * Optional fields may be absent or null.
 *
 * @category Rates
 * @example
 * PurchaseLineSchema.parse({ institutionId: 'H01', receivedOn: '2024-03-05', category: 'drug', channel: 'platform', amount: '1200.50' }).amount.toFixed(2) //=> '1200.50'
 */
export const PurchaseLineSchema = z
  .object({
    institutionId: z.string().min(1, 'expected a non-empty institution id'),
    /** The inbound (acceptance) date, which places the line in a period (jiangsu-2022 annex 1 §3). */
    receivedOn: z.string().refine((v) => isCivilDate(v), { message: `expected ${DATE_EXPECTED}` }),
    category: z.enum(CATEGORIES),
    kind: ProductKindSchema.nullish(),
    highValue: z.boolean().nullish(),
    insuranceCode: z.string().nullish(),
    channel: z.enum(['platform', 'emergency', 'offline']),
    /** Yuan; negative for returns. */
    amount: AmountSchema,
  })
  .superRefine((line, ctx) => {
    if (line.kind != null && PRODUCT_KINDS[line.kind].category !== line.category) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `expected a ${line.category} kind`, input: line.kind });
    }
    if (line.category === 'drug' && line.highValue === true) {
      ctx.addIssue({ code: 'custom', path: ['highValue'], message: 'expected highValue only on consumables', input: line.highValue });
    }
  });

/** A purchase line as callers pass it. */
export type PurchaseLineInput = z.input<typeof PurchaseLineSchema>;
/** A purchase line once read. */
export type PurchaseLine = z.output<typeof PurchaseLineSchema>;

/** A line read by {@link readLine}. @internal */
export interface ReadLine {
  readonly institutionId: string;
  readonly receivedOn: string;
  readonly category: Category;
  readonly kind: ProductKind | undefined;
  readonly highValue: boolean;
  readonly insuranceCode: string | undefined;
  readonly channel: Channel;
  readonly amount: Decimal;
}

/** The first problem of a line. @internal */
export interface LineProblem {
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
  /** The amount, when it could be read, so the ledger can balance. */
  readonly amount: Decimal | null;
}

const has = Object.prototype.hasOwnProperty;

function field(line: object, key: string): unknown {
  return has.call(line, key) ? (line as Record<string, unknown>)[key] : undefined;
}

/**
 * Reads one line by hand (no zod on the hot path), accepting and rejecting
 * exactly what {@link PurchaseLineSchema} does; returns the first problem in
 * field order otherwise.
 * @internal
 */
export function readLine(raw: unknown): ReadLine | LineProblem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { field: '', value: raw, expected: 'a purchase line object', amount: null };
  }
  const rawAmount = field(raw, 'amount');
  const amount = readAmount(rawAmount);
  const problem = (f: string, value: unknown, expected: string): LineProblem => ({ field: f, value, expected, amount });

  const institutionId = field(raw, 'institutionId');
  if (typeof institutionId !== 'string' || institutionId.length === 0) {
    return problem('institutionId', institutionId, 'a non-empty institution id');
  }
  const receivedOn = field(raw, 'receivedOn');
  if (!isCivilDate(receivedOn)) return problem('receivedOn', receivedOn, DATE_EXPECTED);
  const category = field(raw, 'category');
  if (category !== 'drug' && category !== 'consumable') return problem('category', category, 'one of "drug", "consumable"');
  const kind = field(raw, 'kind');
  if (kind != null) {
    if (typeof kind !== 'string' || !has.call(PRODUCT_KINDS, kind)) {
      return problem('kind', kind, `absent or one of ${Object.keys(PRODUCT_KINDS).map((k) => `"${k}"`).join(', ')}`);
    }
    if (PRODUCT_KINDS[kind as ProductKind].category !== category) return problem('kind', kind, `a ${category} kind`);
  }
  const highValue = field(raw, 'highValue');
  if (highValue != null && typeof highValue !== 'boolean') return problem('highValue', highValue, 'absent or a boolean');
  if (category === 'drug' && highValue === true) return problem('highValue', highValue, 'highValue only on consumables');
  const insuranceCode = field(raw, 'insuranceCode');
  if (insuranceCode != null && typeof insuranceCode !== 'string') return problem('insuranceCode', insuranceCode, 'absent or a string');
  const channel = field(raw, 'channel');
  if (channel !== 'platform' && channel !== 'emergency' && channel !== 'offline') {
    return problem('channel', channel, 'one of "platform", "emergency", "offline"');
  }
  if (amount === null) return problem('amount', rawAmount, AMOUNT_EXPECTED);
  return {
    institutionId,
    receivedOn,
    category,
    kind: kind == null ? undefined : (kind as ProductKind),
    highValue: highValue === true,
    insuranceCode: insuranceCode == null ? undefined : (insuranceCode as string),
    channel,
    amount,
  };
}

/** True when `read` is a problem rather than a line. @internal */
export function isLineProblem(read: ReadLine | LineProblem): read is LineProblem {
  return 'expected' in read;
}
