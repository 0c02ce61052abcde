import * as z from 'zod/mini';
import { isCivilDate, CIVIL_DATE } from '../_lib/dates';
import { AmountSchema } from '../amount/schema';
import { CATEGORIES, PRODUCT_KINDS } from '../catalog/kinds';
import { ProductKindSchema } from '../catalog/schema';
import { pure } from '../_lib/pure';

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

const DATE_EXPECTED = CIVIL_DATE;

/**
 * One purchase line (入库明细): an institution's inbound amount of a product on a date.
 * Optional fields may be absent or null.
 *
 * @category Rates
 * @example
 * PurchaseLineSchema.parse({ institutionId: 'H01', receivedOn: '2024-03-05', category: 'drug', channel: 'platform', amount: '1200.50' }).amount.toFixed(2) //=> '1200.50'
 */
export const PurchaseLineSchema = /* @__PURE__ */ pure(() => z
  .object({
    institutionId: z.string().check(z.minLength(1, 'expected a non-empty institution id')),
    /** The inbound (acceptance) date, which places the line in a period (jiangsu-2022 annex 1 §3). */
    receivedOn: z.string().check(z.refine((v) => isCivilDate(v), { message: `expected ${DATE_EXPECTED}` })),
    category: z.enum(CATEGORIES),
    kind: z.nullish(ProductKindSchema),
    highValue: z.nullish(z.boolean()),
    insuranceCode: z.nullish(z.string()),
    channel: z.enum(['platform', 'emergency', 'offline']),
    /** Yuan; negative for returns. */
    amount: AmountSchema,
  })
  .check(
    z.superRefine((line, ctx) => {
      if (line.kind != null && PRODUCT_KINDS[line.kind].category !== line.category) {
        ctx.addIssue({ code: 'custom', path: ['kind'], message: `expected a ${line.category} kind`, input: line.kind });
      }
      if (line.category === 'drug' && line.highValue === true) {
        ctx.addIssue({ code: 'custom', path: ['highValue'], message: 'expected highValue only on consumables', input: line.highValue });
      }
    }),
  ));

/** A purchase line as callers pass it. */
export type PurchaseLineInput = z.input<typeof PurchaseLineSchema>;
/** A purchase line once read. */
export type PurchaseLine = z.output<typeof PurchaseLineSchema>;

