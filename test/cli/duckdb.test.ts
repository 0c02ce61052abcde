/**
 * The DuckDB engine of `rates` (issue 28: "the two engines give identical outputs — test on 100,000 random lines,
 * every built-in policy, with and without a period"). The JavaScript engine is the reference: its figures are held to
 * the library's own functions and to hand-worked examples in cli.test.ts; here every output file of `--engine duckdb`
 * (CSV) and of a Parquet file (read by DuckDB always) must be byte for byte the JavaScript engine's on the same lines.
 *
 * The 100,000 lines spell every value every way the adapter reads it (药品/西药/中成药/drug, 省平台/platform/…, kinds
 * by code and by label, high-value flags 是/Y/1/true/…, dates with and without a time of day, amounts with 0–6
 * decimals and negative ones), every institution in the list: DuckDB counts them alone (the summary says
 * `engine: duckdb`). Lines it cannot count alone (an institution not in the list, an unreadable amount, white space
 * around an id) send the files to the JavaScript engine, which lists those rows; a Parquet file's rows are then
 * numbered as the same records exported to CSV would be (its column names row 1, its first record row 2), a CSV's as
 * a spreadsheet numbers them (the header is row 1): the same rows listed alike, whichever the format.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { POLICIES, PRODUCT_KINDS } from '../../src/index';
import { cli, scratch } from './run';

let seed = 20261206;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

const HEADER = ['医疗机构编码', '入库日期', '类别', '品种', '是否高值', '医保代码', '采购渠道', '金额（元）'];
const INSTITUTIONS = Array.from({ length: 40 }, (_, i) => [`H${String(i).padStart(3, '0')}`, `医院${i}`, pick(['三级', '二级', '一级', '未定级']), pick(['公立', '公立', '非公立', '军队']), '江苏省', pick(['南通市', '苏州市', '赣州市']), pick(['崇川区', '海安市', '章贡区'])]);
/** Each kind by its code and by its label, by category (a kind of the other category is no kind: rejected). */
const KIND_SPELLINGS = (category: 'drug' | 'consumable') => Object.entries(PRODUCT_KINDS).flatMap(([code, k]) => (k.category === category ? [code, k.label] : []));

