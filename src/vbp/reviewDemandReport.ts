import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { D } from '../_lib/decimal';
import { inputError } from '../errors';
import { resolvePolicy } from '../policy/policies';
import type { Citation, Policy } from '../policy/schema';
import { readQuantity } from './quantity';

/** A finding of a demand-report review. */
export type DemandFlagCode = 'below-last-year' | 'explanation-required' | 'not-reported';

/** One finding, with its message and clause. */
export interface DemandFlag {
  readonly code: DemandFlagCode;
  readonly message: string;
  readonly citation: Citation;
}

/** What {@link reviewDemandReport} takes. */
export interface ReviewDemandReportInput {
  /** The quantity reported (报量); null when the institution did not report. */
  readonly reportedQuantity: string | number | Decimal | null;
  /** Last year's actual purchases. */
  readonly lastYearQuantity: string | number | Decimal;
  /** The historical purchases to compare with; `lastYearQuantity` when absent. */
  readonly historicalQuantity?: string | number | Decimal | undefined;
  /** A policy with `vbp.demandReview`; `'ganzhou-2023'` by default. */
  readonly policy?: PolicyId | Policy | undefined;
}

/** What {@link reviewDemandReport} returns. */
export interface DemandReview {
  readonly reportedQuantity: Decimal | null;
  readonly lastYearQuantity: Decimal;
  readonly historicalQuantity: Decimal;
  /** reported ÷ history; null without a report or without history. */
  readonly shareOfHistory: Decimal | null;
  /** The share of history below which an explanation is required (0.8 in ganzhou-2023). */
  readonly explainBelowShare: Decimal;
  readonly flags: readonly DemandFlag[];
  /** True when there is no flag. */
  readonly ok: boolean;
}

/**
 * Reviews a VBP demand report (报量) as ganzhou-2023 §2(1) asks: reported demand should in
 * principle not be below last year's actual purchases; below 80% of historical purchases
 * the institution must explain (exactly 80% passes); an institution with history that does
 * not report needs attention.
 *
 * @category VBP
 * @see ganzhou-2023 §2(1)
 * @param input - `{ reportedQuantity, lastYearQuantity, historicalQuantity?, policy? }`
 * @returns the review with its flags
 * @throws {SunshineInputError} for a negative or non-numeric quantity, or a policy without `vbp.demandReview`
 * @example
 * reviewDemandReport({ reportedQuantity: '790', lastYearQuantity: '1000' }).flags.map((f) => f.code) //=> ['below-last-year', 'explanation-required']
 */
export function reviewDemandReport(input: ReviewDemandReportInput): DemandReview {
  const fn = 'reviewDemandReport';
  if (typeof input !== 'object' || input === null) {
    throw inputError(fn, 'input', input, 'an object { reportedQuantity, lastYearQuantity, historicalQuantity? }', 'missing');
  }
  strictKeys(input, ['reportedQuantity', 'lastYearQuantity', 'historicalQuantity', 'policy'], fn, '');
  const p = resolvePolicy(input.policy ?? 'ganzhou-2023', fn);
  const rule = p.vbp.demandReview;
  if (rule === undefined) {
    throw inputError(fn, 'policy', p.id, 'a policy with vbp.demandReview, such as "ganzhou-2023"');
  }
  const reported = input.reportedQuantity === null ? null : readQuantity(input.reportedQuantity, fn, 'reportedQuantity');
  const lastYear = readQuantity(input.lastYearQuantity, fn, 'lastYearQuantity');
  const history = input.historicalQuantity === undefined ? lastYear : readQuantity(input.historicalQuantity, fn, 'historicalQuantity');
  const share = new D(rule.explainBelowShare);
  const citation: Citation = { policyId: p.id, document: p.document, clause: rule.clause };
  const flags: DemandFlag[] = [];
  if (reported === null) {
    if (!history.isZero()) {
      flags.push({ code: 'not-reported', message: `有历史采购量（${history.toFixed()}）但未报量，需重点关注 / history of ${history.toFixed()} but no report`, citation });
    }
  } else {
    if (reported.lessThan(lastYear)) {
      flags.push({ code: 'below-last-year', message: `报量 ${reported.toFixed()} 低于上一年度实际采购量 ${lastYear.toFixed()} / below last year's purchases`, citation });
    }
    // exact: reported < share × history
    if (reported.lessThan(share.times(history))) {
      flags.push({ code: 'explanation-required', message: `报量低于历史采购量的 ${share.times(100).toFixed()}%（${share.times(history).toFixed()}），须作出说明 / below ${share.times(100).toFixed()}% of history: an explanation is required`, citation });
    }
  }
  return {
    reportedQuantity: reported,
    lastYearQuantity: lastYear,
    historicalQuantity: history,
    shareOfHistory: reported === null || history.isZero() ? null : reported.dividedBy(history),
    explainBelowShare: share,
    flags,
    ok: flags.length === 0,
  };
}
