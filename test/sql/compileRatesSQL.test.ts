import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { compileRatesSQL, measureOnlineRates, SunshineInputError, type InstitutionInput } from '../../src/index';

/** Test data: institutions with every level and ownership, lines with every outcome. */
const institutions: InstitutionInput[] = [
  { id: 'A', level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '南通市' } },
  { id: 'B', level: 'secondary', ownership: 'military', region: { province: '江苏省', city: '南通市' } },
  { id: 'C', level: 'primary', ownership: 'public', region: { province: '江苏省', city: '扬州市' } },
  { id: 'P', level: 'tertiary', ownership: 'private', region: { province: '江苏省', city: '扬州市' } },
];

interface Row {
  institutionId: string | null;
  receivedOn: string | null;
  category: string | null;
  kind: string | null;
  highValue: boolean | null;
  insuranceCode: string | null;
  channel: string | null;
  amount: string | null;
}

const rowArb = fc.record<Row>({
  institutionId: fc.constantFrom('A', 'B', 'C', 'P', 'Z', null),
  receivedOn: fc.constantFrom('2023-12-31', '2024-01-01', '2024-02-29', '2024-03-31', '2024-04-01', null),
  category: fc.constantFrom('drug', 'consumable', 'device', null),
  kind: fc.constantFrom(null, 'narcotic', 'tcm-decoction-pieces', 'ivd-reagent', 'herbs'),
  highValue: fc.constantFrom(null, true, false),
  insuranceCode: fc.constantFrom(null, 'XA01', '', '  '),
  channel: fc.constantFrom('platform', 'emergency', 'offline', 'fax', null),
  amount: fc.oneof(fc.integer({ min: -100_000_00, max: 100_000_000_00 }).map((f) => (f / 100).toFixed(2)), fc.constant('90071992547409.93'), fc.constant('0.000001'), fc.constant(null)),
});

/** The JavaScript engine's figures, in the shape of the SQL rows. */
function expected(rows: readonly Row[], policy: string, period?: { from: string; to: string }) {
  const lines = rows.map((r) => ({
    institutionId: r.institutionId,
    receivedOn: r.receivedOn,
    category: r.category,
    kind: r.kind,
    highValue: r.highValue,
    insuranceCode: r.insuranceCode,
    channel: r.channel,
    amount: r.amount,
  }));
  const { measures, ledger } = measureOnlineRates(lines, { policy, institutions, period });
  return {
    measures: measures.map((m) => [m.institutionId, m.measure, m.platformAmount.toFixed(6), m.totalAmount.toFixed(6), m.emergencyAmount.toFixed(6), m.lines]).sort(),
    ledger: [
      ['input', null, ledger.input.lines, ledger.input.amount.toFixed(6)],
      ...(ledger.included.lines > 0 ? [['included', null, ledger.included.lines, ledger.included.amount.toFixed(6)]] : []),
      ...Object.entries(ledger.excluded.byReason).filter(([, t]) => t.lines > 0).map(([reason, t]) => ['excluded', reason, t.lines, t.amount.toFixed(6)]),
      ...Object.entries(
        ledger.rejected.reasons.reduce<Record<string, number>>((acc, r) => {
          const key = r.reason === 'unknown-institution' ? 'unknown-institution' : `invalid:${r.field}`;
          acc[key] = (acc[key] ?? 0) + 1;
          return acc;
        }, {}),
      ).map(([reason, n]) => ['rejected', reason, n]),
    ],
  };
}

