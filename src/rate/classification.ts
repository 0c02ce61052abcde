import { MAX_YEAR, MIN_YEAR } from '../_lib/dates';
import type { Period } from '../_lib/period';
import { CATEGORIES, PRODUCT_KINDS, type Category, type ProductKind } from '../catalog/kinds';
import type { Level, Ownership } from '../institution/schema';
import { MEASURES, type MeasureId } from '../policy/measures';
import type { Policy } from '../policy/schema';
import { CHANNELS, type Channel } from './lineSchema';
import { EXCLUSION_REASONS, type ExclusionReason, type RejectionKey } from './types';

/**
 * How a policy sorts purchase lines: every test a line goes through, in the order they are
 * tried (the first that applies gives the line its one reason, DESIGN.md "One reason per
 * line"), each with what it reads, and the measures that an included line feeds.
 *
 * This is the one place the rules live. The JavaScript engine ({@link RateEngine}) reads its
 * scope, period, kinds, code requirement and measure feeds from here, and its hand-written line
 * loop tries the tests in this order (a test, `classification.test.ts`, builds for every pair of
 * steps a line that fails both and checks that the engine gives the earlier one); the SQL
 * compiler writes its `CASE` by walking `steps`.
 * @internal
 */
export interface LineClassification {
  readonly policyId: string;
  readonly steps: readonly ClassificationStep[];
  /** The policy's measures, in its order, with the lines each counts. */
  readonly feeds: readonly MeasureFeed[];
}

/** A measure and the lines it counts: those of `category` (only `highValue: true` ones if `highValueOnly`). */
export interface MeasureFeed {
  readonly id: MeasureId;
  readonly category: Category;
  readonly highValueOnly: boolean;
}

interface Invalid<F extends string> {
  readonly outcome: 'rejected';
  readonly reason: 'invalid';
  readonly field: F;
  /** The key of the reason in a ledger counted by reason (and in the SQL `reason` column). */
  readonly key: `invalid:${F}`;
}

/** One test of the classification. */
export type ClassificationStep =
  /** A non-empty text. */
  | Invalid<'institutionId'>
  /** A real civil date from `minYear` through `maxYear`. */
  | (Invalid<'receivedOn'> & { readonly minYear: number; readonly maxYear: number })
  /** One of `values`. */
  | (Invalid<'category'> & { readonly values: readonly Category[] })
  /** Absent, or a known kind of the line's category. */
  | (Invalid<'kind'> & { readonly categoryOf: Readonly<Record<ProductKind, Category>> })
  /** Absent or a boolean; `true` only on `categories`. */
  | (Invalid<'highValue'> & { readonly categories: readonly Category[] })
  /** Absent or a text (a typed text column cannot fail it). */
  | Invalid<'insuranceCode'>
  /** One of `values`. */
  | (Invalid<'channel'> & { readonly values: readonly Channel[] })
  /** An exact decimal amount. */
  | Invalid<'amount'>
  /** The id of one of the institutions passed (of a known level and ownership, in SQL). */
  | { readonly outcome: 'rejected'; readonly reason: 'unknown-institution'; readonly field: 'institutionId'; readonly key: 'unknown-institution' }
  /** The institution's ownership and level are in the policy's scope. */
  | { readonly outcome: 'excluded'; readonly reason: 'institution-out-of-scope'; readonly key: 'institution-out-of-scope'; readonly ownership: readonly Ownership[]; readonly levels: readonly Level[] }
  /** The inbound date is in `period` (never applies without one). */
  | { readonly outcome: 'excluded'; readonly reason: 'outside-period'; readonly key: 'outside-period'; readonly period: Period | null }
  /** The kind is not one the policy leaves out. */
  | { readonly outcome: 'excluded'; readonly reason: 'excluded-kind'; readonly key: 'excluded-kind'; readonly kinds: readonly ProductKind[] }
  /** Lines of `categories` carry a non-blank insurance code (never applies with no category). */
  | { readonly outcome: 'excluded'; readonly reason: 'missing-insurance-code'; readonly key: 'missing-insurance-code'; readonly categories: readonly Category[] };

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time check: the rejection steps' keys are exactly the public {@link RejectionKey}. @internal */
export type RejectionKeysMatch = Assert<Exactly<RejectionKey, Extract<ClassificationStep, { outcome: 'rejected' }>['key']>>;

/**
 * The classification of lines under `policy` and an optional period.
 * @internal
 */
export function lineClassification(policy: Policy, period: Period | undefined): LineClassification {
  const categoryOf = Object.fromEntries(Object.entries(PRODUCT_KINDS).map(([k, v]) => [k, v.category])) as Record<ProductKind, Category>;
  const invalid = <F extends string>(field: F): Invalid<F> => ({ outcome: 'rejected', reason: 'invalid', field, key: `invalid:${field}` });
  const rejections: ClassificationStep[] = [
    invalid('institutionId'),
    { ...invalid('receivedOn'), minYear: MIN_YEAR, maxYear: MAX_YEAR },
    { ...invalid('category'), values: CATEGORIES },
    { ...invalid('kind'), categoryOf },
    { ...invalid('highValue'), categories: ['consumable'] },
    invalid('insuranceCode'),
    { ...invalid('channel'), values: CHANNELS },
    invalid('amount'),
    { outcome: 'rejected', reason: 'unknown-institution', field: 'institutionId', key: 'unknown-institution' },
  ];
  const exclusions = EXCLUSION_REASONS.map((reason: ExclusionReason): ClassificationStep => {
    switch (reason) {
      case 'institution-out-of-scope':
        return { outcome: 'excluded', reason, key: reason, ownership: policy.scope.ownership, levels: policy.scope.levels };
      case 'outside-period':
        return { outcome: 'excluded', reason, key: reason, period: period ?? null };
      case 'excluded-kind':
        return { outcome: 'excluded', reason, key: reason, kinds: policy.exclusions.map((e) => e.kind) };
      case 'missing-insurance-code':
        return { outcome: 'excluded', reason, key: reason, categories: policy.insuranceCode.requiredFor };
    }
  });
  return {
    policyId: policy.id,
    steps: [...rejections, ...exclusions],
    feeds: policy.measures.map((m) => ({ id: m.id, category: MEASURES[m.id].category, highValueOnly: MEASURES[m.id].highValueOnly })),
  };
}

/** The step of a classification with the given key (every classification has each). @internal */
export function stepOf<K extends ClassificationStep['key']>(c: LineClassification, key: K): Extract<ClassificationStep, { key: K }> {
  return c.steps.find((s) => s.key === key) as Extract<ClassificationStep, { key: K }>;
}
