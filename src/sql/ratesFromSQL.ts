import { strictKeys } from '../_lib/options';
import type { InstitutionInput } from '../institution/schema';
import type { PolicyId } from '../policy/policies';
import type { Period } from '../_lib/period';
import { ExactSum } from '../_lib/exactSum';
import { type InputIssue, inputError } from '../errors';
import type { Policy } from '../policy/schema';
import { lineClassification } from '../rate/classification';
import { RateEngine, type MeasureOnlineRatesResult } from '../rate/engine';
import { loadMeasure, loadTotals, type LoadedMeasure } from '../rate/engineState';
import { nothingCountedWarnings } from '../rate/nothingCounted';
import { EXCLUSION_REASONS, type ExclusionReason, type LineTally, type RejectionKey } from '../rate/types';
import { MEASURE_EXCLUSIONS, SQL_COLUMNS, exclusionColumn } from './columns';
import { SQL_AMOUNT_EXPECTED, SQL_COUNT_EXPECTED, readSqlAmount, readSqlCount } from './readValues';

/** The rows that the `measures` and `ledger` queries of {@link compileRatesSQL} returned. */
export interface RatesFromSQLInput {
  /** The rows of the `measures` query: arrays in its column order, or objects keyed by column name. */
  readonly measures: Iterable<unknown>;
  /** The rows of the `ledger` query, likewise. */
  readonly ledger: Iterable<unknown>;
}

/** Options of {@link ratesFromSQL}: those the queries were compiled and run with. */
export interface RatesFromSQLOptions {
  /** The policy the queries were compiled from: a policy object or a built-in id. */
  readonly policy: PolicyId | Policy;
  /** The institutions of the institutions table (their names and regions fill the measures). */
  readonly institutions: readonly InstitutionInput[];
  /** The period the queries were compiled with, if any. */
  readonly period?: Period | undefined;
}

const FN = 'ratesFromSQL';
const OUTCOMES = ['input', 'included', 'excluded', 'rejected'] as const;
type Outcome = (typeof OUTCOMES)[number];

/** Reads one result set: each row as a function from column to cell, or a SunshineInputError. */
function readRows(rows: unknown, name: 'measures' | 'ledger'): ((column: string) => unknown)[] {
  const path = `result.${name}`;
  // a number or a plain object has no iterator; a string has one but is not rows
  if (rows === null || rows === undefined || typeof rows === 'string' || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw inputError(FN, path, rows, `the rows of the compiled ${name} query (an array)`, 'invalid-type');
  }
  const columns: readonly string[] = SQL_COLUMNS[name];
  const out: ((column: string) => unknown)[] = [];
  let r = 0;
  for (const row of rows as Iterable<unknown>) {
    const at = `${path}[${r}]`;
    if (Array.isArray(row)) {
      const cells = row as readonly unknown[];
      out.push((column) => {
        const k = columns.indexOf(column);
        if (k >= cells.length) throw inputError(FN, `${at}.${column}`, undefined, `a value in column ${k + 1} (${column}) of ${columns.length}: ${columns.join(', ')}`, 'missing');
        return cells[k];
      });
    } else if (row !== null && typeof row === 'object') {
      const cells = row as Record<string, unknown>;
      out.push((column) => {
        if (!Object.hasOwn(cells, column)) throw inputError(FN, `${at}.${column}`, undefined, `a column "${column}" (the ${name} query returns ${columns.join(', ')})`, 'missing');
        return cells[column];
      });
    } else {
      throw inputError(FN, at, row, 'a row: an array in column order or an object keyed by column name', 'invalid-type');
    }
    r++;
  }
  return out;
}