describe('compileRatesSQL', () => {
  it('matches the JSDoc example', () => {
    expect(compileRatesSQL('jiangsu-2022', { dialect: 'duckdb' }).measures.includes('"purchase_lines"')).toBe(true);
  });

  it('quotes identifiers for each dialect and refuses unsafe ones', () => {
    expect(compileRatesSQL('ganzhou-2023', { dialect: 'spark', linesTable: 'warehouse.purchase_lines' }).measures).toContain('`warehouse`.`purchase_lines`');
    expect(compileRatesSQL('ganzhou-2023', { dialect: 'postgres', columns: { amount: 'amt_yuan' } }).measures).toContain('l."amt_yuan"');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', linesTable: 'lines; DROP TABLE x' })).toThrow('compileRatesSQL: options.linesTable expected an identifier');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: { amount: 'a"b' } })).toThrow('options.columns.amount expected an identifier');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', columns: { price: 'x' } as never })).toThrow('options.columns.price expected one of');
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'oracle' as never })).toThrow(SunshineInputError);
    expect(() => compileRatesSQL('ganzhou-2023', { dialect: 'duckdb', period: { from: "2024-01-01' OR 1=1 --", to: '2024-12-31' } })).toThrow('options.period.from expected a real civil date');
  });

  describe('in DuckDB, against measureOnlineRates', () => {
    let instance: DuckDBInstance;
    let db: DuckDBConnection;
    beforeAll(async () => {
      instance = await DuckDBInstance.create(':memory:');
      db = await instance.connect();
      await db.run(`CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)`);
      for (const i of institutions) await db.run(`INSERT INTO institutions VALUES ('${i.id}', '${i.level}', '${i.ownership}', '${i.region?.province}', '${i.region?.city}', NULL)`);
      await db.run(`CREATE TABLE purchase_lines (institution_id VARCHAR, received_on DATE, category VARCHAR, kind VARCHAR, high_value BOOLEAN, insurance_code VARCHAR, channel VARCHAR, amount DECIMAL(38, 6))`);
    });
    afterAll(() => {
      db.closeSync();
    });

    async function run(rows: readonly Row[], policy: string, period?: { from: string; to: string }) {
      await db.run('DELETE FROM purchase_lines');
      const value = (v: string | boolean | null, date = false) => (v === null ? 'NULL' : typeof v === 'boolean' ? String(v) : `${date ? 'DATE ' : ''}'${v}'`);
      if (rows.length > 0) {
        await db.run(
          `INSERT INTO purchase_lines VALUES ${rows
            .map((r) => `(${value(r.institutionId)}, ${value(r.receivedOn, true)}, ${value(r.category)}, ${value(r.kind)}, ${value(r.highValue)}, ${value(r.insuranceCode)}, ${value(r.channel)}, ${r.amount === null ? 'NULL' : r.amount})`)
            .join(', ')}`,
        );
      }
      const sql = compileRatesSQL(policy, { dialect: 'duckdb', period });
      // getRows keeps decimals exact (getRowsJS would turn them into floats)
      const measures = (await db.runAndReadAll(sql.measures)).getRows().map((r) => [r[0], r[1], String(r[2]), String(r[3]), String(r[4]), Number(r[5])]);
      const ledger = (await db.runAndReadAll(sql.ledger)).getRows().map((r) => [r[0], r[1], Number(r[2]), String(r[3])]);
      return { measures, ledger };
    }

    it('classifies and sums every line as the JavaScript engine does', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(rowArb, { maxLength: 30 }), fc.constantFrom('jiangsu-2022', 'ganzhou-2023', 'hunan-2023'), fc.boolean(), async (rows, policy, withPeriod) => {
          const period = withPeriod ? { from: '2024-01-01', to: '2024-03-31' } : undefined;
          const js = expected(rows, policy, period);
          const sql = await run(rows, policy, period);
          // exact decimals: compare as text at the column's 6 decimals
          expect(sql.measures.map((r) => [r[0], r[1], fixExact(r[2]), fixExact(r[3]), fixExact(r[4]), r[5]]).sort()).toEqual(js.measures);
          const ledger = sql.ledger.map((r) => (r[0] === 'rejected' ? [r[0], r[1], r[2]] : [r[0], r[1], r[2], fixExact(r[3])]));
          expect(ledger.sort(cmp)).toEqual([...js.ledger].sort(cmp));
        }),
        { numRuns: 40 },
      );
    });
  });
});

