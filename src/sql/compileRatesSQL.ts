import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import { readPeriod, type Period } from '../_lib/period';
import { object, oneOf, optional, readOrThrow } from '../_lib/read';
import { inputError } from '../errors';
import { resolvePolicy } from '../policy/policies';
import type { Policy } from '../policy/schema';
import { lineClassification } from '../rate/classification';
import { DIALECT_TEXT, SQL_DIALECTS, type SqlDialect } from './dialects';
import { buildRatesSQL, type CompiledRatesSQL } from './queries';
import { pure } from '../_lib/pure';

export type { SqlDialect } from './dialects';
export type { CompiledRatesSQL } from './queries';

/** Line and institution columns, as {@link compileRatesSQL} expects them by default. */
export const DEFAULT_LINE_COLUMNS = {
  institution_id: 'institution_id',
  received_on: 'received_on',
  category: 'category',
  kind: 'kind',
  high_value: 'high_value',
  insurance_code: 'insurance_code',
  channel: 'channel',
  amount: 'amount',
} as const;
export const DEFAULT_INSTITUTION_COLUMNS = { id: 'id', level: 'level', ownership: 'ownership', province: 'province', city: 'city', county: 'county' } as const;

/** Options of {@link compileRatesSQL}. */
export interface CompileRatesSQLOptions {
  /** `'duckdb'`, `'postgres'`, `'spark'` or `'mysql'` (MySQL 8, MariaDB 10.5+ and the engines that speak their dialect). */
  readonly dialect: SqlDialect;
  /** The lines table, optionally schema-qualified (`warehouse.purchase_lines`); `purchase_lines` by default. */
  readonly linesTable?: string | undefined;
  /** The institutions table; `institutions` by default. */
  readonly institutionsTable?: string | undefined;
  /** Count only lines received in `{ from, to }`, both included. */
  readonly period?: Period | undefined;
  /** Other column names: keys are the default names above. */
  readonly columns?: Readonly<Partial<Record<keyof typeof DEFAULT_LINE_COLUMNS | `institution.${keyof typeof DEFAULT_INSTITUTION_COLUMNS}`, string>>> | undefined;
  /** The region level of the `regions` query; `'city'` by default. */
  readonly regionBy?: 'province' | 'city' | 'county' | undefined;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** The options, read as a zod object of these fields would read them, without zod (../_lib/read.ts). */
const readOptions = /* @__PURE__ */ pure(() => object({ dialect: oneOf(SQL_DIALECTS), period: optional(readPeriod), regionBy: optional(oneOf(['province', 'city', 'county'] as const)) }));

/**
 * Compiles a policy into SQL text that classifies and sums purchase lines exactly as
 * {@link measureOnlineRates} does, for DuckDB, PostgreSQL, Spark SQL or the MySQL family: the
 * database does the scanning; the library stays pure and only returns text. Read the rows back
 * into the engine's types with {@link ratesFromSQL}.
 *
 * Each line is read once and grouped by the values its classification reads; each group gets
 * its one reason from a `CASE` written from the same classification as the JavaScript engine's;
 * sums by institution, measure, channel and reason come before the in-scope institutions are
 * joined, on equality (no nested-loop join). Amounts stay exact decimals (no floating-point
 * column, no division); every identifier is validated and quoted; the only values spliced into
 * the text are the policy's own enum values and validated dates.
 *
 * @category SQL
 * @see jiangsu-2022 annex 1 §1(1), §2, §3
 * @param policy - a policy object or a built-in id
 * @param options - `{ dialect, linesTable?, institutionsTable?, period?, columns?, regionBy? }`
 * @returns `{ measures, ledger, regions }` SQL texts (their columns are listed on {@link CompiledRatesSQL})
 * @throws {SunshineInputError} for an unknown dialect or policy, an invalid identifier or a malformed period
 * @example
 * compileRatesSQL('jiangsu-2022', { dialect: 'duckdb' }).measures.includes('"purchase_lines"') //=> true
 */
export function compileRatesSQL(policy: PolicyId | Policy, options: CompileRatesSQLOptions): CompiledRatesSQL {
  const fn = 'compileRatesSQL';
  const p = resolvePolicy(policy, fn);
  if (typeof options !== 'object' || options === null) {
    throw inputError(fn, 'options', options, `an options object { dialect } with dialect one of ${SQL_DIALECTS.map((s) => `"${s}"`).join(', ')}`, 'missing');
  }
  strictKeys(options, ['dialect', 'linesTable', 'institutionsTable', 'period', 'columns', 'regionBy'], fn);
  const opts = readOrThrow(readOptions, { dialect: options.dialect, period: options.period, regionBy: options.regionBy }, fn, 'options');
  const quote = DIALECT_TEXT[opts.dialect].quote;
  const q = (name: unknown, path: string): string => {
    const parts = typeof name === 'string' ? name.split('.') : [];
    if (parts.length === 0 || parts.length > 3 || !parts.every((part) => IDENT.test(part))) {
      throw inputError(fn, path, name, 'an identifier of letters, digits and underscores (optionally schema.table), such as "purchase_lines"');
    }
    return parts.map(quote).join('.');
  };
  const cols = (options.columns ?? {}) as Record<string, string>;
  strictKeys(cols, [...Object.keys(DEFAULT_LINE_COLUMNS), ...Object.keys(DEFAULT_INSTITUTION_COLUMNS).map((k) => `institution.${k}`)], fn, 'options.columns');
  const lineCols = Object.fromEntries(Object.keys(DEFAULT_LINE_COLUMNS).map((k) => [k, `l.${q(cols[k] ?? k, `options.columns.${k}`)}`])) as Record<keyof typeof DEFAULT_LINE_COLUMNS, string>;
  const instCols = Object.fromEntries(Object.keys(DEFAULT_INSTITUTION_COLUMNS).map((k) => [k, `i.${q(cols[`institution.${k}`] ?? k, `options.columns.institution.${k}`)}`])) as Record<keyof typeof DEFAULT_INSTITUTION_COLUMNS, string>;
  return buildRatesSQL(
    lineClassification(p, opts.period),
    opts.dialect,
    {
      lines: q(options.linesTable ?? 'purchase_lines', 'options.linesTable'),
      institutions: q(options.institutionsTable ?? 'institutions', 'options.institutionsTable'),
      line: (k) => lineCols[k],
      institution: (k) => instCols[k],
    },
    opts.regionBy ?? 'city',
  );
}
