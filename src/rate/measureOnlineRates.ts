import { strictKeys } from '../_lib/options';
import type { PurchaseLineInput } from './lineSchema';
import { ENGINE_OPTIONS, RateEngine, type MeasureOnlineRatesOptions, type MeasureOnlineRatesResult } from './engine';

export type { MeasureOnlineRatesOptions, MeasureOnlineRatesResult } from './engine';

/**
 * Measures the online purchase rates (网上采购率) of each institution from
 * purchase lines, under a policy: each line is included, excluded with a reason
 * or rejected with a reason, and the ledger proves nothing was lost.
 *
 * Rules, in order, one reason per line: an invalid line, then a line of an
 * unknown institution, is **rejected**; a line of an institution outside the
 * policy's scope, received outside `period`, of an excluded kind, or without a
 * required insurance code is **excluded** (it leaves numerator and denominator).
 * Included lines add to the total; platform lines also to the platform amount;
 * emergency lines stay in the total and are reported apart.
 *
 * Amounts are summed exactly: amounts in whole fen as integers (with a bigint beyond
 * 2^53 fen), others as Decimals. A thin wrapper over {@link createRateAccumulator}.
 *
 * @category Rates
 * @see jiangsu-2022 annex 1 §1(1) (formula), §2 (scope), §3 (inbound data basis)
 * @param lines - purchase lines (any iterable); see {@link PurchaseLineSchema}
 * @param options - `{ policy, institutions, period?, strict? }`
 * @returns `{ measures, ledger }`: one measure per in-scope institution and policy
 *   measure (also with no lines: `rate: null`, status `'no-purchases'`)
 * @throws {SunshineInputError} for bad options, an unknown policy, duplicate
 *   institution ids, or (with `strict: true`) the first bad line
 * @example
 * const { measures } = measureOnlineRates(
 *   [
 *     { institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '850', insuranceCode: 'XA01' },
 *     { institutionId: 'H1', receivedOn: '2024-01-06', category: 'drug', channel: 'offline', amount: '150', insuranceCode: 'XA02' },
 *   ],
 *   { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] },
 * );
 * measures[0].rate?.toFixed(2) //=> '0.85'
 */
export function measureOnlineRates(lines: Iterable<PurchaseLineInput>, options: MeasureOnlineRatesOptions): MeasureOnlineRatesResult {
  const fn = 'measureOnlineRates';
  strictKeys(options, ENGINE_OPTIONS, fn);
  const engine = new RateEngine(options, fn);
  engine.addAll(lines, fn);
  return engine.result();
}
