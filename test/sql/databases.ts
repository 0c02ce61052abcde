/**
 * The three databases the compiled SQL runs in during the tests, behind one small interface:
 * DuckDB (in memory, @duckdb/node-api), PostgreSQL (PGlite: the PostgreSQL server compiled to
 * WebAssembly) and MariaDB (a real server from Debian's mariadb-server, through mysql2). Each
 * holds the same two tables as docs/sql.md and returns rows exactly as its driver gives them.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import mysql from 'mysql2/promise';
import type { InstitutionInput, SqlDialect } from '../../src/index';

/** A line as stored in a table: every field may be NULL. */
/** MariaDB's binary NO PAD collation of utf8mb4 (MySQL 8: utf8mb4_0900_bin), for id columns (docs/sql.md). */
export const MARIADB_ID_COLLATION = 'utf8mb4_nopad_bin';

export interface LineRow {
  readonly institutionId: string | null;
  readonly receivedOn: string | null;
  readonly category: string | null;
  readonly kind: string | null;
  readonly highValue: boolean | null;
  readonly insuranceCode: string | null;
  readonly channel: string | null;
  readonly amount: string | null;
}

export interface TestDatabase {
  readonly name: string;
  readonly dialect: SqlDialect;
  /** Replaces the lines. */
  setLines(rows: readonly LineRow[]): Promise<void>;
  /** Runs a query and returns its rows as the driver gives them: arrays in column order, or objects. */
  query(sql: string, form: 'array' | 'object'): Promise<unknown[]>;
  /** The names of a query's result columns, in order. */
  columns(sql: string): Promise<string[]>;
  close(): Promise<void>;
}

const cells = (r: LineRow) => [r.institutionId, r.receivedOn, r.category, r.kind, r.highValue, r.insuranceCode, r.channel, r.amount] as const;
const institutionCells = (i: InstitutionInput) => [i.id, i.level, i.ownership, i.region?.province ?? null, i.region?.city ?? null, i.region?.county ?? null] as const;

/** A SQL literal for DuckDB's VALUES (strings quoted, dates typed, amounts as exact decimal text). */
function duckValue(v: string | boolean | null, type: 'text' | 'date' | 'decimal' | 'boolean'): string {
  if (v === null) return 'NULL';
  if (type === 'boolean') return String(v);
  const quoted = `'${String(v).replace(/'/g, "''")}'`;
  return type === 'date' ? `DATE ${quoted}` : type === 'decimal' ? `CAST(${quoted} AS DECIMAL(38, 6))` : quoted;
}
const LINE_TYPES = ['text', 'date', 'text', 'text', 'boolean', 'text', 'text', 'decimal'] as const;

export async function openDuckDB(institutions: readonly InstitutionInput[]): Promise<TestDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const db: DuckDBConnection = await instance.connect();
  await db.run('CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
  for (const i of institutions) await db.run(`INSERT INTO institutions VALUES (${institutionCells(i).map((v) => duckValue(v, 'text')).join(', ')})`);
  await db.run('CREATE TABLE purchase_lines (institution_id VARCHAR, received_on DATE, category VARCHAR, kind VARCHAR, high_value BOOLEAN, insurance_code VARCHAR, channel VARCHAR, amount DECIMAL(38, 6))');
  return {
    name: 'DuckDB',
    dialect: 'duckdb',
    async setLines(rows) {
      await db.run('DELETE FROM purchase_lines');
      if (rows.length > 0) await db.run(`INSERT INTO purchase_lines VALUES ${rows.map((r) => `(${cells(r).map((v, k) => duckValue(v, LINE_TYPES[k]!)).join(', ')})`).join(', ')}`);
    },
    // getRows keeps decimals exact (DuckDBDecimalValue; getRowsJS would turn them into floats)
    query: async (sql, form) => {
      const reader = await db.runAndReadAll(sql);
      return form === 'array' ? reader.getRows() : reader.getRowObjects();
    },
    columns: async (sql) => (await db.runAndReadAll(sql)).columnNames(),
    async close() {
      db.closeSync();
      instance.closeSync();
    },
  };
}

