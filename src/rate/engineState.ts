import { isCivilDate } from '../_lib/dates';
import { ExactSum } from '../_lib/exactSum';
import { readSum } from '../amount/readAmount';
import { inputError, jsonValue } from '../errors';
import { EXCLUDED, HOT, S_EMERGENCY, S_LINES, S_PLATFORM, S_TOTAL, type RateAccumulatorJSON, type RateEngine } from './engine';
import { EXCLUSION_REASONS, type ExclusionReason, type RejectedLine } from './types';

/*
 * The rate engine's state: merging two engines, the JSON form and its restoring, and loading sums
 * read from elsewhere (SQL rows). Kept out of the RateEngine class so that a bundle of
 * measureOnlineRates, which needs none of it, drops it (a class's methods are kept together).
 */

/** Adds another engine's sums (same policy, institutions and period). */
export function mergeEngine(engine: RateEngine, other: RateEngine): void {
  engine.seen += other.seen;
  engine.input.addSum(other.input);
  engine.outOfScope.lines += other.outOfScope.lines;
  engine.outOfScope.sum.addSum(other.outOfScope.sum);
  engine.rejected.lines += other.rejected.lines;
  engine.rejected.sum.addSum(other.rejected.sum);
  engine.rejections.push(...other.rejections);
  engine.rejections.sort((a, b) => a.index - b.index);
  mergeDates(engine, other.firstDate, other.lastDate);
  const F = other.F;
  for (let slot = 0; slot < F.length; slot++) if (F[slot] !== 0) engine.addAt(slot, F[slot]!, null);
  for (const [slot, b] of other.big) engine.big.set(slot, (engine.big.get(slot) ?? BigInt(0)) + b);
  for (const [slot, d] of other.dec) engine.addAt(slot, 0, d);
}

/** Widens the engine's span of dates seen to take in `first`…`last` (`''`: none). */
function mergeDates(engine: RateEngine, first: string, last: string): void {
  if (first === '') return;
  if (engine.firstDate === '' || first < engine.firstDate) engine.firstDate = first;
  if (last > engine.lastDate) engine.lastDate = last;
}

/** A key that two engines must share to be merged. */
export function compatibilityKey(engine: RateEngine): string {
  return stableStringify([engine.policy, engine.institutions.map((i) => [i.id, i.level, i.ownership]), engine.period ?? null]);
}

/** The engine's state as plain JSON. */
export function engineToJSON(engine: RateEngine): RateAccumulatorJSON {
  const F = engine.F;
  // keyed by institution id without a prototype: an id "__proto__" is an own key like any other (assigned to
  // a plain object, it set the prototype and vanished from the JSON)
  const measures = Object.create(null) as Record<string, Record<string, readonly [string, string, string, number, Partial<Record<ExclusionReason, readonly [number, string]>>]>>;
  engine.institutions.forEach((inst, i) => {
    if (engine.inScope[i] === 0) return;
    const per: Record<string, readonly [string, string, string, number, Partial<Record<ExclusionReason, readonly [number, string]>>]> = {};
    engine.policy.measures.forEach((pm, k) => {
      const at = (i * engine.M + k) * HOT;
      const ex0 = engine.X + (i * engine.M + k) * EXCLUDED;
      const ex: Partial<Record<ExclusionReason, readonly [number, string]>> = {};
      for (let r = 1; r < 4; r++) {
        const n = F[ex0 + 2 * r]!;
        if (n !== 0) ex[EXCLUSION_REASONS[r]!] = [n, engine.sumAt(ex0 + 2 * r + 1).toFixed()];
      }
      per[pm.id] = [engine.sumAt(at + S_PLATFORM).toFixed(), engine.sumAt(at + S_TOTAL).toFixed(), engine.sumAt(at + S_EMERGENCY).toFixed(), F[at + S_LINES]!, ex];
    });
    measures[inst.id] = per;
  });
  const zero = [0, '0'] as const;
  return {
    format: 'sunshine-procurement/rate-accumulator',
    version: 1,
    policy: engine.policy,
    institutions: engine.institutions,
    period: engine.period ?? null,
    firstIndex: engine.firstIndex,
    seen: engine.seen,
    input: engine.input.toJSON(),
    excluded: { 'institution-out-of-scope': [engine.outOfScope.lines, engine.outOfScope.sum.toJSON()], 'outside-period': zero, 'excluded-kind': zero, 'missing-insurance-code': zero },
    // values as JSON can carry them (a bigint amount made JSON.stringify throw; a Decimal or NaN came back as another value)
    rejected: { lines: engine.rejected.lines, amount: engine.rejected.sum.toJSON(), reasons: engine.rejections.map((r) => ({ ...r, value: jsonValue(r.value) })) },
    measures,
    dates: engine.firstDate === '' ? null : [engine.firstDate, engine.lastDate],
  };
}

/** Adds an exact sum into a slot. */
function putSum(engine: RateEngine, slot: number, s: ExactSum): void {
  engine.addAt(slot, s.fen, null);
  if (s.big !== null) engine.big.set(slot, (engine.big.get(slot) ?? BigInt(0)) + s.big);
  if (s.dec !== null) engine.addAt(slot, 0, s.dec);
}

