/**
 * Loads a CSV of purchase lines into an in-memory DuckDB, runs the SQL compiled from jiangsu-2022,
 * and prints the measures and the target checks. Run: `npm run example:duckdb`.
 * (The example may do I/O; the library only returns SQL text.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { checkTargets, compileRatesSQL, formatRate, getPolicy, onlinePurchaseRate, type InstitutionMeasure } from '../src/index';
import { SAMPLE_INSTITUTIONS, SAMPLE_PERIOD, sampleLines } from './data/sample-city';
import { table } from './table';

// 1. a CSV as a hospital system would export it (the sample city's lines; rejected lines left out of the file)
const dir = mkdtempSync(join(tmpdir(), 'sunshine-'));
const csv = join(dir, 'purchase_lines.csv');
const ok = sampleLines().filter((l) => /^-?\d+(\.\d+)?$/.test(String(l.amount)) && !String(l.receivedOn).endsWith('-30') && l.institutionId !== 'SZ-X99');
writeFileSync(csv, ['institution_id,received_on,category,kind,high_value,insurance_code,channel,amount', ...ok.map((l) => [l.institutionId, l.receivedOn, l.category, l.kind ?? '', l.highValue ?? '', l.insuranceCode ?? '', l.channel, l.amount].join(','))].join('\n'));

// 2. load it into DuckDB with an exact decimal amount column
const db = await (await DuckDBInstance.create(':memory:')).connect();
await db.run('CREATE TABLE institutions (id VARCHAR PRIMARY KEY, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
for (const i of SAMPLE_INSTITUTIONS) await db.run(`INSERT INTO institutions VALUES ('${i.id}', '${i.level}', '${i.ownership}', '${i.region?.province}', '${i.region?.city}', '${i.region?.county}')`);
await db.run(
  `CREATE TABLE purchase_lines AS SELECT institution_id, received_on, category, NULLIF(kind, '') AS kind, TRY_CAST(high_value AS BOOLEAN) AS high_value, NULLIF(insurance_code, '') AS insurance_code, channel, CAST(amount AS DECIMAL(18, 2)) AS amount
   FROM read_csv('${csv}', header = true, all_varchar = true, types = {'received_on': 'DATE'})`,
);

// 3. the compiled queries
const policy = getPolicy('jiangsu-2022');
const sql = compileRatesSQL(policy, { dialect: 'duckdb', period: SAMPLE_PERIOD });
const rows = (await db.runAndReadAll(sql.measures)).getRows();
const names = new Map(SAMPLE_INSTITUTIONS.map((i) => [i.id, i]));
const measures: InstitutionMeasure[] = rows.map((r) => {
  const inst = names.get(String(r[0]))!;
  const figures = onlinePurchaseRate({ platformAmount: String(r[2]), totalAmount: String(r[3]), emergencyAmount: String(r[4]) });
  return {
    subject: { type: 'institution', id: inst.id },
    institutionId: inst.id,
    institutionName: inst.name,
    measure: String(r[1]) as 'drug' | 'consumable',
    label: String(r[1]) === 'drug' ? '药品' : '医用耗材',
    level: inst.level,
    ownership: inst.ownership,
    region: inst.region ?? {},
    ...figures,
    lines: Number(r[5]),
    excluded: {},
    policyId: policy.id,
    citation: { policyId: policy.id, document: policy.document, clause: 'annex 1 §1(1)' },
  };
});
console.log(`DuckDB · ${policy.document} · ${SAMPLE_PERIOD.from} – ${SAMPLE_PERIOD.to}\n`);
console.log(table(['机构', '指标', '省平台（元）', '院内（元）', '网采率'], measures.map((m) => [m.institutionName ?? m.institutionId, m.label, m.platformAmount.toFixed(2), m.totalAmount.toFixed(2), formatRate(m.rate)]), [2, 3, 4]));
console.log('\n目标考核 / target checks\n');
console.log(table(['机构', '指标', '网采率', '目标', '结果', '需转入（元）'], checkTargets(measures, policy).map((c) => [names.get(c.subject.id)?.name ?? c.subject.id, c.label, formatRate(c.rate), formatRate(c.target, { digits: 0 }), c.meets === null ? '无数据' : c.meets ? '达标' : '未达标', c.shortfallAmount?.toFixed(2) ?? '—']), [2, 3, 5]));
console.log('\n台账 / ledger\n');
console.log(table(['去向', '原因', '行数', '金额（元）'], (await db.runAndReadAll(sql.ledger)).getRows().map((r) => [String(r[0]), r[1] === null ? '' : String(r[1]), String(r[2]), String(r[3])]), [2, 3]));
db.closeSync();
