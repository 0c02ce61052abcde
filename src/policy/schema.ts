import * as z from 'zod/mini';
import { NON_EMPTY_TEXT, AT_LEAST_ONE_SUBJECT, KEBAB_ID, POLICY_ID, AT_LEAST_ONE_ISSUER, AT_LEAST_ONE_OWNERSHIP, AT_LEAST_ONE_LEVEL, EACH_MEASURE_ONCE, EACH_KIND_ONCE, EACH_DEADLINE_ONCE } from './words';
import { D } from '../_lib/decimal';
import { isCivilDate, EXPECTED_CIVIL_DATE } from '../_lib/dates';
import { readAmount } from '../amount/readAmount';
import { CategorySchema, ProductKindSchema } from '../catalog/schema';
import { LEVELS, OWNERSHIPS, RegionSchema } from '../institution/schema';
import { MEASURE_IDS } from './measures';
import { pure } from '../_lib/pure';

const CivilDateSchema = /* @__PURE__ */ pure(() => z.string().check(z.refine((v) => isCivilDate(v), { message: EXPECTED_CIVIL_DATE })));
/** An integer from min to max. */
const intIn = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
const text = /* @__PURE__ */ pure(() => z.string().check(z.trim(), z.minLength(1, NON_EMPTY_TEXT)));
const clause = text;

/** A decimal share in [0, 1], given as a string (`'0.85'`) or a number, kept as its canonical string. */
const SHARE_EXPECTED = 'expected a decimal share between 0 and 1 such as "0.85"';
const ShareSchema = /* @__PURE__ */ pure(() => z.pipe(
  z.union([z.string(), z.number()], { error: SHARE_EXPECTED }),
  z.transform((value, ctx): string => {
    const d = readAmount(value);
    if (d === null || d.isNegative() || d.greaterThan(1)) {
      ctx.issues.push({ code: 'custom', message: SHARE_EXPECTED, input: value });
      return z.NEVER;
    }
    return d.toFixed();
  }),
));

/**
 * A numeric target: the rate of `measure` must be at least `minimum`
 * ("不低于" and "≥" both let the target itself pass).
 */
export const TargetSchema = /* @__PURE__ */ pure(() => z.object({
  measure: z.enum(MEASURE_IDS),
  /** Who the target binds: each institution in scope, each region (辖区), or both. */
  appliesTo: z.array(z.enum(['institution', 'region'])).check(z.minLength(1, AT_LEAST_ONE_SUBJECT)),
  minimum: ShareSchema,
  /** The date by which the target should be reached (到…年底), if the document gives one. */
  by: z.optional(CivilDateSchema),
  clause,
  note: z.optional(z.string()),
}));

/** A goal stated without a number (e.g. 应采尽采), listed for reference, never checked. */
export const GoalSchema = /* @__PURE__ */ pure(() => z.object({ text, textEn: text, by: z.optional(CivilDateSchema), clause }));

const deadlineBase = /* @__PURE__ */ pure(() => ({
  id: z.string().check(z.refine((v) => /^[a-z0-9][a-z0-9-]*$/.test(v), KEBAB_ID)),
  label: text,
  labelEn: text,
  clause,
  who: z.optional(z.string()),
  to: z.optional(z.string()),
  note: z.optional(z.string()),
}));

/**
 * A deadline rule of a policy, as data (used by the calendar and schedules).
 * - `monthly`: the report of a month is due by `day` of the month `monthsAfter` later.
 * - `quarterly`: an event each quarter; `day: null` when the document gives no date.
 * - `yearly`: the report of a year is due by `month`/`day` of the year `yearsAfter` later.
 * - `workdays-after-event`: due `workdays` working days after an event (the event day not counted).
 * - `hours-after-event`: due `hours` hours after an instant.
 * - `month-after-effect`: from the first day of month `month`, counting the month of effect as month 1.
 * - `fixed`: a milestone date.
 */
export const DeadlineRuleSchema = /* @__PURE__ */ pure(() => z.discriminatedUnion('rule', [
  z.object({ ...deadlineBase, rule: z.literal('monthly'), day: intIn(1, 31), monthsAfter: intIn(0, 12) }),
  z.object({ ...deadlineBase, rule: z.literal('quarterly'), day: z.null() }),
  z.object({
    ...deadlineBase,
    rule: z.literal('yearly'),
    month: intIn(1, 12),
    day: intIn(1, 31),
    yearsAfter: intIn(0, 5),
  }),
  z.object({ ...deadlineBase, rule: z.literal('workdays-after-event'), workdays: intIn(0, 366) }),
  z.object({ ...deadlineBase, rule: z.literal('hours-after-event'), hours: intIn(1, 8784) }),
  z.object({ ...deadlineBase, rule: z.literal('month-after-effect'), month: intIn(1, 24) }),
  z.object({ ...deadlineBase, rule: z.literal('fixed'), date: CivilDateSchema }),
]));

const cited = <T extends z.ZodMiniType>(value: T) => z.object({ value, clause });

