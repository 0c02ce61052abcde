import { LEVELS, OWNERSHIPS } from '../institution/schema';
import { stepOf, type ClassificationStep, type LineClassification, type MeasureFeed } from '../rate/classification';
import { MEASURE_EXCLUSIONS, SQL_COLUMNS, exclusionColumn } from './columns';
import { DIALECT_TEXT, type SqlDialect } from './dialects';

/** The compiled queries. */
export interface CompiledRatesSQL {
  /**
   * One row per in-scope institution and policy measure, in this column order: `institution_id`,
   * `measure`, `platform_amount`, `total_amount`, `emergency_amount`, `included_lines`, then the
   * lines and amount excluded for each reason (`outside_period_lines`, `outside_period_amount`,
   * `excluded_kind_lines`, `excluded_kind_amount`, `missing_insurance_code_lines`,
   * `missing_insurance_code_amount`). Amounts are exact decimals; counts are integers.
   */
  readonly measures: string;
  /**
   * One row per outcome and reason: `outcome` (`'input'`, `'included'`, `'excluded'`,
   * `'rejected'`), `reason` (null for input and included; an exclusion reason; `'invalid:<field>'`
   * or `'unknown-institution'` for rejected lines), `lines`, `amount`. A database returns counts,
   * not the indexes of rejected lines.
   */
  readonly ledger: string;
  /**
   * Σ/Σ per region, level and measure (levels never mixed): `region`, `level`, `measure`,
   * `institutions`, `platform_amount`, `total_amount`, `emergency_amount`, `included_lines`.
   */
  readonly regions: string;
}

/** Quoted names of the tables and columns. @internal */
export interface SqlNames {
  readonly lines: string;
  readonly institutions: string;
  /** A line column, qualified with the alias `l`. */
  readonly line: (key: 'institution_id' | 'received_on' | 'category' | 'kind' | 'high_value' | 'insurance_code' | 'channel' | 'amount') => string;
  /** An institution column, qualified with the alias `i`. */
  readonly institution: (key: 'id' | 'level' | 'ownership' | 'province' | 'city' | 'county') => string;
}

/** A string literal from a value the library knows (an enum value or a validated date). */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly string[]) => `(${xs.map(lit).join(', ')})`;
const yearStart = (year: number, end: boolean) => `${String(year).padStart(4, '0')}-${end ? '12-31' : '01-01'}`;

/**
 * The SQL text of the three queries, built by walking the classification's steps.
 *
 * Shape (the same in every dialect): `line_groups` reads each line once and groups the lines by
 * the values their classification reads (institution, category, kind, high value, channel, the
 * state of the date, whether the code is blank, whether the amount is missing), with their
 * count and exact sum; `classified` gives each group its one reason with the `CASE` below, after
 * an equality join with the institutions; `per_institution` sums by institution, measure,
 * channel and reason (as columns); only then are the in-scope institutions and measures joined
 * to it, on equality. No join has an `OR` in its condition and none needs a nested loop.
 * @internal
 */