describe('compileRatesSQL in PostgreSQL (PGlite, the real server compiled to WebAssembly), against measureOnlineRates', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = new PGlite();
    await pg.exec(`CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)`);
    for (const i of institutions) await pg.exec(`INSERT INTO institutions VALUES ('${i.id}', '${i.level}', '${i.ownership}', '${i.region?.province}', '${i.region?.city}', NULL)`);
    await pg.exec(`CREATE TABLE purchase_lines (institution_id VARCHAR, received_on DATE, category VARCHAR, kind VARCHAR, high_value BOOLEAN, insurance_code VARCHAR, channel VARCHAR, amount NUMERIC(38, 6))`);
  });
  afterAll(async () => {
    await pg.close();
  });

  it('classifies and sums every line as the JavaScript engine does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 30 }), fc.constantFrom('jiangsu-2022', 'ganzhou-2023', 'hunan-2023'), fc.boolean(), async (rows, policy, withPeriod) => {
        const period = withPeriod ? { from: '2024-01-01', to: '2024-03-31' } : undefined;
        await pg.exec('DELETE FROM purchase_lines');
        for (const r of rows) {
          await pg.query('INSERT INTO purchase_lines VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [r.institutionId, r.receivedOn, r.category, r.kind, r.highValue, r.insuranceCode, r.channel, r.amount]);
        }
        const sql = compileRatesSQL(policy, { dialect: 'postgres', period });
        const measures = (await pg.query<Record<string, unknown>>(sql.measures)).rows.map((r) => [r.institution_id, r.measure, fixExact(r.platform_amount), fixExact(r.total_amount), fixExact(r.emergency_amount), Number(r.included_lines)]);
        const ledger = (await pg.query<Record<string, unknown>>(sql.ledger)).rows.map((r) => (r.outcome === 'rejected' ? [r.outcome, r.reason, Number(r.lines)] : [r.outcome, r.reason, Number(r.lines), fixExact(r.amount)]));
        const js = expected(rows, policy, period);
        expect(measures.sort()).toEqual(js.measures);
        expect(ledger.sort(cmp)).toEqual([...js.ledger].sort(cmp));
      }),
      { numRuns: 25 },
    );
  });

  it('aggregates regions as Σ/Σ in SQL too', async () => {
    await pg.exec('DELETE FROM purchase_lines');
    await pg.exec(`INSERT INTO purchase_lines VALUES ('A', '2024-01-05', 'drug', NULL, NULL, 'X', 'platform', 90), ('A', '2024-01-05', 'drug', NULL, NULL, 'X', 'offline', 10),
      ('B', '2024-01-05', 'drug', NULL, NULL, 'X', 'platform', 500), ('B', '2024-01-05', 'drug', NULL, NULL, 'X', 'offline', 500)`);
    const rows = (await pg.query<Record<string, unknown>>(compileRatesSQL('ganzhou-2023', { dialect: 'postgres' }).regions)).rows.filter((r) => r.measure === 'drug');
    // A (tertiary) and B (secondary) are of different levels: never mixed
    expect(rows.map((r) => [r.region, r.level, Number(r.institutions), fixExact(r.platform_amount), fixExact(r.total_amount)])).toEqual([
      ['江苏省/南通市', 'secondary', 1, '500.000000', '1000.000000'],
      ['江苏省/南通市', 'tertiary', 1, '90.000000', '100.000000'],
      ['江苏省/扬州市', 'primary', 1, '0.000000', '0.000000'],
    ]);
  });
});

/** A decimal from DuckDB (a DuckDBDecimalValue or text) as text with 6 decimals, without floats. */
function fixExact(v: unknown): string {
  const text = String(v);
  const neg = text.startsWith('-');
  const [int, frac = ''] = (neg ? text.slice(1) : text).split('.');
  return `${neg && (int !== '0' || /[1-9]/.test(frac)) ? '-' : ''}${int}.${frac.padEnd(6, '0').slice(0, 6)}`;
}

function cmp(a: unknown[], b: unknown[]): number {
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : 1;
}