/**
 * Reads the rows of the queries of {@link compileRatesSQL} back into exactly the types that
 * {@link measureOnlineRates} returns: `{ measures, ledger, warnings }`, each measure with its
 * rate, status, warnings, exclusions by reason and citation, so that {@link checkTargets},
 * {@link aggregateRates}, {@link comparePeers} and {@link renderBulletin} take it as they take the
 * engine's. The measures are built by the engine's own code from the database's exact sums.
 *
 * A database returns counts, not line indexes: the ledger's `rejected.reasons` is empty and
 * `rejected.byReason` counts the rejected lines and their amount by reason (`'invalid:amount'`,
 * `'unknown-institution'`…). Rows may be arrays in column order or objects keyed by column name;
 * amounts may be strings, safe integers, bigints or a driver's decimal values (DuckDB's
 * `DuckDBDecimalValue`, the strings of `pg` and `mysql2`), never fractional numbers.
 *
 * @category SQL
 * @see jiangsu-2022 annex 1 §1(1)
 * @param result - `{ measures, ledger }`: the rows the two compiled queries returned
 * @param options - `{ policy, institutions, period? }`, those the queries were compiled and run with
 * @returns `{ measures, ledger, warnings }`, as {@link measureOnlineRates}
 * @throws {SunshineInputError} naming the row, the column and the value: a missing column, an
 *   amount that is not an exact decimal (or not 0 beside a count of 0 lines), an institution not
 *   in `institutions` or out of the policy's scope, an unknown measure, outcome or reason, a
 *   repeated or missing row, or a ledger that does not agree with the measures
 * @example
 * const { measures } = ratesFromSQL(
 *   {
 *     measures: [['H1', 'drug', '850.00', '1000.00', '0.00', 2, 0, '0', 0, '0', 0, '0'], ['H1', 'consumable', '0', '0', '0', 0, 0, '0', 0, '0', 0, '0']],
 *     ledger: [['input', null, 2, '1000.00'], ['included', null, 2, '1000.00']],
 *   },
 *   { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] },
 * );
 * measures[0].rate?.toFixed(2) //=> '0.85'
 */