export async function openPGlite(institutions: readonly InstitutionInput[]): Promise<TestDatabase> {
  const pg = new PGlite();
  await pg.exec('CREATE TABLE institutions (id TEXT PRIMARY KEY, level TEXT, ownership TEXT, province TEXT, city TEXT, county TEXT)');
  for (const i of institutions) await pg.query('INSERT INTO institutions VALUES ($1, $2, $3, $4, $5, $6)', [...institutionCells(i)]);
  await pg.exec('CREATE TABLE purchase_lines (institution_id TEXT, received_on DATE, category TEXT, kind TEXT, high_value BOOLEAN, insurance_code TEXT, channel TEXT, amount NUMERIC(38, 6))');
  return {
    name: 'PostgreSQL (PGlite)',
    dialect: 'postgres',
    async setLines(rows) {
      await pg.exec('DELETE FROM purchase_lines');
      for (const r of rows) await pg.query('INSERT INTO purchase_lines VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [...cells(r)]);
    },
    query: async (sql, form) => (await pg.query<unknown>(sql, [], { rowMode: form })).rows,
    columns: async (sql) => (await pg.query(sql)).fields.map((f) => f.name),
    close: () => pg.close(),
  };
}

export async function openMariaDB(socket: string, institutions: readonly InstitutionInput[]): Promise<TestDatabase> {
  const setup = await mysql.createConnection({ socketPath: socket, user: 'root' });
  const database = `sunshine_${Math.floor(Math.random() * 1e9)}`;
  await setup.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4`);
  await setup.end();
  // the server's default collation (utf8mb4_general_ci): case and trailing spaces are ignored in comparisons
  const db = await mysql.createConnection({ socketPath: socket, user: 'root', database });
  // MySQL 8's default sql_mode (MariaDB's lacks ONLY_FULL_GROUP_BY). MariaDB checks it less strictly
  // than MySQL: it accepts a column of a CTE selected beside a GROUP BY on an expression of it, which
  // MySQL 8 refuses, so the regions query's MIN(region) for MySQL is not proven needed here
  await db.query("SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
  // the id columns as docs/sql.md declares them: a binary NO PAD collation, so that 'H1', 'h1' and 'H1 ' are three keys
  // (the default collation made them one: Duplicate entry 'h1' for key 'PRIMARY'); the other texts keep the
  // default collation, whose traps the compiled SQL must survive
  await db.query(`CREATE TABLE institutions (id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE ${MARIADB_ID_COLLATION} PRIMARY KEY, level VARCHAR(20), ownership VARCHAR(20), province VARCHAR(50), city VARCHAR(50), county VARCHAR(50))`);
  if (institutions.length > 0) await db.query('INSERT INTO institutions VALUES ?', [institutions.map((i) => [...institutionCells(i)])]);
  await db.query(`CREATE TABLE purchase_lines (institution_id VARCHAR(200) CHARACTER SET utf8mb4 COLLATE ${MARIADB_ID_COLLATION}, received_on DATE, category VARCHAR(50), kind VARCHAR(50), high_value BOOLEAN, insurance_code VARCHAR(50), channel VARCHAR(50), amount DECIMAL(38, 6))`);
  return {
    name: 'MariaDB',
    dialect: 'mysql',
    async setLines(rows) {
      await db.query('DELETE FROM purchase_lines');
      if (rows.length > 0) await db.query('INSERT INTO purchase_lines VALUES ?', [rows.map((r) => [...cells(r)])]);
    },
    // mysql2 gives DECIMAL columns as strings (exact) and COUNT(*) as numbers
    query: async (sql, form) => (await db.query({ sql, rowsAsArray: form === 'array' }))[0] as unknown[],
    columns: async (sql) => ((await db.query(sql))[1] as { name: string }[]).map((f) => f.name),
    async close() {
      await db.query(`DROP DATABASE ${database}`);
      await db.end();
    },
  };
}
