/**
 * Loads a CSV of purchase lines into an in-memory DuckDB, runs the SQL compiled from jiangsu-2022,
 * reads the rows back with ratesFromSQL and prints the measures, the target checks, the regional
 * rates and the ledger: no hand-built measure. Run: `npm run example:duckdb`.
 * (The example may do I/O; the library only returns SQL text and reads rows it is given.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregateRates, checkTargets, compileRatesSQL, EXCLUSION_LABELS, formatRate, getPolicy, measureOnlineRates, ratesFromSQL, REJECTION_LABELS, type RejectionKey } from '../src/index';
import { SAMPLE_INSTITUTIONS, SAMPLE_PERIOD, sampleLines } from './data/sample-city';
import { table } from './table';

// 1. a CSV as a hospital system would export it: every line of the sample city, the bad ones too
const dir = mkdtempSync(join(tmpdir(), 'sunshine-'));
const csv = join(dir, 'purchase_lines.csv');
const lines = sampleLines();
writeFileSync(csv, ['institution_id,received_on,category,kind,high_value,insurance_code,channel,amount', ...lines.map((l) => [l.institutionId, l.receivedOn, l.category, l.kind ?? '', l.highValue ?? '', l.insuranceCode ?? '', l.channel, `"${String(l.amount)}"`].join(','))].join('\n'));

// 2. load it into DuckDB: an impossible date or an unreadable amount becomes NULL, which the queries reject
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run('CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
for (const i of SAMPLE_INSTITUTIONS) await db.run(`INSERT INTO institutions VALUES ('${i.id}', '${i.level}', '${i.ownership}', '${i.region?.province}', '${i.region?.city}', '${i.region?.county}')`);
await db.run(
  `CREATE TABLE purchase_lines AS SELECT institution_id, TRY_CAST(received_on AS DATE) AS received_on, category, NULLIF(kind, '') AS kind,
     TRY_CAST(high_value AS BOOLEAN) AS high_value, NULLIF(insurance_code, '') AS insurance_code, channel, TRY_CAST(amount AS DECIMAL(18, 2)) AS amount
   FROM read_csv('${csv}', header = true, all_varchar = true)`,
);

// 3. the compiled queries, read back into the library's types
const policy = getPolicy('jiangsu-2022');
const sql = compileRatesSQL(policy, { dialect: 'duckdb', period: SAMPLE_PERIOD });
const rows = async (text: string) => (await db.runAndReadAll(text)).getRows(); // getRows keeps decimals exact
const result = ratesFromSQL({ measures: await rows(sql.measures), ledger: await rows(sql.ledger) }, { policy, institutions: SAMPLE_INSTITUTIONS, period: SAMPLE_PERIOD });
const names = new Map(SAMPLE_INSTITUTIONS.map((i) => [i.id, i.name ?? i.id]));

console.log(`DuckDB · ${policy.document} · ${SAMPLE_PERIOD.from} – ${SAMPLE_PERIOD.to}\n`);
console.log(table(['机构', '指标', '省平台（元）', '院内（元）', '网采率', '状态'], result.measures.map((m) => [names.get(m.institutionId)!, m.label, m.platformAmount.toFixed(2), m.totalAmount.toFixed(2), formatRate(m.rate), m.status]), [2, 3, 4]));
console.log('\n目标考核 / target checks\n');
console.log(table(['机构', '指标', '网采率', '目标', '结果', '需转入（元）'], checkTargets(result.measures, policy).map((c) => [names.get(c.subject.id) ?? c.subject.id, c.label, formatRate(c.rate), formatRate(c.target, { digits: 0 }), c.meets === null ? '无数据' : c.meets ? '达标' : '未达标', c.shortfallAmount?.toFixed(2) ?? '—']), [2, 3, 5]));
console.log('\n区县网采率（同级 Σ/Σ） / regional rates by county and level\n');
console.log(table(['区县', '级别', '指标', '机构数', '网采率'], aggregateRates(result.measures, { by: 'county' }).map((r) => [r.region.id ?? '—', r.level, r.label, String(r.institutions), formatRate(r.rate)]), [3, 4]));

console.log('\n台账 / ledger (the database counts rejected lines by reason; it does not list them)\n');
const { ledger } = result;
console.log(
  table(
    ['去向', '原因', '行数', '金额（元）'],
    [
      ['输入', '', String(ledger.input.lines), ledger.input.amount.toFixed(2)],
      ['纳入', '', String(ledger.included.lines), ledger.included.amount.toFixed(2)],
      ...Object.entries(ledger.excluded.byReason).filter(([, t]) => t.lines > 0).map(([r, t]) => ['剔除', EXCLUSION_LABELS[r as keyof typeof EXCLUSION_LABELS], String(t.lines), t.amount.toFixed(2)]),
      ...Object.entries(ledger.rejected.byReason ?? {}).map(([r, t]) => ['拒收', REJECTION_LABELS[r as RejectionKey], String(t!.lines), t!.amount.toFixed(2)]),
    ],
    [2, 3],
  ),
);
console.log(`\n输入 = 纳入 + 剔除 + 拒收 / balanced: ${ledger.balanced ? 'yes' : 'NO'}`);

// 4. the same lines through the JavaScript engine give the same measures
const js = measureOnlineRates(lines, { policy, institutions: SAMPLE_INSTITUTIONS, period: SAMPLE_PERIOD });
const same = js.measures.length === result.measures.length && js.measures.every((m, k) => m.totalAmount.equals(result.measures[k]!.totalAmount) && m.platformAmount.equals(result.measures[k]!.platformAmount));
console.log(`same measures as measureOnlineRates on the CSV's lines: ${same ? 'yes' : 'NO'}`);
db.closeSync();
instance.closeSync();
if (!same || !ledger.balanced) process.exit(1);
