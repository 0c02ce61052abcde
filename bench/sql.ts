/**
 * The compiled SQL in DuckDB against the JavaScript accumulator on the same generated lines.
 */
import { DuckDBDateValue, DuckDBDecimalValue, DuckDBInstance } from '@duckdb/node-api';
import { compileRatesSQL, createRateAccumulator } from '../src/index';
import { benchInstitutions, generateLines } from './generate';

export async function benchSql(count: number): Promise<void> {
  const institutions = benchInstitutions();
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run('CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
  await db.run('CREATE TABLE purchase_lines (institution_id VARCHAR, received_on DATE, category VARCHAR, kind VARCHAR, high_value BOOLEAN, insurance_code VARCHAR, channel VARCHAR, amount DECIMAL(18, 2))');
  const ia = await db.createAppender('institutions');
  for (const i of institutions) {
    ia.appendVarchar(i.id);
    ia.appendVarchar(i.level);
    ia.appendVarchar(i.ownership);
    ia.appendVarchar(i.region!.province!);
    ia.appendVarchar(i.region!.city!);
    ia.appendVarchar(i.region!.county!);
    ia.endRow();
  }
  ia.closeSync();
  const epoch = Date.UTC(1970, 0, 1);
  const dayOf = new Map<string, number>();
  let t = performance.now();
  const la = await db.createAppender('purchase_lines');
  for (const l of generateLines(count, 11)) {
    let day = dayOf.get(l.receivedOn);
    if (day === undefined) dayOf.set(l.receivedOn, (day = (Date.parse(`${l.receivedOn}T00:00:00Z`) - epoch) / 86400000));
    la.appendVarchar(l.institutionId);
    la.appendDate(new DuckDBDateValue(day));
    la.appendVarchar(l.category);
    if (l.kind === undefined) la.appendNull();
    else la.appendVarchar(l.kind);
    la.appendBoolean(l.highValue);
    if (l.insuranceCode === undefined) la.appendNull();
    else la.appendVarchar(l.insuranceCode);
    la.appendVarchar(l.channel);
    la.appendDecimal(new DuckDBDecimalValue(BigInt(l.amount.replace('.', '')), 18, 2));
    la.endRow();
  }
  la.closeSync();
  const load = (performance.now() - t) / 1000;

  const sql = compileRatesSQL('jiangsu-2022', { dialect: 'duckdb' });
  t = performance.now();
  const rows = (await db.runAndReadAll(sql.measures)).getRows();
  const ledger = (await db.runAndReadAll(sql.ledger)).getRows();
  const inDb = (performance.now() - t) / 1000;

  t = performance.now();
  const acc = createRateAccumulator({ policy: 'jiangsu-2022', institutions });
  acc.addAll(generateLines(count, 11));
  const result = acc.result();
  const inJs = (performance.now() - t) / 1000;

  const sqlTotal = rows.reduce((s, r) => s + BigInt(String(r[3]).replace('.', '').padEnd(1, '0')), BigInt(0));
  const jsTotal = result.measures.reduce((s, m) => s + BigInt(m.totalAmount.toFixed(2).replace('.', '')), BigInt(0));
  const sqlInput = ledger.find((r) => r[0] === 'input');
  const same = sqlTotal === jsTotal && String(sqlInput?.[3]) === result.ledger.input.amount.toFixed(2);
  console.log(`\ncompiled SQL in DuckDB (in memory) against the JavaScript accumulator, ${count.toLocaleString('en')} lines`);
  console.log(`  loading DuckDB (appender): ${load.toFixed(1)} s`);
  console.log(`  DuckDB, measures + ledger queries: ${inDb.toFixed(2)} s`);
  console.log(`  JavaScript accumulator (lines generated on the fly): ${inJs.toFixed(2)} s`);
  console.log(`  same totals to the fen: ${same ? 'yes' : 'NO'}`);
  db.closeSync();
  if (!same) throw new Error('the SQL and JavaScript totals differ');
}
