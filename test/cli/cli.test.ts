/**
 * The command line (issue 28), spawned as users run it. Figures worked by hand: the example files (cli/example/, jiangsu-2022,
 * 苏医保发〔2022〕38号 annex 1: drugs ≥ 85 %, consumables ≥ 75 %, Σ platform ÷ Σ total per institution):
 *
 *   H0001 药品      8,500 (省平台) / (8,500 + 1,500) = 85.00 %: met (row 6's 中药饮片 700 excluded, annex 1 §1(2))
 *   H0001 医用耗材  6,000 / (6,000 + 2,000)         = 75.00 %: met
 *   H0002 药品      7,000 / (7,000 + 3,000)         = 70.00 %: missed; to 85 % with the total unchanged: 0.85 × 10,000 − 7,000
 *                   = 1,500.00 moved to the platform; or x added on the platform: (7,000 + x) / (10,000 + x) = 0.85 → x = 10,000.00
 *   H0002 医用耗材  3,000 / (3,000 + 1,000)         = 75.00 %: met (row 10 without 医保代码, 500, excluded)
 *   H0003           no line: 未报送
 *   ledger: 11 lines reach the library (row 13's 2024-02-30 is no date: unreadable), 33,600.00 = 32,000.00 included
 *           + 1,200.00 excluded (700 + 500) + 400.00 rejected (row 12, H0009 not in the list)
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';
import iconv from 'iconv-lite';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { compileRatesSQL, fromCsvRows, measureOnlineRates, POLICIES, reportingSchedule, type InstitutionInput } from '../../src/index';
import { cli, scratch } from './run';
import { badCsv, coverWorkbook, gbkCsv, GOOD_LINES, INSTITUTIONS, institutionsCsv, lineInput, utf8Csv, workbook } from '../calculator/data';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'cli', 'example');
const csvRows = (text: string) => text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));

describe('rates', () => {
  it('on the example files gives the figures worked by hand, and writes the page\'s five files', async () => {
    const out = scratch();
    const r = await cli(['rates', '--example', '--out', out, '--as-of', '2024-04-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('台账 ledger: 输入 11 行 = 计入 8 + 剔除 2 + 未计入 1，金额 33,600.00 = 32,000.00 + 1,200.00 + 400.00 元 — 平衡 / balanced');
    expect(r.stdout).toContain('期间 period: 2024年第一季度（数据日期 2024-01-05 至 2024-03-08');
    expect(r.stdout).toContain('示例县人民医院（H0002） 二级 药品: 网采率 70.00%，目标 85.00%；需转入省平台 1,500.00 元，或新增省平台采购 10,000.00 元');
    expect(r.stdout).toContain('未达标 below target: 1\n');
    expect(readdirSync(out).sort()).toEqual(['未计入的行.csv', '结果.csv', '结果.json', '通报.html', '通报.md'].sort());
    const rows = csvRows(readFileSync(join(out, '结果.csv'), 'utf8'));
    const row = (id: string, measure: string) => rows.find((c) => c[1] === id && c[4] === measure)!;
    // 网采率, exact, 状态, lines, 目标, 考核结果, margin, move, add
    expect(row('H0001', '药品').slice(8)).toEqual(['85.00%', '0.85', '正常', '2', '85.00%', '达标', '0.00', '0.00', '0.00']);
    expect(row('H0001', '医用耗材').slice(8)).toEqual(['75.00%', '0.75', '正常', '2', '75.00%', '达标', '0.00', '0.00', '0.00']);
    expect(row('H0002', '药品').slice(8)).toEqual(['70.00%', '0.7', '正常', '2', '85.00%', '未达标', '-15.00', '1500.00', '10000.00']);
    expect(row('H0002', '医用耗材').slice(8, 14)).toEqual(['75.00%', '0.75', '正常', '2', '75.00%', '达标']);
    expect(row('H0003', '药品').slice(8, 14)).toEqual(['', '', '未报送', '0', '85.00%', '未报送']);
    // the two rows not counted, each with its file, row, column and value
    const problems = csvRows(readFileSync(join(out, '未计入的行.csv'), 'utf8'));
    expect(problems.map((p) => p.slice(0, 4))).toEqual([
      ['文件', '行', '列', '值'],
      ['采购明细.csv', '12', '医疗机构编码', 'H0009'],
      ['采购明细.csv', '13', '入库日期', '2024-02-30'],
    ]);
    const json = JSON.parse(readFileSync(join(out, '结果.json'), 'utf8'));
    expect(json.ledger.input).toEqual({ lines: 11, amount: '33600' });
    expect(readFileSync(join(out, '通报.md'), 'utf8')).toContain('统计期间：2024年第一季度　发布日期：2024-04-20　依据：苏医保发〔2022〕38号');
    expect(readFileSync(join(out, '通报.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('prints the summary as JSON with --json, shortfalls rounded up to the fen as shown', async () => {
    const out = scratch();
    const r = await cli(['rates', '--example', '--out', out, '--json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s.ledger).toEqual({ input: { lines: 11, amount: '33600' }, included: { lines: 8, amount: '32000' }, excluded: { lines: 2, amount: '1200' }, rejected: { lines: 1, amount: '400' }, balanced: true });
    expect(s.belowTarget).toEqual([expect.objectContaining({ type: 'institution', id: 'H0002', measure: 'drug', rate: '0.7', target: '0.85', moveToPlatform: '1500.00', addPlatformPurchases: '10000.00' })]);
    expect(s.period).toEqual({ from: '2024-01-01', to: '2024-03-31', label: '2024年第一季度' });
    expect(s.rows).toEqual({ read: 12, notCounted: 2 });
    expect(s.written).toEqual([join(out, '结果.json')]);
  });

  it('reads the same lines alike from UTF-8 and GBK CSV, a workbook, one with a cover sheet, tab-separated UTF-16: as measureOnlineRates counts them', async () => {
    const dir = scratch();
    const institutions: InstitutionInput[] = INSTITUTIONS.map((i) => i.input);
    const period = { from: '2024-01-01', to: '2024-03-31' };
    const expected = measureOnlineRates(GOOD_LINES.map(lineInput), { policy: 'jiangsu-2022', institutions, period });
    writeFileSync(join(dir, '南通 明细.csv'), utf8Csv());
    writeFileSync(join(dir, '苏州 明细.csv'), gbkCsv());
    writeFileSync(join(dir, '机构 名单.csv'), institutionsCsv());
    writeFileSync(join(dir, 'workbook.xlsx'), await workbook());
    writeFileSync(join(dir, 'cover.xlsx'), await coverWorkbook());
    // the UTF-8 file again, tab-separated, in UTF-16LE with its BOM
    const tabbed = utf8Csv().toString('utf8').replace(/^\uFEFF/, '').replaceAll(',', '\t');
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tabbed, 'utf16le')]));
    const runs = {
      csv: ['南通 明细.csv', '苏州 明细.csv'],
      xlsx: ['workbook.xlsx'],
      cover: ['cover.xlsx'],
      utf16: ['utf16.txt', '苏州 明细.csv'],
    };
    for (const [name, files] of Object.entries(runs)) {
      const out = join(dir, `out ${name}`);
      const r = await cli(['rates', '--lines', ...files.map((f) => join(dir, f)), '--institutions', join(dir, '机构 名单.csv'), '--period', '2024Q1', '--out', out, '--format', 'json', '--quiet'], dir);
      expect(r, name).toMatchObject({ code: 0, stdout: '', stderr: '' });
      const json = JSON.parse(readFileSync(join(out, '结果.json'), 'utf8'));
      expect(json.measures, name).toEqual(JSON.parse(JSON.stringify(expected.measures)));
      expect(json.ledger.input, name).toEqual(JSON.parse(JSON.stringify(expected.ledger.input)));
    }
  });

  it('reads 3503 records with the interface, institution and channel given as flags, numbering records from 1', async () => {
    const dir = scratch();
    const record = (code: string, price: string, count: string, time: string, gift = '0') => ({ med_list_codg: code, fixmedins_hilist_id: 'K', finl_trns_pric: price, purc_retn_cnt: count, purc_retn_stoin_time: time, prod_geay_flag: gift });
    // H0001, all on the platform: drugs 12.5 × 40 = 500.00 and 2.25 × 100 = 225.00; a consumable 300 × 2 = 600.00; a gift (record 4)
    writeFileSync(join(dir, '3503.json'), JSON.stringify([record('XA01', '12.5', '40', '2024-02-01 10:00:00'), record('XA02', '2.25', '100', '2024-02-02 10:00:00'), record('C0101', '300', '2', '2024-02-03 10:00:00'), record('XA03', '9', '9', '2024-02-04 10:00:00', '1')]));
    const missing = await cli(['rates', '--lines', join(dir, '3503.json'), '--institutions', join(EXAMPLE, '机构名单.csv'), '--out', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--interface 3503|3504, --institution-id ID, --channel platform|emergency|offline');
    const r = await cli(['rates', '--lines', join(dir, '3503.json'), '--institutions', join(EXAMPLE, '机构名单.csv'), '--interface', '3503', '--institution-id', 'H0001', '--channel', 'platform', '--out', dir, '--json', '--format', 'csv,json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, '结果.json'), 'utf8'));
    const h1 = json.measures.filter((m: { institutionId: string }) => m.institutionId === 'H0001').map((m: { measure: string; platformAmount: string; totalAmount: string }) => [m.measure, m.platformAmount, m.totalAmount]);
    expect(h1).toEqual([
      ['drug', '725', '725'],
      ['consumable', '600', '600'],
    ]);
    expect(json.problems).toEqual([expect.objectContaining({ file: '3503.json', row: 4, reason: '剔除：gift / excluded: gift' })]);
  });

  it('gives what the library gives on random data, for every built-in policy, with and without a period', async () => {
    const dir = scratch();
    let seed = 20261205;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const institutions = Array.from({ length: 12 }, (_, i) => [`H${i}`, `医院${i}`, pick(['三级', '二级', '一级', '未定级']), pick(['公立', '公立', '非公立', '军队']), '江苏省', pick(['南通市', '苏州市']), pick(['崇川区', '海安市'])]);
    writeFileSync(join(dir, 'inst.csv'), ['编码,名称,级别,性质,省,市,县', ...institutions.map((r) => r.join(','))].join('\n'));
    const header = ['医疗机构编码', '入库日期', '类别', '品种', '是否高值', '医保代码', '采购渠道', '金额（元）'];
    const rows = Array.from({ length: 3000 }, () => {
      const category = pick(['药品', '药品', '医用耗材']);
      return [
        pick([...institutions.map((r) => r[0]!), 'H99']),
        `2024-${String(1 + Math.floor(random() * 6)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        category,
        random() < 0.1 ? (category === '药品' ? pick(['中药饮片', '麻醉药品', '疫苗']) : '体外诊断试剂') : '',
        category === '医用耗材' ? pick(['是', '否']) : '否',
        random() < 0.05 ? '' : `X${Math.floor(random() * 100)}`,
        pick(['省平台', '省平台', '线下', '应急']),
        random() < 0.02 ? '12.3.4' : (random() * 100000).toFixed(Math.floor(random() * 3)),
      ];
    });
    writeFileSync(join(dir, 'lines.csv'), [header, ...rows].map((r) => r.join(',')).join('\n'));
    const keyed = rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]!])));
    const list = (await import('../../examples/calculator/input')).readInstitutions({ name: 'inst.csv', headers: ['编码', '名称', '级别', '性质', '省', '市', '县'], rows: institutions.map((r) => Object.fromEntries(['编码', '名称', '级别', '性质', '省', '市', '县'].map((h, k) => [h, r[k]!]))), firstRow: 2 }).institutions;
    for (const policy of Object.keys(POLICIES) as (keyof typeof POLICIES)[]) {
      for (const period of [undefined, '2024Q2']) {
        const out = join(dir, `${policy}-${period ?? 'all'}`);
        const r = await cli(['rates', '--lines', join(dir, 'lines.csv'), '--institutions', join(dir, 'inst.csv'), '--policy', policy, ...(period ? ['--period', period] : []), '--out', out, '--format', 'json', '--quiet', '--max-rejected', '100000']);
        expect(r.code, `${policy} ${period} ${r.stderr}`).toBe(0);
        const lines = fromCsvRows(keyed).lines;
        const expected = measureOnlineRates(lines, { policy, institutions: list, period: period ? { from: '2024-04-01', to: '2024-06-30' } : undefined });
        const json = JSON.parse(readFileSync(join(out, '结果.json'), 'utf8'));
        expect(json.measures, `${policy} ${period}`).toEqual(JSON.parse(JSON.stringify(expected.measures)));
        expect(json.ledger.excluded, `${policy} ${period}`).toEqual(JSON.parse(JSON.stringify(expected.ledger.excluded)));
      }
    }
  }, 120_000);
  it('reads a large UTF-8 file in ranges, in worker threads, to the same figures and the same rows not counted as alone; a quote in a later range reads it alone', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'inst.csv'), readFileSync(join(EXAMPLE, '机构名单.csv')));
    // the example's twelve rows 500 times (6,000 rows; H0009 and 2024-02-30 among them, 1,000 rows not counted)
    const body = readFileSync(join(EXAMPLE, '采购明细.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    const rows = Array.from({ length: 500 }, () => body.slice(1).filter((l) => l !== '')).flat();
    writeFileSync(join(dir, 'lines.csv'), [body[0], ...rows].join('\n'));
    // the same, with one quoted cell near the end (row 5,990: "H0001" is H0001)
    writeFileSync(join(dir, 'quoted.csv'), [body[0], ...rows.map((r, k) => (k === 5988 ? r.replace('H0001', '"H0001"') : r))].join('\n'));
    const run = async (file: string, threads: number) => {
      const out = join(dir, `${file}-${threads}`);
      const r = await cli(['rates', '--lines', join(dir, file), '--institutions', join(dir, 'inst.csv'), '--threads', String(threads), '--max-rejected', '5000', '--out', out, '--format', 'csv,json', '--json'], dir, { SUNSHINE_PARALLEL_FROM: '1000' });
      expect(r, `${file} ${threads}`).toMatchObject({ code: 0, stderr: '' });
      // read in as many ranges as threads, unless a quote sent it back to one
      expect(JSON.parse(r.stdout).threads, `${file} ${threads}`).toBe(file === 'quoted.csv' ? 1 : threads);
      return [readFileSync(join(out, '结果.json'), 'utf8'), readFileSync(join(out, '未计入的行.csv'), 'utf8')];
    };
    const [alone, aloneProblems] = await run('lines.csv', 1);
    // 6,000 rows: every row-13 duplicate (2024-02-30) and row-12 duplicate (H0009) listed at its own row
    const problemRows = csvRows(aloneProblems!).slice(1).map((p) => Number(p[1]));
    expect(problemRows.length).toBe(1000);
    expect(problemRows.slice(0, 4)).toEqual([12, 13, 24, 25]);
    expect(problemRows.at(-1)).toBe(6001);
    for (const threads of [2, 3]) expect(await run('lines.csv', threads)).toEqual([alone, aloneProblems]);
    // a BOM, two title rows above the header, CRLF: the ranges after the first keep the header and the rows' numbers
    writeFileSync(join(dir, 'titled.csv'), `\uFEFF采购明细（2024年第一季度）,,,,,,,\r\n填报单位：示例,,,,,,,\r\n${[body[0], ...rows].join('\r\n')}\r\n`);
    const [titledAlone, titledProblems] = await run('titled.csv', 1);
    expect(await run('titled.csv', 3)).toEqual([titledAlone, titledProblems]);
    // the header on row 3: every row two further down
    expect(csvRows(titledProblems!).slice(1).map((p) => Number(p[1]))).toEqual(problemRows.map((r) => r + 2));
    expect(JSON.parse(titledAlone!).measures).toEqual(JSON.parse(alone!).measures);
    // blank rows (an empty line before the header, then an empty line or one of commas after every 100th row): no data,
    // but rows of the file, so that data row k (from 0) is file row 3 + k + ⌊k / 100⌋, in every range
    writeFileSync(join(dir, 'blanks.csv'), `\n${body[0]}\n${rows.map((r, k) => (k % 100 === 99 ? `${r}\n${k % 200 === 99 ? '' : ',,,,,,,'}` : r)).join('\n')}\n`);
    const [blanksAlone, blanksProblems] = await run('blanks.csv', 1);
    expect(await run('blanks.csv', 3)).toEqual([blanksAlone, blanksProblems]);
    expect(csvRows(blanksProblems!).slice(1).map((p) => Number(p[1]))).toEqual(problemRows.map((r) => 3 + (r - 2) + Math.floor((r - 2) / 100)));
    expect(JSON.parse(blanksAlone!).measures).toEqual(JSON.parse(alone!).measures);
    const [quotedAlone] = await run('quoted.csv', 1);
    expect((await run('quoted.csv', 3))[0]).toBe(quotedAlone);
    expect(JSON.parse(quotedAlone!).ledger.input).toEqual(JSON.parse(alone!).ledger.input);
  }, 60_000);
});

describe('rates on bad input', () => {
  it('answers a misspelt flag with the nearest one and the usage, exit 2, no stack trace', async () => {
    const r = await cli(['rates', '--line', 'a.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--line'");
    expect(r.stderr).toContain('--lines');
    expect(r.stderr).toContain('Usage: sunshine-procurement rates');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a bad period, an unknown policy (with the nearest), a missing file, exit 2', async () => {
    const period = await cli(['rates', '--example', '--period', '2024Q5']);
    expect(period).toMatchObject({ code: 2 });
    expect(period.stderr).toContain('--period "2024Q5"');
    const day = await cli(['rates', '--example', '--period', '2024-02-01..2024-02-30']);
    expect(day.code).toBe(2);
    const policy = await cli(['rates', '--example', '--policy', 'jiangsu-2023']);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toMatch(/no such policy.*did you mean jiangsu-20(22|19)/);
    const missing = await cli(['rates', '--lines', '没有 这个.csv', '--institutions', join(EXAMPLE, '机构名单.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--lines 没有 这个.csv：文件不存在 / no such file');
    expect(`${period.stderr}${policy.stderr}${missing.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('names a file that is empty, an image, or lacks a needed column, exit 1; with --debug the stack too', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'picture.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'columns.csv'), '医疗机构编码,入库日期,类别,金额\nH0001,2024-01-05,药品,100\n');
    const inst = join(EXAMPLE, '机构名单.csv');
    const empty = await cli(['rates', '--lines', join(dir, 'empty.csv'), '--institutions', inst, '--out', dir]);
    expect(empty).toMatchObject({ code: 1 });
    expect(empty.stderr).toContain('empty.csv：文件为空 / the file is empty');
    const picture = await cli(['rates', '--lines', join(dir, 'picture.csv'), '--institutions', inst, '--out', dir]);
    expect(picture.code).toBe(1);
    expect(picture.stderr).toContain('picture.csv：不是文本、CSV、.xlsx 或 JSON 文件（开头的字节为 89 50 4E 47，是 PNG 图片） / not text, CSV, .xlsx or JSON (it begins 89 50 4E 47: a PNG image)');
    writeFileSync(join(dir, 'lines.parquet'), Buffer.from('PAR1\u0015\u0000PAR1', 'latin1'));
    const parquet = await cli(['rates', '--lines', join(dir, 'lines.parquet'), '--institutions', inst, '--out', dir]);
    // a file that begins as Parquet does (PAR1) is DuckDB's to read: a broken one is named
    expect(parquet.code).toBe(1);
    expect(parquet.stderr).toContain('lines.parquet：DuckDB 无法读取这个 Parquet 文件（');
    const columns = await cli(['rates', '--lines', join(dir, 'columns.csv'), '--institutions', inst, '--out', dir]);
    expect(columns.code).toBe(1);
    expect(columns.stderr).toContain('columns.csv：缺少列 采购渠道');
    expect(`${empty.stderr}${picture.stderr}${parquet.stderr}${columns.stderr}`).not.toMatch(/\n\s+at /);
    const debug = await cli(['rates', '--lines', join(dir, 'empty.csv'), '--institutions', inst, '--out', dir, '--debug']);
    expect(debug.stderr).toMatch(/\n\s+at /);
    // nothing was written by the failed runs
    expect(readdirSync(dir).sort()).toEqual(['columns.csv', 'empty.csv', 'lines.parquet', 'picture.csv']);
  });

  it('lists bad rows and goes on; more than --max-rejected, or any with --strict, is exit 1 with nothing written', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.csv'), badCsv());
    copyFileSync(join(EXAMPLE, '机构名单.csv'), join(dir, 'inst.csv'));
    // bad.csv: five rows, each wrong in one cell (test/calculator/data.ts): four unreadable, H99 rejected by the library
    const ok = await cli(['rates', '--lines', join(dir, 'bad.csv'), '--institutions', join(dir, 'inst.csv'), '--out', join(dir, 'ok'), '--format', 'csv']);
    expect(ok.code).toBe(0);
    const problems = csvRows(readFileSync(join(dir, 'ok', '未计入的行.csv'), 'utf8')).slice(1).map((p) => [p[1], p[2], p[3]]);
    expect(problems).toEqual([
      ['2', '入库日期', '2024-02-30'],
      ['3', '金额（元）', '12.3.4'],
      ['4', '医疗机构编码', 'H99'],
      ['5', '类别', '器械'],
      ['6', '是否高值', '也许'],
    ]);
    const over = await cli(['rates', '--lines', join(dir, 'bad.csv'), '--institutions', join(dir, 'inst.csv'), '--out', join(dir, 'over'), '--max-rejected', '4']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('more than 4 rows could not be counted: stopped, nothing written');
    expect(over.stderr).toContain('bad.csv 第 2 行 row 2，列 column 入库日期，值 value "2024-02-30"');
    const strict = await cli(['rates', '--lines', join(dir, 'bad.csv'), '--institutions', join(dir, 'inst.csv'), '--out', join(dir, 'strict'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict：bad.csv 第 2 行 row 2，列 column 入库日期，值 value "2024-02-30"');
    expect(existsSync(join(dir, 'over'))).toBe(false);
    expect(existsSync(join(dir, 'strict'))).toBe(false);
  });

  it('writes no temporary file beside its outputs', async () => {
    const out = scratch();
    mkdirSync(join(out, 'x'));
    const r = await cli(['rates', '--example', '--out', join(out, 'x'), '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, 'x')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('schedule, sql, from-sql, policies, check-policy', () => {
  it('schedule lists the library\'s deadlines and writes them as an .ics that ical.js reads back', async () => {
    const dir = scratch();
    const r = await cli(['schedule', '--policy', 'jiangsu-2022', '--year', '2026', '--ics', join(dir, '期限 2026.ics')]);
    expect(r.code).toBe(0);
    const events = reportingSchedule('jiangsu-2022', { year: 2026 });
    for (const e of events) expect(r.stdout).toContain(`${e.due ?? '（文件未规定日期）'}  ${e.period}  ${e.label}`);
    const ics = new ICAL.Component(ICAL.parse(readFileSync(join(dir, '期限 2026.ics'), 'utf8')));
    expect(ics.getAllSubcomponents('vevent').length).toBe(events.filter((e) => e.due !== null).length);
    const json = JSON.parse((await cli(['schedule', '--year', '2026', '--json'])).stdout);
    expect(json.map((e: { due: string | null }) => e.due)).toEqual(events.map((e) => e.due));
  });

  it('sql prints the compiled queries of the dialect and period', async () => {
    const r = await cli(['sql', '--policy', 'ganzhou-2023', '--dialect', 'spark', '--period', '2024Q1', '--tables', 'lines=dw.lines,institutions=dw.inst']);
    expect(r.code).toBe(0);
    const compiled = compileRatesSQL('ganzhou-2023', { dialect: 'spark', period: { from: '2024-01-01', to: '2024-03-31' }, linesTable: 'dw.lines', institutionsTable: 'dw.inst', regionBy: 'city' });
    for (const q of [compiled.measures, compiled.ledger, compiled.regions]) expect(r.stdout).toContain(`${q};`);
    const bad = await cli(['sql', '--dialect', 'oracle']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are duckdb, postgres, mysql, spark");
  });

  it('from-sql reads DuckDB\'s exported CSV results back into the same figures as rates', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dir = scratch();
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const q = (s: string) => s.replaceAll("'", "''");
    await db.run(`CREATE TABLE institutions AS SELECT 编码 AS id, CASE 级别 WHEN '三级' THEN 'tertiary' ELSE 'secondary' END AS level, 'public' AS ownership, 省 AS province, 市 AS city, 县 AS county FROM read_csv('${q(join(EXAMPLE, '机构名单.csv'))}', header = true, all_varchar = true)`);
    await db.run(`CREATE TABLE purchase_lines AS SELECT 医疗机构编码 AS institution_id, TRY_CAST(入库日期 AS DATE) AS received_on,
        CASE 类别 WHEN '药品' THEN 'drug' ELSE 'consumable' END AS category, CASE 品种 WHEN '中药饮片' THEN 'tcm-decoction-pieces' END AS kind,
        是否高值 = '是' AS high_value, NULLIF(医保代码, '') AS insurance_code, CASE 采购渠道 WHEN '省平台' THEN 'platform' ELSE 'offline' END AS channel,
        TRY_CAST(金额（元） AS DECIMAL(18, 2)) AS amount
      FROM read_csv('${q(join(EXAMPLE, '采购明细.csv'))}', header = true, all_varchar = true)`);
    const sql = compileRatesSQL('jiangsu-2022', { dialect: 'duckdb', period: { from: '2024-01-01', to: '2024-03-31' } });
    for (const name of ['measures', 'ledger', 'regions'] as const) await db.run(`COPY (${sql[name]}) TO '${q(join(dir, `${name}.csv`))}' (HEADER, DELIMITER ',')`);
    const r = await cli(['from-sql', '--measures', join(dir, 'measures.csv'), '--ledger', join(dir, 'ledger.csv'), '--regions', join(dir, 'regions.csv'), '--institutions', join(EXAMPLE, '机构名单.csv'), '--period', '2024Q1', '--out', join(dir, 'sql'), '--format', 'csv', '--as-of', '2024-04-20']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const viaRates = await cli(['rates', '--example', '--period', '2024Q1', '--out', join(dir, 'js'), '--format', 'csv', '--as-of', '2024-04-20']);
    expect(viaRates.code).toBe(0);
    expect(readFileSync(join(dir, 'sql', '结果.csv'), 'utf8')).toBe(readFileSync(join(dir, 'js', '结果.csv'), 'utf8'));
    expect(r.stdout).toContain('需转入省平台 1,500.00 元');
    // the same results as other clients export them: tab-separated with NULL or \\N (the mysql client's --batch, Hive),
    // JSON lines (Spark's write.json), a JSON array; each gives the same 结果.csv
    const csvOf = (name: string) => readFileSync(join(dir, `${name}.csv`), 'utf8').trim().split('\n').map((l) => l.split(','));
    for (const [format, write] of [
      ['tsv', (rows: string[][]) => rows.map((r) => r.map((c) => (c === '' ? 'NULL' : c)).join('\t')).join('\n')],
      ['hive', (rows: string[][]) => rows.map((r) => r.map((c) => (c === '' ? '\\N' : c)).join('\t')).join('\n')],
      ['jsonl', (rows: string[][]) => rows.slice(1).map((r) => JSON.stringify(Object.fromEntries(rows[0]!.map((h, k) => [h, r[k] === '' ? null : r[k]])))).join('\n')],
      ['json', (rows: string[][]) => JSON.stringify(rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, k) => [h, r[k] === '' ? null : r[k]]))))],
    ] as const) {
      for (const name of ['measures', 'ledger']) writeFileSync(join(dir, `${name}.${format}`), write(csvOf(name)));
      const other = await cli(['from-sql', '--measures', join(dir, `measures.${format}`), '--ledger', join(dir, `ledger.${format}`), '--institutions', join(EXAMPLE, '机构名单.csv'), '--period', '2024Q1', '--out', join(dir, format), '--format', 'csv', '--as-of', '2024-04-20', '--quiet']);
      expect(other, format).toMatchObject({ code: 0, stderr: '' });
      expect(readFileSync(join(dir, format, '结果.csv'), 'utf8'), format).toBe(readFileSync(join(dir, 'js', '结果.csv'), 'utf8'));
    }
    // a regions file of another run is named
    const regions = readFileSync(join(dir, 'regions.csv'), 'utf8');
    expect(regions).toContain(',8500.00,');
    writeFileSync(join(dir, 'regions.csv'), regions.replace(',8500.00,', ',8400.00,'));
    const wrong = await cli(['from-sql', '--measures', join(dir, 'measures.csv'), '--ledger', join(dir, 'ledger.csv'), '--regions', join(dir, 'regions.csv'), '--institutions', join(EXAMPLE, '机构名单.csv'), '--period', '2024Q1', '--out', join(dir, 'wrong')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('the regions disagree with the measures');
  }, 60_000);

  it('policies lists every built-in policy; check-policy reads a good file and names what is wrong in a bad one', async () => {
    const list = await cli(['policies']);
    expect(list.code).toBe(0);
    for (const p of Object.values(POLICIES)) expect(list.stdout).toContain(`${p.id}  ${p.document}`);
    expect(list.stdout).toContain('药品 ≥ 85%（机构）');
    const dir = scratch();
    const own = { ...POLICIES['jiangsu-2022'], id: 'my-province', targets: [{ ...POLICIES['jiangsu-2022'].targets[0], minimum: '0.9' }] };
    writeFileSync(join(dir, '本省 政策.json'), JSON.stringify(own));
    const good = await cli(['check-policy', join(dir, '本省 政策.json')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('药品 ≥ 90%');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...own, targets: [{ ...own.targets[0], minimum: '1.5' }] }));
    const bad = await cli(['check-policy', join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('targets[0].minimum: "1.5" — expected a decimal share between 0 and 1');
    // a policy file is what --policy takes too
    const rates = await cli(['rates', '--example', '--policy', join(dir, '本省 政策.json'), '--out', dir, '--format', 'csv', '--json']);
    expect(rates.code).toBe(0);
    // drugs ≥ 90 %: H0001's 85 % misses too, by 0.90 × 10,000 − 8,500 = 500.00; H0002's 70 % by 9,000 − 7,000 = 2,000.00
    expect(JSON.parse(rates.stdout).belowTarget.map((b: { id: string; moveToPlatform: string }) => [b.id, b.moveToPlatform])).toEqual([
      ['H0001', '500.00'],
      ['H0002', '2000.00'],
    ]);
  });
});

describe('docs/cli.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
  const [zh, en] = doc.split('<a id="english"></a>');

  it('names every command and every flag of the built command, in both languages', async () => {
    for (const command of ['rates', 'from-sql', 'sql', 'schedule', 'policies', 'check-policy']) {
      const help = await cli([command, '--help']);
      expect(help.code).toBe(0);
      const flags = [...new Set([...help.stdout.matchAll(/--[a-z][a-z-]+/g)].map((m) => m[0]))].filter((f) => f !== '--help');
      for (const flag of flags) {
        expect(zh, `${command} ${flag} (中文)`).toContain(`\`${flag}`);
        expect(en, `${command} ${flag} (English)`).toContain(`\`${flag}`);
      }
      expect(zh).toContain(`| \`${command}`);
      expect(en).toContain(`| \`${command}`);
    }
  });

  it('shows the summary that rates --example prints', async () => {
    const shown = /```text\n([\s\S]*?)```/.exec(zh!)![1]!.trim().split('\n');
    const r = await cli(['rates', '--example', '--out', scratch()]);
    for (const line of shown) expect(r.stdout).toContain(line);
  });
});

describe('the package', () => {
  it('has the command as its bin, and the library entry loads nothing of it', () => {
    const root = join(import.meta.dirname, '..', '..');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'sunshine-procurement': './dist/cli/sunshine-procurement.js' });
    expect(readFileSync(join(root, pkg.bin['sunshine-procurement']), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    // the library's builds import only its dependencies and their own files: not cli/, not commander
    // every module an ES module file imports (statically, or with import()), read by a JavaScript parser (acorn)
    const imports = (file: string) => {
      const found: string[] = [];
      const visit = (node: unknown): void => {
        if (node === null || typeof node !== 'object') return;
        const n = node as { type?: string; source?: { value?: unknown } };
        if ((n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ImportExpression') && typeof n.source?.value === 'string') found.push(n.source.value);
        for (const v of Object.values(node)) visit(v);
      };
      visit(acorn.parse(readFileSync(join(root, file), 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' }));
      return found;
    };
    expect(new Set(imports('dist/index.js'))).toEqual(new Set(['decimal.js']));
    // the CommonJS build: every require()
    expect(new Set([...readFileSync(join(root, 'dist/index.cjs'), 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))).toEqual(new Set(['decimal.js']));
    const esm = readdirSync(join(root, 'dist', 'esm'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    for (const f of esm) for (const i of imports(join('dist', 'esm', f))) expect(i.startsWith('.') || i === 'decimal.js' || i.startsWith('zod'), `${f}: ${i}`).toBe(true);
  });
});
