/**
 * The compiled SQL against a hand-written query over the same table, in DuckDB (in memory) and in
 * PostgreSQL (a real server when one is installed, else PGlite), at 1 M and 10 M lines; and the
 * JavaScript accumulator on the very same lines, whose figures must equal ratesFromSQL's.
 *
 * The hand-written query is what a DBA would write for the rate: join the institutions, keep the
 * policy's scope, drop the excluded kinds and the lines without a code, GROUP BY institution and
 * category with conditional sums. It validates nothing and keeps no ledger; the compiled query
 * does both, and must take at most 1.5 times as long (issue 17).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { compileRatesSQL, createRateAccumulator, getPolicy, ratesFromSQL, type MeasureOnlineRatesResult } from '../src/index';
import { benchInstitutions, linesByIndex, linesSQL } from './generate';

const POLICY = getPolicy('jiangsu-2022');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The hand-written query, with jiangsu-2022's filters written out from the policy. */
export function handWritten(): string {
  const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
  return `SELECT l.institution_id, l.category,
  SUM(CASE WHEN l.channel = 'platform' THEN l.amount END) AS platform_amount, SUM(l.amount) AS total_amount,
  SUM(CASE WHEN l.channel = 'emergency' THEN l.amount END) AS emergency_amount, COUNT(*) AS included_lines
FROM purchase_lines l JOIN institutions i ON i.id = l.institution_id
WHERE i.ownership IN (${list(POLICY.scope.ownership)}) AND i.level IN (${list(POLICY.scope.levels)})
  AND (l.kind IS NULL OR l.kind NOT IN (${list(POLICY.exclusions.map((e) => e.kind))}))
  AND l.insurance_code IS NOT NULL AND TRIM(l.insurance_code) <> ''
GROUP BY l.institution_id, l.category`;
}

/** A database for the benchmark: run a statement, read rows as arrays. */
interface BenchDatabase {
  readonly name: string;
  readonly dialect: 'duckdb' | 'postgres';
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

async function openDuckDB(): Promise<BenchDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  return {
    name: 'DuckDB (in memory)',
    dialect: 'duckdb',
    run: async (sql) => void (await db.run(sql)),
    rows: async (sql) => (await db.runAndReadAll(sql)).getRows() as unknown[][],
    close: async () => {
      db.closeSync();
      instance.closeSync();
    },
  };
}

export function findPostgres(): { bin: string } | null {
  for (const root of ['/usr/lib/postgresql']) {
    if (!existsSync(root)) continue;
    for (const version of readdirSync(root).sort().reverse()) {
      const bin = join(root, version, 'bin');
      if (existsSync(join(bin, 'postgres')) && existsSync(join(bin, 'initdb'))) return { bin };
    }
  }
  return null;
}

