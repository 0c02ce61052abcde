import { pure } from '../_lib/pure';
import type { ExclusionReason } from '../rate/types';

/**
 * The exclusion reasons counted per institution and measure, in the order of EXCLUSION_REASONS
 * (an institution out of scope has no measure). A literal, so that nothing is built at import;
 * a test checks it against EXCLUSION_REASONS. @internal
 */
export const MEASURE_EXCLUSIONS = ['outside-period', 'excluded-kind', 'missing-insurance-code'] as const satisfies readonly ExclusionReason[];

/** The column of a measure's excluded lines or amount for a reason: `outside_period_lines`. @internal */
export const exclusionColumn = (reason: ExclusionReason, what: 'lines' | 'amount'): string => `${reason.replace(/-/g, '_')}_${what}`;

/**
 * The columns of the compiled queries that ratesFromSQL reads, in their order (rows read as
 * arrays follow it). A test checks that each query returns exactly these.
 * @internal
 */
export const SQL_COLUMNS = /* @__PURE__ */ pure(() => ({
  measures: ['institution_id', 'measure', 'platform_amount', 'total_amount', 'emergency_amount', 'included_lines', ...MEASURE_EXCLUSIONS.flatMap((r) => [exclusionColumn(r, 'lines'), exclusionColumn(r, 'amount')])],
  ledger: ['outcome', 'reason', 'lines', 'amount'],
}));