export function ratesFromSQL(result: RatesFromSQLInput, options: RatesFromSQLOptions): MeasureOnlineRatesResult {
  strictKeys(options, ['policy', 'institutions', 'period'], FN);
  const engine = new RateEngine(
    typeof options === 'object' && options !== null ? { policy: options.policy, institutions: options.institutions, period: options.period } : (options as never),
    FN,
  );
  if (typeof result !== 'object' || result === null) {
    throw inputError(FN, 'result', result, '{ measures, ledger }: the rows of the compiled measures and ledger queries', 'invalid-type');
  }
  const policy = engine.policy;
  const classification = lineClassification(policy, engine.period);
  const issue = (code: InputIssue['code'], path: string, value: unknown, expected: string) => inputError(FN, path, value, expected, code);
  const text = (cell: (c: string) => unknown, column: string, at: string): string => {
    const v = cell(column);
    if (typeof v !== 'string') throw issue('invalid-value', `${at}.${column}`, v, 'a text');
    return v;
  };
  /** An amount; the sum of the lines counted in `of` = [its column, the count], so 0 when there are none. */
  const amount = (cell: (c: string) => unknown, column: string, at: string, of: readonly [string, number]): ExactSum => {
    const v = cell(column);
    const s = readSqlAmount(v);
    if (s === null) throw issue('invalid-amount', `${at}.${column}`, v, SQL_AMOUNT_EXPECTED);
    if (of[1] === 0 && !s.toDecimal().isZero()) throw issue('invalid-value', `${at}.${column}`, v, `0: the sum of no lines (${of[0]} is 0)`);
    return s;
  };
  const count = (cell: (c: string) => unknown, column: string, at: string): number => {
    const v = cell(column);
    const n = readSqlCount(v);
    if (n === null) throw issue('invalid-value', `${at}.${column}`, v, SQL_COUNT_EXPECTED);
    return n;
  };

  // the measures: one row per in-scope institution and policy measure
  const measureIds = policy.measures.map((m) => m.id as string);
  const loaded = new Map<string, LoadedMeasure>();
  readRows(result.measures, 'measures').forEach((cell, r) => {
    const at = `result.measures[${r}]`;
    const id = text(cell, 'institution_id', at);
    const i = engine.institutionIndex(id);
    if (i < 0) throw issue('unknown-id', `${at}.institution_id`, id, 'the id of one of options.institutions (the queries ran on another institutions table?)');
    if (!engine.isInScope(i)) throw issue('invalid-value', `${at}.institution_id`, id, `an institution in the scope of ${policy.id} (the queries were compiled from another policy?)`);
    const measure = text(cell, 'measure', at);
    const k = measureIds.indexOf(measure);
    if (k < 0) throw issue('invalid-value', `${at}.measure`, measure, `one of the measures of ${policy.id}: ${measureIds.map((m) => `"${m}"`).join(', ')}`);
    const key = `${i}/${k}`;
    if (loaded.has(key)) throw issue('duplicate', at, `${id} ${measure}`, 'one row per institution and measure (is institutions.id unique?)');
    const lines = count(cell, 'included_lines', at);
    const included = ['included_lines', lines] as const;
    const platform = amount(cell, 'platform_amount', at, included);
    const total = amount(cell, 'total_amount', at, included);
    const emergency = amount(cell, 'emergency_amount', at, included);
    const excluded: Partial<Record<ExclusionReason, readonly [number, ExactSum]>> = {};
    for (const reason of MEASURE_EXCLUSIONS) {
      const column = exclusionColumn(reason, 'lines');
      const n = count(cell, column, at);
      excluded[reason] = [n, amount(cell, exclusionColumn(reason, 'amount'), at, [column, n])];
    }
    const sums: LoadedMeasure = { platform, total, emergency, lines, excluded };
    loaded.set(key, sums);
    loadMeasure(engine, i, k, sums);
  });
  engine.institutions.forEach((inst, i) => {
    if (!engine.isInScope(i)) return;
    measureIds.forEach((m, k) => {
      if (!loaded.has(`${i}/${k}`)) {
        throw issue('missing', 'result.measures', `${inst.id} ${m}`, 'a row for every in-scope institution of options.institutions and every measure of the policy (the queries ran on another institutions table?)');
      }
    });
  });

  // the ledger: one row per outcome and reason
  const exclusionKeys = new Set<string>(EXCLUSION_REASONS);
  const rejectionKeys = new Set<string>(classification.steps.filter((s) => s.outcome === 'rejected').map((s) => s.key));
  const tallies = new Map<string, { row: number; lines: number; sum: ExactSum }>();
  readRows(result.ledger, 'ledger').forEach((cell, r) => {
    const at = `result.ledger[${r}]`;
    const outcome = text(cell, 'outcome', at);
    if (!(OUTCOMES as readonly string[]).includes(outcome)) throw issue('invalid-value', `${at}.outcome`, outcome, `one of ${OUTCOMES.map((o) => `"${o}"`).join(', ')}`);
    const reason = cell('reason');
    const o = outcome as Outcome;
    if (o === 'input' || o === 'included') {
      if (reason !== null && reason !== undefined) throw issue('invalid-value', `${at}.reason`, reason, `null for the ${o} row`);
    } else {
      const known = o === 'excluded' ? exclusionKeys : rejectionKeys;
      if (!known.has(reason as string)) throw issue('invalid-value', `${at}.reason`, reason, `one of ${[...known].map((k) => `"${k}"`).join(', ')}`);
    }
    const key = `${o}/${typeof reason === 'string' ? reason : ''}`;
    if (tallies.has(key)) throw issue('duplicate', at, key, 'one row per outcome and reason');
    const lines = count(cell, 'lines', at);
    tallies.set(key, { row: r, lines, sum: amount(cell, 'amount', at, ['lines', lines]) });
  });
  const input = tallies.get('input/');
  if (input === undefined) throw issue('missing', 'result.ledger', undefined, 'an "input" row (the rows of the compiled ledger query)');
  const outOfScope = tallies.get('excluded/institution-out-of-scope');
  const rejectedLines = [...tallies].filter(([k]) => k.startsWith('rejected/'));
  const rejectedSum = new ExactSum();
  let rejected = 0;
  const byReason: Partial<Record<RejectionKey, LineTally>> = {};
  for (const [k, t] of rejectedLines) {
    rejected += t.lines;
    rejectedSum.addSum(t.sum);
    byReason[k.slice('rejected/'.length) as RejectionKey] = { lines: t.lines, amount: t.sum.toDecimal() };
  }
  loadTotals(engine, input.lines, input.sum, [outOfScope?.lines ?? 0, outOfScope?.sum ?? new ExactSum()], [rejected, rejectedSum], []);
  const out = engine.result();

  // the ledger's included and excluded lines must be those of the measures: the same run
  const agree = (key: string, tally: LineTally) => {
    const t = tallies.get(key);
    const lines = t?.lines ?? 0;
    const sum = (t?.sum ?? new ExactSum()).toDecimal();
    if (lines !== tally.lines || !sum.equals(tally.amount)) {
      throw issue(
        'invalid-value',
        t === undefined ? 'result.ledger' : `result.ledger[${t.row}]`,
        `${key.replace(/\/$/, '')}: ${lines} lines, ${sum.toFixed()}`,
        `${tally.lines} lines, ${tally.amount.toFixed()}, as the measures rows give (were both queries run on the same data, policy and period?)`,
      );
    }
  };
  agree('included/', out.ledger.included);
  for (const reason of MEASURE_EXCLUSIONS) agree(`excluded/${reason}`, out.ledger.excluded.byReason[reason]);
  const ledger = { ...out.ledger, rejected: { ...out.ledger.rejected, byReason } };
  // the warnings of a run in which nothing counts, from the database's counts by reason (no dates: the queries return none)
  return { ...out, ledger, warnings: [...engine.validityWarnings(), ...nothingCountedWarnings(ledger, engine.period, null)] };
}