/** A real PostgreSQL server in a temporary directory, on a Unix socket (as the postgres user when run as root). */
export async function openPostgresServer(bin: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-pg-'));
  // PostgreSQL refuses to run as root: run it as the postgres user (Debian's package makes one)
  let user: { uid: number; gid: number } | Record<string, never> = {};
  if (process.getuid?.() === 0) {
    user = { uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout) };
    chownSync(dir, user.uid, user.gid);
  }
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], { encoding: 'utf8', cwd: dir, ...user });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  // settings of a small analytics server on this 24 GiB machine: the table fits in shared buffers
  const server: ChildProcess = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-k', dir, '-c', 'listen_addresses=', '-c', 'fsync=off', '-c', 'shared_buffers=4GB', '-c', 'work_mem=256MB', '-c', 'max_parallel_workers_per_gather=2'],
    { stdio: 'ignore', cwd: dir, ...user },
  );
  const started = Date.now();
  while (!existsSync(join(dir, '.s.PGSQL.5432'))) {
    if (Date.now() - started > 30_000) throw new Error('postgres did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  // a new client for each try: pg refuses to connect a client twice, and the socket appears before the server accepts
  let client: pg.Client;
  for (let tries = 0; ; tries++) {
    client = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      break;
    } catch (e) {
      await client.end().catch(() => undefined);
      if (tries > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const version = String((await client.query('SHOW server_version')).rows[0]?.server_version);
  return {
    name: `PostgreSQL ${version} (server, 2 parallel workers)`,
    dialect: 'postgres',
    run: async (sql) => void (await client.query(sql)),
    rows: async (sql) => (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][],
    close: async () => {
      await client.end();
      const done = new Promise((r) => server.once('exit', r));
      server.kill('SIGINT');
      await done;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPGlite(): Promise<BenchDatabase> {
  const db = new PGlite();
  return {
    name: 'PostgreSQL (PGlite, WebAssembly, one thread)',
    dialect: 'postgres',
    run: async (sql) => void (await db.exec(sql)),
    rows: async (sql) => (await db.query<unknown[]>(sql, [], { rowMode: 'array' })).rows,
    close: () => db.close(),
  };
}

/** Same measures and ledger (amounts to the last digit), apart from the per-line rejection list. */
function sameFigures(a: MeasureOnlineRatesResult, b: MeasureOnlineRatesResult): boolean {
  if (a.measures.length !== b.measures.length) return false;
  const ok = a.measures.every((m, k) => {
    const n = b.measures[k]!;
    return m.institutionId === n.institutionId && m.measure === n.measure && m.lines === n.lines && m.platformAmount.equals(n.platformAmount) && m.totalAmount.equals(n.totalAmount) && m.emergencyAmount.equals(n.emergencyAmount) && (m.rate === null ? n.rate === null : n.rate !== null && m.rate.equals(n.rate));
  });
  const t = (x: MeasureOnlineRatesResult) => [x.ledger.input, x.ledger.included, x.ledger.excluded, x.ledger.rejected].map((l) => `${l.lines}/${l.amount.toFixed()}`).join(' ');
  return ok && t(a) === t(b) && a.ledger.balanced && b.ledger.balanced;
}

export interface SqlFigures {
  readonly database: string;
  readonly lines: number;
  readonly ratio: number;
  readonly same: boolean;
}

async function benchOne(db: BenchDatabase, count: number, rounds: number): Promise<SqlFigures> {
  const institutions = benchInstitutions();
  let t = performance.now();
  await db.run('CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
  await db.run(`INSERT INTO institutions VALUES ${institutions.map((i) => `('${i.id}', '${i.level}', '${i.ownership}', '${i.region!.province}', '${i.region!.city}', '${i.region!.county}')`).join(', ')}`);
  await db.run(`CREATE TABLE purchase_lines AS ${linesSQL(count, db.dialect)}`);
  if (db.dialect === 'postgres') await db.run('ANALYZE purchase_lines; ANALYZE institutions');
  const load = performance.now() - t;

  const sql = compileRatesSQL(POLICY, { dialect: db.dialect });
  const hand = handWritten();
  /** Times the hand-written and the compiled measures query alternately, `rounds` times each. */
  const alternate = async (n: number) => {
    for (const q of [hand, sql.measures]) await db.rows(q); // warm up (and read every page once)
    const times = { hand: [] as number[], measures: [] as number[] };
    for (let r = 0; r < n; r++) {
      // alternate which runs first, so that neither always follows the other
      for (const which of r % 2 === 0 ? (['hand', 'measures'] as const) : (['measures', 'hand'] as const)) {
        t = performance.now();
        await db.rows(which === 'hand' ? hand : sql.measures);
        times[which].push(performance.now() - t);
      }
    }
    return times;
  };
  const times = await alternate(rounds);
  const other: Record<string, number[]> = { ledger: [], regions: [] };
  for (let r = 0; r < Math.min(rounds, 5); r++) {
    for (const q of ['ledger', 'regions'] as const) {
      t = performance.now();
      await db.rows(sql[q]);
      other[q]!.push(performance.now() - t);
    }
  }
  const perRound = times.hand.map((h, r) => times.measures[r]! / h);
  // PostgreSQL guesses the number of groups from each column alone (here 91,200 or more for 22,633)
  // and then aggregates in one process; ndistinct statistics on the grouped columns let it use its workers
  let withStats: { hand: number[]; measures: number[] } | null = null;
  if (db.dialect === 'postgres') {
    await db.run('CREATE STATISTICS purchase_lines_groups (ndistinct) ON institution_id, category, kind, high_value, channel FROM purchase_lines');
    await db.run('ANALYZE purchase_lines');
    withStats = await alternate(Math.max(3, Math.ceil(rounds / 2)));
  }

  // the same lines through the JavaScript accumulator; ratesFromSQL must give the same figures
  const fromSql = ratesFromSQL({ measures: await db.rows(sql.measures), ledger: await db.rows(sql.ledger) }, { policy: POLICY, institutions });
  t = performance.now();
  for (const line of linesByIndex(count)) if (line.amount === '') throw new Error('never');
  const generation = performance.now() - t;
  t = performance.now();
  const acc = createRateAccumulator({ policy: POLICY, institutions });
  acc.addAll(linesByIndex(count));
  const js = acc.result();
  const inJs = performance.now() - t;
  const same = sameFigures(fromSql, js);

  const ratio = median(times.measures) / median(times.hand);
  const ms = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));
  console.log(`\n${db.name}, ${count.toLocaleString('en')} lines (${rounds} alternating rounds)`);
  console.log(`  loading (generated in the database): ${(load / 1000).toFixed(1)} s`);
  console.log(`  hand-written GROUP BY institution, category: median ${ms(median(times.hand))} ms, best ${ms(Math.min(...times.hand))} ms`);
  console.log(`  compiled measures query:                    median ${ms(median(times.measures))} ms, best ${ms(Math.min(...times.measures))} ms`);
  console.log(`  ratio of the medians: ${ratio.toFixed(2)}${db.dialect === 'duckdb' && count >= 1_000_000 ? ' (target ≤ 1.5 at 1 M and 10 M lines)' : ''}; per round ${Math.min(...perRound).toFixed(2)} – ${Math.max(...perRound).toFixed(2)}`);
  if (withStats !== null) {
    console.log(`  with ndistinct statistics on the grouped columns: hand-written median ${ms(median(withStats.hand))} ms, compiled median ${ms(median(withStats.measures))} ms, ratio ${(median(withStats.measures) / median(withStats.hand)).toFixed(2)}`);
  }
  console.log(`  compiled ledger: median ${ms(median(other.ledger!))} ms; regions: median ${ms(median(other.regions!))} ms`);
  console.log(`  JavaScript accumulator on the same lines, generated on the fly: ${ms(inJs)} ms (generating them alone: ${ms(generation)} ms)`);
  console.log(`  ratesFromSQL equals the accumulator's result to the last digit: ${same ? 'yes' : 'NO'}`);
  return { database: db.name, lines: count, ratio, same };
}

/** Runs the SQL benchmark; returns its figures (same: false fails the benchmark). */
export async function benchSql(quick: boolean): Promise<SqlFigures[]> {
  const figures: SqlFigures[] = [];
  const sizes = quick ? [100_000] : [1_000_000, 10_000_000];
  for (const count of sizes) {
    const db = await openDuckDB();
    figures.push(await benchOne(db, count, quick ? 3 : count >= 10_000_000 ? 9 : 15));
    await db.close();
  }
  const server = quick ? null : findPostgres();
  for (const count of sizes) {
    const db = server === null ? await openPGlite() : await openPostgresServer(server.bin);
    figures.push(await benchOne(db, count, quick ? 3 : count >= 10_000_000 ? 5 : 9));
    await db.close();
  }
  return figures;
}