/** One random line every cell of which the adapter reads (so DuckDB counts it alone). */
function cleanLine(): string[] {
  const drug = random() < 0.6;
  const day = `2024-${String(1 + Math.floor(random() * 6)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const decimals = Math.floor(random() * 7);
  return [
    pick(INSTITUTIONS)[0]!,
    random() < 0.2 ? `${day} ${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:07` : random() < 0.05 ? `${day}T08:30` : day,
    drug ? pick(['药品', '药品', '西药', '中成药', 'drug']) : pick(['医用耗材', '耗材', 'consumable']),
    random() < 0.15 ? pick(KIND_SPELLINGS(drug ? 'drug' : 'consumable')) : '',
    drug ? pick(['否', '', 'N', '0']) : pick(['是', '否', 'Y', 'y', '1', '0', 'true', 'false', '高值', 'yes', 'no', '']),
    random() < 0.04 ? '' : `X${Math.floor(random() * 1000)}`,
    pick(['省平台', '省平台', '省平台', '平台', '网上', 'platform', '线下', '线下采购', '议价', 'offline', '应急', '应急采购', 'emergency', '其他']),
    `${random() < 0.01 ? '-' : ''}${(random() * 200000).toFixed(decimals)}`,
  ];
}

/** Lines DuckDB does not count alone: each makes the JavaScript engine read the files, and is listed at its row. */
const DIRTY: readonly ((line: string[]) => void)[] = [
  (l) => (l[0] = 'H999'), // not in the list: rejected by the library
  (l) => (l[7] = '12.3.4'), // no amount
  (l) => (l[0] = ` ${l[0]} `), // white space around the id: JavaScript trims it, SQL might not the same way
  (l) => (l[1] = '2024-02-30'), // no such day
  (l) => (l[6] = '网购'), // no channel the adapter knows
  (l) => (l[3] = ['药品', '西药', '中成药', 'drug'].includes(l[2]!) ? '体外诊断试剂' : '中药饮片'), // a kind of the other category
];

const csv = (rows: readonly string[][]) => `${[HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;

async function duckdb(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run(sql);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

const files = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const summary = (stdout: string) => JSON.parse(stdout) as { engine: string; engineNote?: string; rows: { read: number; notCounted: number }; ledger: { input: { lines: number } } };

describe('rates --engine duckdb and Parquet', () => {
  const dir = scratch();
  writeFileSync(join(dir, '机构名单.csv'), ['编码,名称,级别,性质,省,市,县', ...INSTITUTIONS.map((r) => r.join(','))].join('\n'));
  const clean = Array.from({ length: 100_000 }, cleanLine);
  // as spreadsheets save it: a BOM, and some cells in quotes (one in a hundred)
  writeFileSync(join(dir, '明细 clean.csv'), `\uFEFF${csv(clean.map((l) => l.map((c) => (random() < 0.01 ? `"${c}"` : c))))}`);
  const run = (lines: string, out: string, extra: readonly string[]) =>
    cli(['rates', '--lines', join(dir, lines), '--institutions', join(dir, '机构名单.csv'), '--out', join(dir, out), '--json', '--max-rejected', '100000', ...extra]);

  it('gives the JavaScript engine\'s outputs, byte for byte, on 100,000 random lines: every built-in policy, with and without a period, from CSV and from Parquet', async () => {
    // the same cells in Parquet: as text, and typed (DATE days, DECIMAL amounts), as a warehouse would write them
    const read = `read_csv('${join(dir, '明细 clean.csv')}', all_varchar = true)`;
    await duckdb(`COPY (SELECT * FROM ${read}) TO '${join(dir, 'clean.parquet')}' (FORMAT parquet)`);
    await duckdb(`COPY (SELECT * REPLACE (CAST(substr("入库日期", 1, 10) AS DATE) AS "入库日期", CAST("金额（元）" AS DECIMAL(18, 6)) AS "金额（元）") FROM ${read}) TO '${join(dir, 'typed.parquet')}' (FORMAT parquet)`);
    // timestamps (a time of day, or midnight) and binary floating-point amounts (read as the text DuckDB writes them:
    // every amount here has at most 12 significant digits, which a DOUBLE keeps)
    await duckdb(`COPY (SELECT * REPLACE (CAST(replace("入库日期", 'T', ' ') AS TIMESTAMP) AS "入库日期", CAST("金额（元）" AS DOUBLE) AS "金额（元）") FROM ${read}) TO '${join(dir, 'timestamps.parquet')}' (FORMAT parquet)`);
    for (const policy of Object.keys(POLICIES)) {
      for (const period of [[], ['--period', '2024Q2']]) {
        const name = `${policy}${period.length > 0 ? '-Q2' : ''}`;
        const flags = ['--policy', policy, ...period];
        const js = await run('明细 clean.csv', `${name}-js`, flags);
        expect(js.code, js.stderr).toBe(0);
        expect(summary(js.stdout).engine).toBe('js');
        // every row counted or excluded by rule: none rejected, none listed
        expect(summary(js.stdout).rows).toEqual({ read: 100_000, notCounted: 0 });
        const expected = files(join(dir, `${name}-js`));
        for (const [lines, engine] of [['明细 clean.csv', ['--engine', 'duckdb']], ['clean.parquet', []], ['typed.parquet', []], ['timestamps.parquet', []]] as const) {
          const out = `${name}-${lines}`;
          const r = await run(lines, out, [...flags, ...engine]);
          expect(r.code, r.stderr).toBe(0);
          expect(summary(r.stdout).engine, `${out}: ${summary(r.stdout).engineNote}`).toBe('duckdb');
          expect(summary(r.stdout).ledger.input.lines).toBe(100_000);
          expect(files(join(dir, out)), out).toEqual(expected);
        }
      }
    }
  }, 600_000);

  it('sends lines it cannot count alone to the JavaScript engine, which lists them at their rows (a Parquet file\'s as its CSV\'s)', async () => {
    const rows = clean.slice(0, 3000).map((l) => [...l]);
    const dirtyAt = new Map<number, number>();
    for (let k = 0; k < 60; k++) {
      let at = Math.floor(random() * rows.length);
      while (dirtyAt.has(at)) at = (at + 1) % rows.length;
      const how = k % DIRTY.length;
      DIRTY[how]!(rows[at]!);
      dirtyAt.set(at, how);
    }
    writeFileSync(join(dir, 'dirty.csv'), csv(rows));
    await duckdb(`COPY (SELECT * FROM read_csv('${join(dir, 'dirty.csv')}', all_varchar = true)) TO '${join(dir, 'dirty.parquet')}' (FORMAT parquet)`);
    const js = await run('dirty.csv', 'dirty-js', []);
    const db = await run('dirty.csv', 'dirty-duckdb', ['--engine', 'duckdb']);
    const pq = await run('dirty.parquet', 'dirty-parquet', []);
    for (const r of [js, db, pq]) expect(r.code, r.stderr).toBe(0);
    expect(summary(db.stdout).engine).toBe('js');
    expect(summary(db.stdout).engineNote).toMatch(/需逐行列出 \/ rows must be listed/);
    expect(files(join(dir, 'dirty-duckdb'))).toEqual(files(join(dir, 'dirty-js')));
    // the Parquet file: the same figures, the same rows listed at the same rows
    const listed = (out: string) => readFileSync(join(dir, out, '未计入的行.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    const fromCsv = listed('dirty-js');
    // every dirty line is listed but the ids with white space around them: JavaScript trims those and counts the line
    expect(fromCsv.length).toBe([...dirtyAt.values()].filter((how) => how !== 2).length);
    expect(fromCsv.map((r) => Number(r[1])).sort((a, b) => a - b)).toEqual([...dirtyAt].filter(([, how]) => how !== 2).map(([at]) => at + 2).sort((a, b) => a - b));
    expect(listed('dirty-parquet')).toEqual(fromCsv.map(([file, ...rest]) => [file!.replace('dirty.csv', 'dirty.parquet'), ...rest]));
    for (const f of ['结果.json', '结果.csv', '通报.md', '通报.html']) expect(readFileSync(join(dir, 'dirty-parquet', f), 'utf8'), f).toBe(readFileSync(join(dir, 'dirty-js', f), 'utf8').replaceAll('dirty.csv', 'dirty.parquet'));
  }, 120_000);

  it('lists a Parquet file\'s rows as its CSV\'s would be: cells with a comma, a quote or a line break kept whole; a row of nulls skipped, not renumbering the rows after it', async () => {
    const good = clean[0]!;
    const row = (cells: readonly (string | null)[]) => `(${cells.map((c) => (c === null ? 'NULL' : `'${c.replace(/'/g, "''")}'`)).join(', ')})`;
    const odd = 'H"9,\n9';
    const values = [good, HEADER.map(() => null), [odd, ...good.slice(1)], [...good.slice(0, 7), '1.2.3']].map(row).join(', ');
    await duckdb(`COPY (SELECT * FROM (VALUES ${values}) t(${HEADER.map((h) => `"${h}"`).join(', ')})) TO '${join(dir, 'odd.parquet')}' (FORMAT parquet)`);
    const r = await run('odd.parquet', 'odd', []);
    expect(r.code, r.stderr).toBe(0);
    expect(summary(r.stdout).rows).toEqual({ read: 3, notCounted: 2 });
    // records 3 and 4 are rows 4 and 5 (the column names row 1, record 1 row 2, the row of nulls row 3)
    const listed = readFileSync(join(dir, 'odd', '未计入的行.csv'), 'utf8');
    expect(listed).toContain(`odd.parquet,4,医疗机构编码,"H""9,\n9",`);
    expect(listed).toContain('odd.parquet,5,金额（元）,1.2.3,');
  }, 60_000);

  it('reads a Parquet file\'s columns by their names, in any order, beside a CSV', async () => {
    mkdirSync(join(dir, 'mixed'), { recursive: true });
    const half = clean.slice(0, 2000);
    writeFileSync(join(dir, 'a.csv'), csv(half.slice(0, 1000)));
    writeFileSync(join(dir, 'b.csv'), csv(half.slice(1000)));
    await duckdb(`COPY (SELECT "金额（元）", "采购渠道", "医保代码", "是否高值", "品种", "类别", "入库日期", "医疗机构编码" FROM read_csv('${join(dir, 'b.csv')}', all_varchar = true)) TO '${join(dir, 'b.parquet')}' (FORMAT parquet)`);
    writeFileSync(join(dir, 'ab.csv'), csv(half));
    const both = await run('ab.csv', 'ab-js', []);
    const mixed = await cli(['rates', '--lines', join(dir, 'a.csv'), join(dir, 'b.parquet'), '--institutions', join(dir, '机构名单.csv'), '--out', join(dir, 'ab-mixed'), '--json']);
    expect(mixed.code, mixed.stderr).toBe(0);
    expect(summary(mixed.stdout).engine).toBe('duckdb');
    expect(files(join(dir, 'ab-mixed'))).toEqual(files(join(dir, 'ab-js')));
    expect(both.code).toBe(0);
  }, 60_000);
});