/**
 * Puts the sums of the in-scope institution at index `i` and the policy's measure at index `k`
 * into this fresh engine (a JSON state restored, SQL rows read back).
 */
export function loadMeasure(engine: RateEngine, i: number, k: number, sums: LoadedMeasure): void {
  const at = (i * engine.M + k) * HOT;
  const ex0 = engine.X + (i * engine.M + k) * EXCLUDED;
  putSum(engine, at + S_PLATFORM, sums.platform);
  putSum(engine, at + S_TOTAL, sums.total);
  putSum(engine, at + S_EMERGENCY, sums.emergency);
  engine.F[at + S_LINES] = sums.lines;
  for (let r = 1; r < 4; r++) {
    const t = sums.excluded[EXCLUSION_REASONS[r]!];
    if (t === undefined) continue;
    engine.F[ex0 + 2 * r] = t[0];
    putSum(engine, ex0 + 2 * r + 1, t[1]);
  }
}

/** Puts the totals of a run into this fresh engine: lines seen, input, out of scope, rejected. */
export function loadTotals(engine: RateEngine, seen: number, input: ExactSum, outOfScope: readonly [number, ExactSum], rejected: readonly [number, ExactSum], reasons: readonly RejectedLine[]): void {
  engine.seen = seen;
  engine.input.addSum(input);
  engine.outOfScope.lines = outOfScope[0];
  engine.outOfScope.sum.addSum(outOfScope[1]);
  engine.rejected.lines = rejected[0];
  engine.rejected.sum.addSum(rejected[1]);
  engine.rejections.push(...reasons);
}

/** Restores the sums of a JSON state into this (fresh) engine. */
export function restoreEngine(engine: RateEngine, json: RateAccumulatorJSON, fn: string): void {
  const bad = (path: string, value: unknown, expected: string) => inputError(fn, path, value, expected);
  const sum = (text: unknown, path: string): ExactSum => {
    // any sum the engine can write: below 10^46, at most 30 decimals (LIMITS)
    if (readSum(text) === null) throw bad(path, text, 'an exact decimal string below 10^46 with at most 30 decimals, as toJSON writes it');
    return ExactSum.fromString(text as string);
  };
  const count = (n: unknown, path: string): number => {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw bad(path, n, 'a line count');
    return n;
  };
  const seen = count(json.seen, 'json.seen');
  const input = sum(json.input, 'json.input');
  const oos = json.excluded?.['institution-out-of-scope'];
  const outOfScope = [count(oos?.[0], 'json.excluded.institution-out-of-scope[0]'), sum(oos?.[1], 'json.excluded.institution-out-of-scope[1]')] as const;
  const rejected = [count(json.rejected?.lines, 'json.rejected.lines'), sum(json.rejected?.amount, 'json.rejected.amount')] as const;
  if (!Array.isArray(json.rejected?.reasons)) throw bad('json.rejected.reasons', json.rejected?.reasons, 'an array');
  loadTotals(engine, seen, input, outOfScope, rejected, json.rejected.reasons);
  const dates = json.dates;
  if (dates !== undefined && dates !== null) {
    if (!Array.isArray(dates) || dates.length !== 2 || !dates.every((d) => typeof d === 'string' && isCivilDate(d)) || dates[0]! > dates[1]!) {
      throw bad('json.dates', dates, 'null, or the first and last dates seen ["YYYY-MM-DD", "YYYY-MM-DD"]');
    }
    mergeDates(engine, dates[0]!, dates[1]!);
  }
  engine.institutions.forEach((inst, i) => {
    if (engine.inScope[i] === 0) return;
    const per = json.measures !== null && typeof json.measures === 'object' && Object.hasOwn(json.measures, inst.id) ? json.measures[inst.id] : undefined;
    if (per === undefined) throw bad(`json.measures.${inst.id}`, per, 'the measures of an in-scope institution');
    engine.policy.measures.forEach((pm, k) => {
      const row = per[pm.id];
      const path = `json.measures.${inst.id}.${pm.id}`;
      if (!Array.isArray(row) || row.length !== 5) throw bad(path, row, '[platform, total, emergency, lines, excluded]');
      const excluded: Partial<Record<ExclusionReason, readonly [number, ExactSum]>> = {};
      for (let r = 1; r < 4; r++) {
        const reason = EXCLUSION_REASONS[r]!;
        const t = row[4]?.[reason];
        if (t === undefined) continue;
        excluded[reason] = [count(t[0], `${path}[4].${reason}[0]`), sum(t[1], `${path}[4].${reason}[1]`)];
      }
      loadMeasure(engine, i, k, {
        platform: sum(row[0], `${path}[0]`),
        total: sum(row[1], `${path}[1]`),
        emergency: sum(row[2], `${path}[2]`),
        lines: count(row[3], `${path}[3]`),
        excluded,
      });
    });
  });
}

/** The sums of one institution and measure, read from a JSON state or SQL rows. @internal */
export interface LoadedMeasure {
  readonly platform: ExactSum;
  readonly total: ExactSum;
  readonly emergency: ExactSum;
  readonly lines: number;
  readonly excluded: Readonly<Partial<Record<ExclusionReason, readonly [number, ExactSum]>>>;
}

/** JSON with object keys sorted, so that equal data gives equal text whatever the key order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
