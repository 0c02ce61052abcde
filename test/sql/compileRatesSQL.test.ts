import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { MySQL, SparkSQL } from 'dt-sql-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileRatesSQL, definePolicy, getPolicy, POLICIES, SunshineInputError, type CompileRatesSQLOptions, type Policy, type PolicyId } from '../../src/index';
import { inputError } from '../_helpers/results';

const PERIOD = { from: '2024-01-01', to: '2024-03-31' };
/** A user's own policy (definePolicy): codes for drugs only, narcotics excluded. */
const OWN: Policy = definePolicy({
  ...getPolicy('ganzhou-2023'),
  id: 'own-2025',
  document: '自定义〔2025〕1号',
  exclusions: [{ kind: 'narcotic', clause: '§2' }],
  insuranceCode: { requiredFor: ['drug'], clause: '§3' },
});
const RENAMED: Partial<CompileRatesSQLOptions> = {
  linesTable: 'warehouse.purchase_lines_2024',
  institutionsTable: 'warehouse.orgs',
  columns: { amount: 'amt_yuan', received_on: 'inbound_date', 'institution.id': 'org_code', 'institution.level': 'grade' },
};

/** Every compiled text the tests check: each built-in policy and a definePolicy one, with and without a period, and renamed columns and tables. */
function cases(dialect: CompileRatesSQLOptions['dialect']): [string, Policy | PolicyId, Partial<CompileRatesSQLOptions>][] {
  return [
    ...(Object.keys(POLICIES) as PolicyId[]).map((id): [string, PolicyId, Partial<CompileRatesSQLOptions>] => [`${id}, period`, id, { period: PERIOD }]),
    ['jiangsu-2022, no period', 'jiangsu-2022', {}],
    ['definePolicy, period, by county', OWN, { period: PERIOD, regionBy: 'county' }],
    ['ganzhou-2023, renamed tables and columns, by province', 'ganzhou-2023', { ...RENAMED, regionBy: 'province' }],
  ].map(([name, policy, options]) => [`${dialect}: ${name as string}`, policy as Policy | PolicyId, { dialect, ...(options as object) }]);
}