export function buildRatesSQL(c: LineClassification, dialect: SqlDialect, n: SqlNames, regionBy: 'province' | 'city' | 'county'): CompiledRatesSQL {
  const d = DIALECT_TEXT[dialect];
  const x = d.exact;
  // the result columns' names, quoted: some are reserved words somewhere (LINES in MySQL)
  const o = d.quote;
  const L = n.line;
  const I = n.institution;

  // 1. every line once, grouped by what its classification reads
  const dateStep = stepOf(c, 'invalid:receivedOn');
  const period = stepOf(c, 'outside-period').period;
  const codeFor = stepOf(c, 'missing-insurance-code').categories;
  const on = L('received_on');
  const code = L('insurance_code');
  const kindStep = stepOf(c, 'invalid:kind');
  const excludedKinds = stepOf(c, 'excluded-kind').kinds;
  const kindsOf = new Map<string, string[]>();
  for (const [kind, category] of Object.entries(kindStep.categoryOf)) kindsOf.set(category, [...(kindsOf.get(category) ?? []), kind]);
  const lineKind = x(L('kind'));
  const lineCategory = x(L('category'));
  // null: no kind; 'invalid': not a kind of the line's category; 'excluded': one the policy excludes; 'kept': any other
  const kindClass = `CASE WHEN ${L('kind')} IS NULL THEN NULL WHEN NOT (${[...kindsOf].map(([cat, kinds]) => `(${lineCategory} = ${lit(cat)} AND ${lineKind} IN ${list(kinds)})`).join(' OR ')}) THEN 'invalid'${excludedKinds.length === 0 ? '' : ` WHEN ${lineKind} IN ${list(excludedKinds)} THEN 'excluded'`} ELSE 'kept' END`;
  const keys: [string, string][] = [
    ['institution_id', x(L('institution_id'))],
    ['received_on_invalid', `(${on} IS NULL OR ${on} < ${d.date(yearStart(dateStep.minYear, false))} OR ${on} > ${d.date(yearStart(dateStep.maxYear, true))})`],
    ['category', x(L('category'))],
    // the kind as its class, not its value: what the steps read of it (measured: grouping by the kind itself made a
    // tenth more groups per institution, and the query up to 1.5 times a hand-written GROUP BY; issue 28)
    ['kind', kindClass],
    ['high_value', L('high_value')],
    ['channel', x(L('channel'))],
    ['amount_missing', `${L('amount')} IS NULL`],
  ];
  if (period !== null) keys.push(['outside_period', `(${on} < ${d.date(period.from)} OR ${on} > ${d.date(period.to)})`]);
  // blank: null, empty or spaces only; TRIM only for the rare code that begins with a space (measured: TRIM on every line cost a fifth of the query)
  if (codeFor.length > 0) keys.push(['code_blank', `CASE WHEN ${code} IS NULL OR ${code} = '' THEN TRUE WHEN ${code} LIKE ' %' THEN TRIM(${code}) = '' ELSE FALSE END`]);
  const lineGroups = `line_groups AS (
  -- each line read once, grouped by the values that its classification reads
  SELECT ${keys.map(([k]) => `r.${k}`).join(', ')}, COUNT(*) AS line_count, SUM(r.amount) AS amount
  FROM (
    SELECT
      ${keys.map(([k, e]) => `${e} AS ${k}`).join(',\n      ')},
      ${L('amount')} AS amount
    FROM ${n.lines} l
  ) r
  GROUP BY ${keys.map(([k]) => `r.${k}`).join(', ')}
)`;

  // 2. one reason per group of lines, the first step that applies
  const scope = stepOf(c, 'institution-out-of-scope');
  const inScope = `${x(I('ownership'))} IN ${list(scope.ownership)} AND ${x(I('level'))} IN ${list(scope.levels)}`;
  const when = (step: ClassificationStep): string | null => {
    switch (step.key) {
      case 'invalid:institutionId':
        return `g.institution_id IS NULL OR ${d.isEmpty('g.institution_id')}`;
      case 'invalid:receivedOn':
        return 'g.received_on_invalid';
      case 'invalid:category':
        return `g.category IS NULL OR NOT (g.category IN ${list(step.values)})`;
      case 'invalid:kind':
        return `g.kind = 'invalid'`;
      case 'invalid:highValue':
        return `g.high_value = TRUE AND NOT (g.category IN ${list(step.categories)})`;
      case 'invalid:insuranceCode':
        return null; // a text column always holds a text
      case 'invalid:channel':
        return `g.channel IS NULL OR NOT (g.channel IN ${list(step.values)})`;
      case 'invalid:amount':
        return 'g.amount_missing';
      case 'unknown-institution':
        return `${I('id')} IS NULL OR ${I('level')} IS NULL OR ${I('ownership')} IS NULL OR NOT (${x(I('level'))} IN ${list(LEVELS)} AND ${x(I('ownership'))} IN ${list(OWNERSHIPS)})`;
      case 'institution-out-of-scope':
        return `NOT (${inScope})`;
      case 'outside-period':
        return step.period === null ? null : 'g.outside_period';
      case 'excluded-kind':
        return step.kinds.length === 0 ? null : `g.kind = 'excluded'`;
      case 'missing-insurance-code':
        return step.categories.length === 0 ? null : step.categories.length === 2 ? 'g.code_blank' : `g.code_blank AND g.category IN ${list(step.categories)}`;
    }
  };
  const whens = c.steps.flatMap((step) => {
    const test = when(step);
    return test === null ? [] : [`WHEN ${test} THEN ${lit(step.key)}`];
  });
  const classified = `classified AS (
  -- one reason per group, the first that applies (null: included)
  SELECT ${x(I('id'))} AS institution_key, g.category, g.high_value, g.channel, g.line_count, g.amount,
    CASE
      ${whens.join('\n      ')}
    END AS reason
  FROM line_groups g
  LEFT JOIN ${n.institutions} i ON ${x(I('id'))} = g.institution_id${d.fence}
)`;
  const shared = `WITH ${lineGroups},\n${classified}`;

  // 3. sums by institution, measure, channel and reason, before the in-scope institutions are joined
  const feedTest = (f: MeasureFeed) => `c.category = ${lit(f.category)}${f.highValueOnly ? ' AND c.high_value = TRUE' : ''}`;
  const sums = c.feeds.flatMap((f, k) => {
    const feed = feedTest(f);
    return [
      `SUM(CASE WHEN c.reason IS NULL AND ${feed} AND c.channel = 'platform' THEN c.amount END) AS m${k}_platform_amount`,
      `SUM(CASE WHEN c.reason IS NULL AND ${feed} THEN c.amount END) AS m${k}_total_amount`,
      `SUM(CASE WHEN c.reason IS NULL AND ${feed} AND c.channel = 'emergency' THEN c.amount END) AS m${k}_emergency_amount`,
      `SUM(CASE WHEN c.reason IS NULL AND ${feed} THEN c.line_count END) AS m${k}_included_lines`,
      ...MEASURE_EXCLUSIONS.flatMap((r) => [
        `SUM(CASE WHEN c.reason = ${lit(r)} AND ${feed} THEN c.line_count END) AS m${k}_${exclusionColumn(r, 'lines')}`,
        `SUM(CASE WHEN c.reason = ${lit(r)} AND ${feed} THEN c.amount END) AS m${k}_${exclusionColumn(r, 'amount')}`,
      ]),
    ];
  });
  const perInstitution = `per_institution AS (
  -- by institution, measure (the columns' feed), channel and reason
  SELECT c.institution_key,
    ${sums.join(',\n    ')}
  FROM classified c
  WHERE c.reason IS NULL OR c.reason IN ${list(MEASURE_EXCLUSIONS)}
  GROUP BY c.institution_key
)`;
  const inScopeRows = c.feeds
    .map((f) => `  SELECT ${I('id')} AS institution_id, ${lit(f.id)} AS measure, ${I('level')} AS level, ${I('province')} AS province, ${I('city')} AS city, ${I('county')} AS county
  FROM ${n.institutions} i
  WHERE ${I('id')} IS NOT NULL AND ${inScope}`)
    .join('\n  UNION ALL\n');
  const pick = (column: string) => {
    const cases = c.feeds.map((f, k) => `WHEN ${lit(f.id)} THEN p.m${k}_${column}`).join(' ');
    return `COALESCE(CASE s.measure ${cases} END, 0) AS ${column}`;
  };
  const valueColumns = SQL_COLUMNS.measures.slice(2);
  const measureRows = `in_scope AS (
${inScopeRows}
),
measure_rows AS (
  SELECT s.institution_id, s.measure, s.level, s.province, s.city, s.county,
    ${valueColumns.map((col) => pick(col)).join(',\n    ')}
  FROM in_scope s
  LEFT JOIN per_institution p ON p.institution_key = ${x('s.institution_id')}
)`;
  const measures = `${shared},
${perInstitution},
${measureRows}
SELECT ${['institution_id', 'measure', ...valueColumns].map((col) => `m.${col} AS ${o(col)}`).join(', ')}
FROM measure_rows m
ORDER BY m.institution_id, m.measure`;

  // 4. the ledger from the same classification
  const rejected = c.steps.filter((s) => s.outcome === 'rejected').map((s) => s.key);
  const ledger = `${shared},
by_reason AS (
  SELECT c.reason, SUM(c.line_count) AS line_count, SUM(c.amount) AS amount FROM classified c GROUP BY c.reason
)
SELECT 'input' AS ${o('outcome')}, CAST(NULL AS ${d.text}) AS ${o('reason')}, COALESCE(SUM(b.line_count), 0) AS ${o('lines')}, COALESCE(SUM(b.amount), 0) AS ${o('amount')} FROM by_reason b
UNION ALL
SELECT CASE WHEN b.reason IS NULL THEN 'included' WHEN b.reason IN ${list(rejected)} THEN 'rejected' ELSE 'excluded' END,
  b.reason, b.line_count, COALESCE(b.amount, 0)
FROM by_reason b
ORDER BY 1, 2`;

  // 5. regions, Σ/Σ per region, level and measure, from the same measure rows
  const region =
    regionBy === 'province' ? 'm.province' : regionBy === 'city' ? `CONCAT(COALESCE(m.province, ''), '/', COALESCE(m.city, ''))` : `CONCAT(COALESCE(m.province, ''), '/', COALESCE(m.city, ''), '/', COALESCE(m.county, ''))`;
  // MySQL groups texts by its collation: group by the exact text, show any one of the group (all equal)
  const regionSelect = dialect === 'mysql' ? `MIN(${region})` : region;
  const regions = `${shared},
${perInstitution},
${measureRows}
SELECT ${regionSelect} AS ${o('region')}, m.level AS ${o('level')}, m.measure AS ${o('measure')}, COUNT(*) AS ${o('institutions')},
  SUM(m.platform_amount) AS ${o('platform_amount')}, SUM(m.total_amount) AS ${o('total_amount')}, SUM(m.emergency_amount) AS ${o('emergency_amount')}, SUM(m.included_lines) AS ${o('included_lines')}
FROM measure_rows m
GROUP BY ${x(region)}, m.level, m.measure
ORDER BY 1, 2, 3`;
  return { measures, ledger, regions };
}
