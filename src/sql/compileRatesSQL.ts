import { z } from 'zod';
import { parseInput } from '../_lib/parseInput';
import { PeriodSchema, type Period } from '../_lib/period';
import { PRODUCT_KINDS } from '../catalog/kinds';
import { SunshineInputError } from '../errors';
import { LEVELS, OWNERSHIPS } from '../institution/schema';
import { MEASURES } from '../policy/measures';
import { resolvePolicy } from '../policy/policies';
import type { Policy } from '../policy/schema';

/** The SQL dialects. */
export type SqlDialect = 'duckdb' | 'postgres' | 'spark';

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

/** The compiled queries. */
export interface CompiledRatesSQL {
  /** One row per in-scope institution and measure: institution_id, measure, platform_amount, total_amount, emergency_amount, included_lines. */
  readonly measures: string;
  /** One row per outcome and reason: outcome (`input`, `included`, `excluded`, `rejected`), reason, lines, amount. */
  readonly ledger: string;
  /** Σ/Σ per region, level and measure: region, level, measure, institutions, platform_amount, total_amount, emergency_amount. */
  readonly regions: string;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const OptionsSchema = z.object({
  dialect: z.enum(['duckdb', 'postgres', 'spark']),
  period: PeriodSchema.optional(),
  regionBy: z.enum(['province', 'city', 'county']).optional(),
});

/** Quotes a validated identifier for the dialect. @internal */
function quoter(dialect: SqlDialect, fn: string) {
  return (name: unknown, path: string): string => {
    const parts = typeof name === 'string' ? name.split('.') : [];
    if (parts.length === 0 || parts.length > 3 || !parts.every((p) => IDENT.test(p))) {
      throw new SunshineInputError(fn, [{ code: 'invalid-value', path, value: name, expected: 'an identifier of letters, digits and underscores (optionally schema.table), such as "purchase_lines"' }]);
    }
    return parts.map((p) => (dialect === 'spark' ? `\`${p}\`` : `"${p}"`)).join('.');
  };
}

/** A string literal from a value the library knows (an enum value or a validated date). */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly string[]) => (xs.length === 0 ? '(NULL)' : `(${xs.map(lit).join(', ')})`);

/**
 * Compiles a policy into SQL text that classifies and sums purchase lines exactly as
 * {@link measureOnlineRates} does, for DuckDB, PostgreSQL or Spark SQL: the database does the
 * scanning; the library stays pure and only returns text. Amounts stay exact decimals (no
 * floating-point column, no division); every identifier is validated and quoted; the only values
 * spliced into the text are the policy's own enum values and validated dates.
 *
 * @category SQL
 * @see jiangsu-2022 annex 1 §1(1), §2, §3
 * @param policy - a policy object or a built-in id
 * @param options - `{ dialect, linesTable?, institutionsTable?, period?, columns?, regionBy? }`
 * @returns `{ measures, ledger, regions }` SQL texts
 * @throws {SunshineInputError} for an unknown dialect or policy, an invalid identifier or a malformed period
 * @example
 * compileRatesSQL('jiangsu-2022', { dialect: 'duckdb' }).measures.includes('"purchase_lines"') //=> true
 */