describe('compileRatesSQL', () => {
  it('matches the JSDoc example', () => {
    expect(compileRatesSQL('jiangsu-2022', { dialect: 'duckdb' }).measures.includes('"purchase_lines"')).toBe(true);
  });

  it('quotes identifiers for each dialect and refuses unsafe ones', () => {
    expect(compileRatesSQL('ganzhou-2023', { dialect: 'spark', linesTable: 'warehouse.purchase_lines' }).measures).toContain('`warehouse`.`purchase_lines`');
    expect(compileRatesSQL('ganzhou-2023', { dialect: 'mysql', linesTable: 'warehouse.purchase_lines' }).measures).toContain('`warehouse`.`purchase_lines`');
    expect(compileRatesSQL('ganzhou-2023', { dialect: 'postgres', columns: { amount: 'amt_yuan' } }).measures).toContain('l."amt_yuan"');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', linesTable: 'lines; DROP TABLE x' })).toThrow('compileRatesSQL: options.linesTable expected an identifier');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: { amount: 'a"b' } })).toThrow('options.columns.amount expected an identifier');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'mysql', columns: { amount: 'a`b' } })).toThrow('options.columns.amount expected an identifier');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: { price: 'x' } as never })).toThrow('options.columns.price is not a field of options.columns (expected one of');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: JSON.parse('{"__proto__": "x"}') as never })).toThrow(SunshineInputError);
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', period: { from: "2024-01-01' OR 1=1 --", to: '2024-12-31' } })).toThrow('options.period.from expected a real civil date');
  });

  it('takes catalog.schema.table at most, each part an identifier, and names the option', () => {
    expect(compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', linesTable: 'lake.warehouse.lines' }).measures).toContain('FROM "lake"."warehouse"."lines" l');
    const refused = (linesTable: unknown) => inputError(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', linesTable } as never)).message;
    const expected = 'expected an identifier of letters, digits and underscores (optionally schema.table), such as "purchase_lines"';
    expect(refused('a.b.c.d')).toBe(`compileRatesSQL: options.linesTable ${expected}, got "a.b.c.d"`);
    expect(refused('warehouse.lines;x')).toBe(`compileRatesSQL: options.linesTable ${expected}, got "warehouse.lines;x"`);
    expect(refused('warehouse.')).toBe(`compileRatesSQL: options.linesTable ${expected}, got "warehouse."`);
    expect(refused(42)).toBe(`compileRatesSQL: options.linesTable ${expected}, got 42`);
    expect(inputError(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', institutionsTable: 'orgs 2024' })).message).toBe(`compileRatesSQL: options.institutionsTable ${expected}, got "orgs 2024"`);
    expect(inputError(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: { 'institution.level': 3 } as never })).message).toBe(`compileRatesSQL: options.columns.institution.level ${expected}, got 3`);
  });

  it('lists the columns that can be renamed when given another', () => {
    expect(inputError(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: { price: 'x' } as never })).message).toBe(
      'compileRatesSQL: options.columns.price is not a field of options.columns (expected one of "institution_id", "received_on", "category", "kind", "high_value", "insurance_code", "channel", "amount", "institution.id", "institution.level", "institution.ownership", "institution.province", "institution.city", "institution.county")',
    );
    // a near miss is named
    expect(inputError(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: { recieved_on: 'x' } as never })).message).toBe(
      'compileRatesSQL: options.columns.recieved_on is not a field of options.columns; did you mean "received_on"?',
    );
  });

  it('names the four dialects when given another', () => {
    const e = inputError(() => compileRatesSQL('ganzhou-2023', { dialect: 'oracle' as never }));
    expect(e.message).toBe('compileRatesSQL: options.dialect expected one of "duckdb", "postgres", "spark", "mysql", got "oracle"');
    for (const bad of [undefined, null, 'duckdb']) {
      const e = inputError(() => compileRatesSQL('ganzhou-2023', bad as never));
      expect(e.message).toBe(`compileRatesSQL: options expected an options object { dialect } with dialect one of "duckdb", "postgres", "spark", "mysql", got ${bad === undefined ? 'undefined' : JSON.stringify(bad)}`);
      expect(e.issues.map((i) => i.code)).toEqual(['missing']);
    }
  });

  it('casts to STRING in Spark and to CHAR in MySQL, never to VARCHAR; concatenates with CONCAT, never ||', () => {
    for (const [dialect, cast] of [['spark', 'AS STRING'], ['mysql', 'AS CHAR'], ['postgres', 'AS TEXT'], ['duckdb', 'AS VARCHAR']] as const) {
      const sql = compileRatesSQL('jiangsu-2022', { dialect });
      expect(sql.ledger).toContain(`CAST(NULL ${cast})`);
      for (const text of Object.values(sql)) {
        if (dialect !== 'duckdb') expect(text).not.toMatch(/VARCHAR/);
        expect(text).not.toContain('||');
      }
    }
  });

  it('compares texts as binary strings in MySQL, whose default collations ignore case and trailing spaces', () => {
    const sql = compileRatesSQL('jiangsu-2022', { dialect: 'mysql' });
    expect(sql.measures).toContain('CAST(l.`category` AS BINARY) AS category');
    expect(sql.measures).toContain('LEFT JOIN `institutions` i ON CAST(i.`id` AS BINARY) = g.institution_id');
    expect(sql.measures).toContain('CHAR_LENGTH(g.institution_id) = 0');
    // elsewhere an empty text is '' (Spark's text is parsed here, not run: this is its only check)
    for (const dialect of ['duckdb', 'postgres', 'spark'] as const) expect(compileRatesSQL('jiangsu-2022', { dialect }).measures).toContain("WHEN g.institution_id IS NULL OR g.institution_id = '' THEN 'invalid:institutionId'");
    expect(compileRatesSQL('jiangsu-2022', { dialect: 'postgres' }).measures).not.toContain('BINARY');
  });

  it('derives a line’s measure with an expression, and joins only on equality', () => {
    for (const dialect of ['duckdb', 'postgres', 'spark', 'mysql'] as const) {
      for (const text of Object.values(compileRatesSQL('ganzhou-2023', { dialect, period: PERIOD }))) {
        const joins = [...text.matchAll(/\bJOIN\b[^\n]*\bON\b([^\n]*)/g)].map((m) => m[1]!);
        expect(joins.length).toBeGreaterThan(0);
        for (const on of joins) expect(on).not.toMatch(/\bOR\b/);
        expect(text).not.toMatch(/CROSS JOIN/);
      }
    }
  });

  describe('is valid in the grammars of dt-sql-parser (generated from Spark’s and MySQL’s own)', () => {
    const spark = new SparkSQL();
    const mysql = new MySQL();
    it('rejects a broken text, so that the checks below can fail', () => {
      // the parsers also print their syntax errors; only what validate returns is read
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const text = compileRatesSQL('jiangsu-2022', { dialect: 'spark' }).ledger;
      expect(spark.validate(text.replace('GROUP BY c.reason', 'GROUP c.reason')).length).toBeGreaterThan(0);
      expect(mysql.validate(compileRatesSQL('jiangsu-2022', { dialect: 'mysql' }).ledger.replace('AS `lines`', 'AS lines')).length).toBeGreaterThan(0);
      quiet.mockRestore();
    }, 60_000); // the parsers' first calls take seconds
    for (const [grammar, parser] of [['spark', spark], ['mysql', mysql]] as const) {
      for (const [name, policy, options] of cases(grammar)) {
        it(name, () => {
          const sql = compileRatesSQL(policy, options as CompileRatesSQLOptions);
          for (const [query, text] of Object.entries(sql)) expect(parser.validate(text), `${query}:\n${text}`).toEqual([]);
        }, 60_000);
      }
    }
  });

  describe('in DuckDB, runs with no nested-loop join (EXPLAIN)', () => {
    let db: DuckDBConnection;
    const NESTED_LOOPS = /NESTED_LOOP_JOIN|BLOCKWISE_NL_JOIN|PIECEWISE_MERGE_JOIN|CROSS_PRODUCT/;
    const plan = async (sql: string) => (await db.runAndReadAll(`EXPLAIN ${sql}`)).getRows().map((r) => String(r[1])).join('\n');
    beforeAll(async () => {
      db = await (await DuckDBInstance.create(':memory:')).connect();
      for (const schema of ['main', 'warehouse']) {
        if (schema !== 'main') await db.run(`CREATE SCHEMA ${schema}`);
      }
      await db.run('CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
      await db.run('CREATE TABLE purchase_lines (institution_id VARCHAR, received_on DATE, category VARCHAR, kind VARCHAR, high_value BOOLEAN, insurance_code VARCHAR, channel VARCHAR, amount DECIMAL(18, 2))');
      await db.run('CREATE TABLE warehouse.orgs (org_code VARCHAR PRIMARY KEY, grade VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
      await db.run('CREATE TABLE warehouse.purchase_lines_2024 (institution_id VARCHAR, inbound_date DATE, category VARCHAR, kind VARCHAR, high_value BOOLEAN, insurance_code VARCHAR, channel VARCHAR, amt_yuan DECIMAL(18, 2))');
      // some rows, so that the plan is the one of real data
      await db.run(`INSERT INTO institutions SELECT 'H' || i, CASE i % 3 WHEN 0 THEN 'tertiary' WHEN 1 THEN 'secondary' ELSE 'primary' END, 'public', 'P', 'C' || (i % 5), 'X' FROM range(100) t(i)`);
      await db.run(`INSERT INTO purchase_lines SELECT 'H' || (i % 100), DATE '2024-01-01' + CAST(i % 120 AS INTEGER), CASE WHEN i % 3 = 0 THEN 'consumable' ELSE 'drug' END, NULL, i % 7 = 0, 'X', 'platform', 10.5 FROM range(10000) t(i)`);
    });
    afterAll(() => db?.closeSync());

    it('finds the nested loop of an OR join condition, so that the check can fail', async () => {
      expect(await plan('SELECT * FROM purchase_lines l JOIN institutions i ON i.id = l.institution_id OR i.city = l.channel')).toMatch(NESTED_LOOPS);
    });
    for (const [name, policy, options] of cases('duckdb')) {
      it(name, async () => {
        for (const [query, text] of Object.entries(compileRatesSQL(policy, options as CompileRatesSQLOptions))) {
          const p = await plan(text);
          expect(p, query).toMatch(/HASH_GROUP_BY/);
          expect(p, `${query}:\n${p}`).not.toMatch(NESTED_LOOPS);
        }
      });
    }
  });
});