/** Volume-based procurement parameters of a policy, each with its clause. */
export const VbpParametersSchema = /* @__PURE__ */ pure(() => z.object({
  /** The VBP volume as a share of the institutions' yearly usage: at least `min`, up to `max`. */
  volumeShare: z.optional(z.object({ min: ShareSchema, max: ShareSchema, clause })),
  /** The least share of the purchase amount the fund prepays. */
  minimumPrepaymentShare: z.optional(cited(ShareSchema)),
  /** The procurement cycle in years. */
  cycleYears: z.optional(cited(intIn(1, 10))),
  /** Reported demand should not fall below last year's purchases; below `explainBelowShare` of history it must be explained. */
  demandReview: z.optional(z.object({ floor: z.literal('last-year-actual'), explainBelowShare: ShareSchema, clause })),
  /** Month (the month of effect = 1) from which selected products are checked. */
  monitoringStartMonth: z.optional(cited(intIn(1, 24))),
  /** A product is flagged `warning` when completion is below this share of time progress. */
  warningRatio: z.optional(cited(ShareSchema)),
}));

/**
 * A sunshine-procurement policy as data: its document, scope, exclusions,
 * measures, targets, deadlines and VBP parameters, each with the clause it comes from.
 *
 * @category Policies
 * @example
 * PolicySchema.parse(POLICIES['jiangsu-2022']).document //=> '苏医保发〔2022〕38号'
 */
export const PolicySchema = /* @__PURE__ */ pure(() => z
  .object({
    id: z.string().check(z.refine((v) => /^[a-z0-9][a-z0-9-]*$/.test(v), POLICY_ID)),
    title: text,
    titleEn: text,
    /** The document number (文号), or the title where the document has none. */
    document: text,
    issuer: z.array(text).check(z.minLength(1, AT_LEAST_ONE_ISSUER)),
    /** The year of issue, and the exact date where the document gives it. */
    year: intIn(1990, 2100),
    issuedOn: z.optional(CivilDateSchema),
    /** The period the document is in force, where it says. */
    effective: z.optional(z.object({ from: z.optional(CivilDateSchema), to: z.optional(CivilDateSchema), clause })),
    jurisdiction: RegionSchema,
    /** Which institutions the rates and targets cover. */
    scope: z.object({
      ownership: z.array(z.enum(OWNERSHIPS)).check(z.minLength(1, AT_LEAST_ONE_OWNERSHIP)),
      levels: z.array(z.enum(LEVELS)).check(z.minLength(1, AT_LEAST_ONE_LEVEL)),
      clause,
      note: z.optional(z.string()),
    }),
    /** Product kinds left out of numerator and denominator. */
    exclusions: z.array(z.object({ kind: ProductKindSchema, clause })),
    /** Categories whose lines need a national healthcare-security code (医保代码) to count. */
    insuranceCode: z.object({ requiredFor: z.array(CategorySchema), clause: z.string() }),
    /** The data basis of amounts: the inbound (acceptance) date places a line in a period. */
    dataBasis: z.object({ basis: z.literal('inbound'), clause }),
    measures: z.array(z.object({ id: z.enum(MEASURE_IDS), clause, note: z.optional(z.string()) })),
    targets: z.array(TargetSchema),
    goals: z._default(z.array(GoalSchema), []),
    deadlines: z._default(z.array(DeadlineRuleSchema), []),
    vbp: z._default(VbpParametersSchema, {}),
    /** Where the text of the document can be read (a seed file or an address). */
    source: z.optional(z.string()),
  })
  .check(z.superRefine((policy, ctx) => {
    const ids = policy.measures.map((m) => m.id);
    for (const required of ['drug', 'consumable'] as const) {
      if (!ids.includes(required)) {
        ctx.addIssue({ code: 'custom', path: ['measures'], message: `expected a "${required}" measure (every policy measures drugs and consumables)`, input: ids });
      }
    }
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['measures', i, 'id'], message: EACH_MEASURE_ONCE, input: id });
    });
    policy.targets.forEach((t, i) => {
      if (!ids.includes(t.measure)) {
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'measure'], message: `expected one of the policy's measures (${ids.join(', ')})`, input: t.measure });
      }
    });
    const kinds = policy.exclusions.map((e) => e.kind);
    kinds.forEach((k, i) => {
      if (kinds.indexOf(k) !== i) ctx.addIssue({ code: 'custom', path: ['exclusions', i, 'kind'], message: EACH_KIND_ONCE, input: k });
    });
    const deadlineIds = policy.deadlines.map((d) => d.id);
    deadlineIds.forEach((id, i) => {
      if (deadlineIds.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['deadlines', i, 'id'], message: EACH_DEADLINE_ONCE, input: id });
    });
    const range = policy.vbp.volumeShare;
    if (range !== undefined && new D(range.min).greaterThan(range.max)) {
      ctx.addIssue({ code: 'custom', path: ['vbp', 'volumeShare', 'max'], message: `expected at least min (${range.min})`, input: range.max });
    }
    const eff = policy.effective;
    if (eff?.from !== undefined && eff.to !== undefined && eff.from > eff.to) {
      ctx.addIssue({ code: 'custom', path: ['effective', 'to'], message: `expected a date on or after effective.from (${eff.from})`, input: eff.to });
    }
  })));

/** A policy as written (JSON or a literal): shares may be strings or numbers. */
export type PolicyInput = z.input<typeof PolicySchema>;
/** A validated policy. */
export type Policy = z.output<typeof PolicySchema>;
/** One numeric target of a policy. */
export type Target = z.output<typeof TargetSchema>;
/** One deadline rule of a policy. */
export type DeadlineRule = z.output<typeof DeadlineRuleSchema>;
/** The VBP parameters of a policy. */
export type VbpParameters = z.output<typeof VbpParametersSchema>;

/** Where a figure comes from: the policy, its document number and the clause. */
export interface Citation {
  readonly policyId: string;
  readonly document: string;
  readonly clause: string;
}
