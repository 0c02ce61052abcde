/**
 * Issue 28, item 3: the compiled DuckDB `measures` query against a hand-written GROUP BY that computes the same sums
 * (platform, total and emergency by institution and measure, and the lines and amounts excluded by each reason), on
 * every data shape the command line meets: 1 M and 10 M lines, over 30 and over 1,000 institutions, with and without
 * a period. The goal is at most 1.5 times the hand-written query. `node --import tsx bench/sqlShapes.ts [--quick]`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { compileRatesSQL, getPolicy, ratesFromSQL, type Period } from '../src/index';
import { benchInstitutions, linesSQL } from './generate';

const POLICY = getPolicy('jiangsu-2022');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** What a DBA would write for jiangsu-2022's measures with their exclusions by reason, in the order the engine applies them. */
export function handWrittenWithExclusions(period: Period | undefined): string {
  const outside = period === undefined ? 'FALSE' : `(l.received_on < DATE '${period.from}' OR l.received_on > DATE '${period.to}')`;
  return `WITH r AS (
  SELECT l.institution_id, l.category, l.channel, l.amount,
    CASE WHEN ${outside} THEN 'outside-period'
         WHEN l.kind IN (${list(POLICY.exclusions.map((e) => e.kind))}) THEN 'excluded-kind'
         WHEN l.insurance_code IS NULL OR TRIM(l.insurance_code) = '' THEN 'missing-insurance-code' END AS reason
  FROM purchase_lines l JOIN institutions i ON i.id = l.institution_id
  WHERE i.ownership IN (${list(POLICY.scope.ownership)}) AND i.level IN (${list(POLICY.scope.levels)}))
SELECT institution_id, category,
  SUM(CASE WHEN reason IS NULL AND channel = 'platform' THEN amount ELSE 0 END) AS platform_amount,
  SUM(CASE WHEN reason IS NULL THEN amount ELSE 0 END) AS total_amount,
  SUM(CASE WHEN reason IS NULL AND channel = 'emergency' THEN amount ELSE 0 END) AS emergency_amount,
  COUNT(*) FILTER (WHERE reason IS NULL) AS included_lines,
  COUNT(*) FILTER (WHERE reason = 'outside-period') AS outside_period_lines, SUM(CASE WHEN reason = 'outside-period' THEN amount ELSE 0 END) AS outside_period_amount,
  COUNT(*) FILTER (WHERE reason = 'excluded-kind') AS excluded_kind_lines, SUM(CASE WHEN reason = 'excluded-kind' THEN amount ELSE 0 END) AS excluded_kind_amount,
  COUNT(*) FILTER (WHERE reason = 'missing-insurance-code') AS missing_insurance_code_lines, SUM(CASE WHEN reason = 'missing-insurance-code' THEN amount ELSE 0 END) AS missing_insurance_code_amount
FROM r GROUP BY institution_id, category`;
}

export interface ShapeFigure {
  readonly lines: number;
  readonly institutions: number;
  readonly period: boolean;
  readonly hand: number;
  readonly compiled: number;
  readonly ratio: number;
  /** The two queries' sums agree (platform, total, emergency, included lines by institution and measure). */
  readonly same: boolean;
}

export async function benchSqlShapes(quick: boolean): Promise<ShapeFigure[]> {
  const figures: ShapeFigure[] = [];
  for (const lines of quick ? [100_000] : process.argv.includes('--1m') ? [1_000_000] : [1_000_000, 10_000_000]) {
    for (const count of [30, 1000]) {
      const instance = await DuckDBInstance.create(':memory:');
      const db = await instance.connect();
      const institutions = benchInstitutions(count);
      await db.run('CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
      await db.run(`INSERT INTO institutions VALUES ${institutions.map((i) => `('${i.id}', '${i.level}', '${i.ownership}', '${i.region!.province}', '${i.region!.city}', '${i.region!.county}')`).join(', ')}`);
      await db.run(`CREATE TABLE purchase_lines AS ${linesSQL(lines, 'duckdb', count)}`);
      for (const period of [undefined, { from: '2024-01-01', to: '2024-03-31' }]) {
        const compiled = compileRatesSQL(POLICY, { dialect: 'duckdb', period }).measures;
        const hand = handWrittenWithExclusions(period);
        const rows = async (q: string) => (await db.runAndReadAll(q)).getRows();
        for (const q of [hand, compiled]) await rows(q);
        const times = { hand: [] as number[], compiled: [] as number[] };
        const rounds = quick ? 3 : lines >= 10_000_000 ? 7 : 11;
        for (let r = 0; r < rounds; r++) {
          for (const which of r % 2 === 0 ? (['hand', 'compiled'] as const) : (['compiled', 'hand'] as const)) {
            const t = performance.now();
            await rows(which === 'hand' ? hand : compiled);
            times[which].push(performance.now() - t);
          }
        }
        // the hand-written sums equal the compiled query's, read back by ratesFromSQL
        const fromSql = ratesFromSQL({ measures: await rows(compiled), ledger: await rows(compileRatesSQL(POLICY, { dialect: 'duckdb', period }).ledger) }, { policy: POLICY, institutions, period });
        const handRows = new Map((await rows(hand)).map((r) => [`${String(r[0])}|${String(r[1])}`, r.slice(2).map((v) => String(v))]));
        const same = fromSql.measures.every((m) => {
          const h = handRows.get(`${m.institutionId}|${m.measure}`);
          if (h === undefined) return m.lines === 0 && m.excluded['excluded-kind'] === undefined;
          // exact: decimals compared as decimals, never as binary floats
          return m.platformAmount.equals(h[0]!) && m.totalAmount.equals(h[1]!) && m.emergencyAmount.equals(h[2]!) && Number(h[3]) === m.lines;
        });
        const f = { lines, institutions: count, period: period !== undefined, hand: median(times.hand), compiled: median(times.compiled), ratio: median(times.compiled) / median(times.hand), same };
        figures.push(f);
        console.log(`  ${lines.toLocaleString('en')} lines, ${count} institutions, ${period === undefined ? 'no period' : 'a quarter'}: hand-written ${f.hand.toFixed(0)} ms, compiled ${f.compiled.toFixed(0)} ms, ratio ${f.ratio.toFixed(2)}${same ? '' : ' — SUMS DIFFER'}`);
      }
      db.closeSync();
      instance.closeSync();
    }
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('DuckDB: the compiled measures query against a hand-written GROUP BY with the exclusions by reason (issue 28)');
  await benchSqlShapes(process.argv.includes('--quick'));
}
