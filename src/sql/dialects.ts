/**
 * What differs between the SQL dialects: identifier quoting, the text type of a cast, and how
 * two texts are compared exactly (as JavaScript's `===` does: case, accents and trailing spaces
 * all count).
 */

/**
 * The SQL dialects of {@link compileRatesSQL}:
 * - `'duckdb'`: DuckDB;
 * - `'postgres'`: PostgreSQL and the engines that speak its dialect;
 * - `'spark'`: Spark SQL 3 (Databricks, EMR, Hive-compatible warehouses);
 * - `'mysql'`: MySQL 8 and MariaDB 10.5+, the dialect of Doris, StarRocks, TiDB and OceanBase (MySQL mode).
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'spark' | 'mysql';

/** Every dialect, in the order the docs list them. @internal */
export const SQL_DIALECTS = ['duckdb', 'postgres', 'spark', 'mysql'] as const satisfies readonly SqlDialect[];

/** The pieces of SQL text that differ by dialect. @internal */
export interface DialectText {
  /** Quotes one identifier part (already checked to be letters, digits and underscores). */
  readonly quote: (part: string) => string;
  /** The type of a text `CAST` (Spark 3 treats `VARCHAR` outside a table schema as a string or refuses it; MySQL casts to `CHAR`). */
  readonly text: string;
  /**
   * A text as a key for exact comparison, grouping and joining. MySQL's default collations
   * ignore case and trailing spaces (`'Drug' = 'drug '` is true there), so its texts are compared
   * as binary strings; the other dialects compare texts exactly already.
   */
  readonly exact: (expr: string) => string;
  /** True when a text is empty (MySQL's `= ''` would also hold for `' '`). */
  readonly isEmpty: (expr: string) => string;
  /** A date literal from a validated `YYYY-MM-DD` (MySQL: a cast, which every MySQL-family parser reads). */
  readonly date: (iso: string) => string;
  /**
   * What ends the query of the classified groups. PostgreSQL 12+ inlines a CTE used once, and
   * then evaluates the reason's `CASE` again in each of the sums that read it (measured: 10 to 20 %
   * of the query); `OFFSET 0` keeps the subquery whole in every PostgreSQL version and in the
   * engines built on older ones (Greenplum, openGauss), where `AS MATERIALIZED` is unknown.
   */
  readonly fence: string;
}

const same = (expr: string) => expr;
const dateLiteral = (iso: string) => `DATE '${iso}'`;

/** @internal */
export const DIALECT_TEXT: Readonly<Record<SqlDialect, DialectText>> = {
  duckdb: { quote: (p) => `"${p}"`, text: 'VARCHAR', exact: same, isEmpty: (e) => `${e} = ''`, date: dateLiteral, fence: '' },
  postgres: { quote: (p) => `"${p}"`, text: 'TEXT', exact: same, isEmpty: (e) => `${e} = ''`, date: dateLiteral, fence: '\n  OFFSET 0' },
  spark: { quote: (p) => `\`${p}\``, text: 'STRING', exact: same, isEmpty: (e) => `${e} = ''`, date: dateLiteral, fence: '' },
  mysql: { quote: (p) => `\`${p}\``, text: 'CHAR', exact: (e) => `CAST(${e} AS BINARY)`, isEmpty: (e) => `CHAR_LENGTH(${e}) = 0`, date: (iso) => `CAST('${iso}' AS DATE)`, fence: '' },
};