export function compileRatesSQL(policy: Policy | string, options: CompileRatesSQLOptions): CompiledRatesSQL {
  const fn = 'compileRatesSQL';
  const p = resolvePolicy(policy, fn);
  const opts = parseInput(OptionsSchema, { dialect: options?.dialect, period: options?.period, regionBy: options?.regionBy }, fn, 'options');
  const q = quoter(opts.dialect, fn);
  const cols = options.columns ?? {};
  for (const key of Object.keys(cols)) {
    const known = key.startsWith('institution.') ? key.slice('institution.'.length) in DEFAULT_INSTITUTION_COLUMNS : key in DEFAULT_LINE_COLUMNS;
    if (!known) throw new SunshineInputError(fn, [{ code: 'invalid-value', path: `options.columns.${key}`, value: key, expected: `one of ${[...Object.keys(DEFAULT_LINE_COLUMNS), ...Object.keys(DEFAULT_INSTITUTION_COLUMNS).map((k) => `institution.${k}`)].join(', ')}` }]);
  }
  const L = (k: keyof typeof DEFAULT_LINE_COLUMNS) => `l.${q((cols as Record<string, string>)[k] ?? DEFAULT_LINE_COLUMNS[k], `options.columns.${k}`)}`;
  const I = (k: keyof typeof DEFAULT_INSTITUTION_COLUMNS) => `i.${q((cols as Record<string, string>)[`institution.${k}`] ?? DEFAULT_INSTITUTION_COLUMNS[k], `options.columns.institution.${k}`)}`;
  const lines = q(options.linesTable ?? 'purchase_lines', 'options.linesTable');
  const institutions = q(options.institutionsTable ?? 'institutions', 'options.institutionsTable');
  // the amount column keeps its own exact decimal type; sums of it stay exact
  const zero = '0';

  const drugKinds = Object.entries(PRODUCT_KINDS).filter(([, v]) => v.category === 'drug').map(([k]) => k);
  const consumableKinds = Object.entries(PRODUCT_KINDS).filter(([, v]) => v.category === 'consumable').map(([k]) => k);
  const excludedKinds = p.exclusions.map((e) => e.kind);
  const codeFor = p.insuranceCode.requiredFor;
  const blankCode = `(${L('insurance_code')} IS NULL OR TRIM(${L('insurance_code')}) = '')`;
  const codeRule =
    codeFor.length === 0 ? 'FALSE' : codeFor.length === 2 ? blankCode : `(${L('category')} = ${lit(codeFor[0]!)} AND ${blankCode})`;
  const periodRule = opts.period === undefined ? 'FALSE' : `(${L('received_on')} < DATE ${lit(opts.period.from)} OR ${L('received_on')} > DATE ${lit(opts.period.to)})`;
  const validInstitution = `${I('level')} IN ${list(LEVELS)} AND ${I('ownership')} IN ${list(OWNERSHIPS)}`;
  const inScope = `${I('ownership')} IN ${list(p.scope.ownership)} AND ${I('level')} IN ${list(p.scope.levels)}`;

  // one reason per line, the first that applies, in the order of measureOnlineRates
  const reason = `CASE
      WHEN ${L('institution_id')} IS NULL OR ${L('institution_id')} = '' THEN 'invalid:institutionId'
      WHEN ${L('received_on')} IS NULL THEN 'invalid:receivedOn'
      WHEN ${L('category')} IS NULL OR ${L('category')} NOT IN ('drug', 'consumable') THEN 'invalid:category'
      WHEN ${L('kind')} IS NOT NULL AND NOT ((${L('category')} = 'drug' AND ${L('kind')} IN ${list(drugKinds)}) OR (${L('category')} = 'consumable' AND ${L('kind')} IN ${list(consumableKinds)})) THEN 'invalid:kind'
      WHEN ${L('category')} = 'drug' AND ${L('high_value')} = TRUE THEN 'invalid:highValue'
      WHEN ${L('channel')} IS NULL OR ${L('channel')} NOT IN ('platform', 'emergency', 'offline') THEN 'invalid:channel'
      WHEN ${L('amount')} IS NULL THEN 'invalid:amount'
      WHEN ${I('id')} IS NULL OR NOT (${validInstitution}) THEN 'unknown-institution'
      WHEN NOT (${inScope}) THEN 'institution-out-of-scope'
      WHEN ${periodRule} THEN 'outside-period'
      WHEN ${L('kind')} IN ${list(excludedKinds)} THEN 'excluded-kind'
      WHEN ${codeRule} THEN 'missing-insurance-code'
      ELSE NULL
    END`;
  const classified = `classified AS (
  SELECT
    ${L('institution_id')} AS institution_id,
    ${L('category')} AS category,
    COALESCE(${L('high_value')}, FALSE) AS high_value,
    ${L('channel')} AS channel,
    ${L('amount')} AS amount,
    ${reason} AS reason
  FROM ${lines} l
  LEFT JOIN ${institutions} i ON ${I('id')} = ${L('institution_id')}
)`;
  const outcome = `CASE WHEN reason IS NULL THEN 'included' WHEN reason LIKE 'invalid:%' OR reason = 'unknown-institution' THEN 'rejected' ELSE 'excluded' END`;

  const measureRows = p.measures.map((m) => `SELECT ${lit(m.id)} AS measure`).join(' UNION ALL ');
  const feeds = p.measures
    .map((m) => {
      const def = MEASURES[m.id];
      return `(mm.measure = ${lit(m.id)} AND c.category = ${lit(def.category)}${def.highValueOnly ? ' AND c.high_value = TRUE' : ''})`;
    })
    .join(' OR ');
  const measures = `WITH ${classified},
scope AS (
  SELECT ${I('id')} AS institution_id, ${I('level')} AS level, ${I('province')} AS province, ${I('city')} AS city, ${I('county')} AS county
  FROM ${institutions} i
  WHERE ${validInstitution} AND ${inScope}
),
policy_measures AS (${measureRows})
SELECT
  s.institution_id,
  mm.measure,
  COALESCE(SUM(CASE WHEN c.channel = 'platform' THEN c.amount END), ${zero}) AS platform_amount,
  COALESCE(SUM(c.amount), ${zero}) AS total_amount,
  COALESCE(SUM(CASE WHEN c.channel = 'emergency' THEN c.amount END), ${zero}) AS emergency_amount,
  COUNT(c.amount) AS included_lines
FROM scope s
CROSS JOIN policy_measures mm
LEFT JOIN classified c ON c.institution_id = s.institution_id AND c.reason IS NULL AND (${feeds})
GROUP BY s.institution_id, mm.measure
ORDER BY s.institution_id, mm.measure`;

  const ledger = `WITH ${classified}
SELECT 'input' AS outcome, CAST(NULL AS VARCHAR(40)) AS reason, COUNT(*) AS lines, COALESCE(SUM(amount), ${zero}) AS amount FROM classified
UNION ALL
SELECT ${outcome} AS outcome, reason, COUNT(*) AS lines, COALESCE(SUM(amount), ${zero}) AS amount FROM classified GROUP BY ${outcome}, reason`;

  const by = opts.regionBy ?? 'city';
  const regionExpr = by === 'province' ? 's.province' : by === 'city' ? `CONCAT(COALESCE(s.province, ''), '/', COALESCE(s.city, ''))` : `CONCAT(COALESCE(s.province, ''), '/', COALESCE(s.city, ''), '/', COALESCE(s.county, ''))`;
  const regions = `WITH m AS (
${measures.replace(/\nORDER BY s\.institution_id, mm\.measure$/, '')}
),
s AS (SELECT ${I('id')} AS institution_id, ${I('level')} AS level, ${I('province')} AS province, ${I('city')} AS city, ${I('county')} AS county FROM ${institutions} i)
SELECT ${regionExpr} AS region, s.level, m.measure, COUNT(*) AS institutions,
  SUM(m.platform_amount) AS platform_amount, SUM(m.total_amount) AS total_amount, SUM(m.emergency_amount) AS emergency_amount
FROM m JOIN s ON s.institution_id = m.institution_id
GROUP BY ${regionExpr}, s.level, m.measure
ORDER BY 1, 2, 3`;
  return { measures, ledger, regions };
}
