import { strictKeys } from '../_lib/options';
import type { PurchaseLineInput } from './lineSchema';
import { inputError } from '../errors';
import { compatibilityKey, engineToJSON, mergeEngine, restoreEngine } from './engineState';
import { ENGINE_OPTIONS, RateEngine, type MeasureOnlineRatesOptions, type MeasureOnlineRatesResult, type RateAccumulatorJSON } from './engine';
import { pure } from '../_lib/pure';

export type { RateAccumulatorJSON } from './engine';

/** Options of {@link createRateAccumulator}: those of {@link measureOnlineRates}, and `firstIndex`. */
export type RateAccumulatorOptions = MeasureOnlineRatesOptions;

/**
 * A mergeable accumulator of purchase lines (see {@link createRateAccumulator}).
 */
export interface RateAccumulator {
  /** Classifies and adds one line. */
  add(line: PurchaseLineInput): RateAccumulator;
  /**
   * Adds every line of an iterable (an array, a generator, a stream's chunks…). An iterable that
   * is not an array is read 1,024 lines at a time, each chunk classified before the next is read;
   * so in strict mode a bad line may throw after up to 1,023 lines past it were read.
   */
  addAll(lines: Iterable<PurchaseLineInput>): RateAccumulator;
  /** Adds another accumulator's lines (same policy, institutions and period); associative and commutative. */
  merge(other: RateAccumulator): RateAccumulator;
  /** The measures and ledger, exactly as {@link measureOnlineRates} gives for the same lines. */
  result(): MeasureOnlineRatesResult;
  /** The state as plain JSON (amounts as exact decimal strings), to send to another worker or process. */
  toJSON(): RateAccumulatorJSON;
  /** How many lines were added. */
  readonly lines: number;
}

const ENGINES = /* @__PURE__ */ pure(() => new WeakMap<RateAccumulator, RateEngine>());

function wrap(engine: RateEngine): RateAccumulator {
  const acc: RateAccumulator = {
    add(line) {
      engine.add(line);
      return acc;
    },
    addAll(lines) {
      engine.addAll(lines, 'addAll');
      return acc;
    },
    merge(other) {
      const theirs = ENGINES.get(other);
      if (theirs === undefined) {
        throw inputError('merge', 'other', other, 'an accumulator from createRateAccumulator or rateAccumulatorFromJSON', 'invalid-type');
      }
      if (theirs === engine) {
        throw inputError('merge', 'other', 'the same accumulator', 'another accumulator (merging one into itself would count its lines twice)');
      }
      if (compatibilityKey(theirs) !== compatibilityKey(engine)) {
        throw inputError('merge', 'other', theirs.policy.id, `an accumulator with the same policy (${engine.policy.id}), institutions and period`);
      }
      mergeEngine(engine, theirs);
      return acc;
    },
    result: () => engine.result(),
    toJSON: () => engineToJSON(engine),
    get lines() {
      return engine.seen;
    },
  };
  ENGINES.set(acc, engine);
  return acc;
}

/**
 * A mergeable accumulator for the online purchase rate: add lines one by one or in chunks,
 * in several workers or processes, merge the partial states (as objects or as JSON), and
 * take the same `{ measures, ledger }` as {@link measureOnlineRates}. Memory does not grow
 * with the number of lines (only rejected lines are listed).
 *
 * @category Rates
 * @see jiangsu-2022 annex 1 §1(1), §1(2)
 * @param options - `{ policy, institutions, period?, strict?, firstIndex? }`
 * @returns an accumulator
 * @throws {SunshineInputError} for bad options
 * @example
 * const a = createRateAccumulator({ policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] });
 * const b = createRateAccumulator({ policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }], firstIndex: 1 });
 * a.add({ institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '850', insuranceCode: 'X' });
 * b.add({ institutionId: 'H1', receivedOn: '2024-01-06', category: 'drug', channel: 'offline', amount: '150', insuranceCode: 'X' });
 * a.merge(rateAccumulatorFromJSON(JSON.parse(JSON.stringify(b)))).result().measures[0].rate?.toFixed(2) //=> '0.85'
 */
export function createRateAccumulator(options: RateAccumulatorOptions): RateAccumulator {
  strictKeys(options, ENGINE_OPTIONS, 'createRateAccumulator');
  return wrap(new RateEngine(options, 'createRateAccumulator'));
}

/**
 * Restores an accumulator from its JSON state (from `toJSON()`, possibly sent through another
 * process as text).
 *
 * @category Rates
 * @param json - the parsed JSON state
 * @returns the accumulator, ready to add more lines or merge
 * @throws {SunshineInputError} for a state that is not one
 * @example
 * const acc = createRateAccumulator({ policy: 'ganzhou-2023', institutions: [] });
 * rateAccumulatorFromJSON(JSON.parse(JSON.stringify(acc))).lines //=> 0
 */
export function rateAccumulatorFromJSON(json: unknown): RateAccumulator {
  const fn = 'rateAccumulatorFromJSON';
  const j = json as Partial<RateAccumulatorJSON> | null;
  if (typeof j !== 'object' || j === null || j.format !== 'sunshine-procurement/rate-accumulator' || j.version !== 1) {
    throw inputError(fn, 'json', json, 'the JSON state of a rate accumulator (format "sunshine-procurement/rate-accumulator", version 1)');
  }
  const engine = new RateEngine(
    { policy: j.policy as never, institutions: j.institutions as never, period: j.period ?? undefined, firstIndex: j.firstIndex },
    fn,
  );
  restoreEngine(engine, j as RateAccumulatorJSON, fn);
  return wrap(engine);
}
