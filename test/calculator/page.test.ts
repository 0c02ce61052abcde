/**
 * The offline calculator page (issue 19) in real browsers: Debian's chromium and firefox-esr, driven
 * by puppeteer-core (which never downloads a browser). The page is built from examples/calculator/
 * into a temporary directory, opened from file://, fed the files of ./data.ts, and its tables and
 * downloads are compared with what measureOnlineRates, aggregateRates and checkTargets give for the
 * same data. A browser that is not installed is skipped, saying so, unless SUNSHINE_REQUIRE_CHROMIUM=1
 * or SUNSHINE_REQUIRE_FIREFOX=1 (both set by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aggregateRates,
  checkTargets,
  formatRate,
  formatShortfall,
  LEVEL_LABELS,
  MEASURES,
  fromNhsaRecords,
  measureOnlineRates,
  reportingCompleteness,
  SECONDARY_AND_ABOVE,
  type NhsaPurchaseRecord,
  type PurchaseLineInput,
  type InstitutionMeasure,
  type RegionalMeasure,
  type TargetCheck,
} from '../../src/index';
import { RESULTS_CSV_HEADERS } from '../../examples/calculator/compute';
import {
  badCsv,
  coverWorkbook,
  GOOD_LINES,
  notesWorkbook,
  gbkCsv,
  INSTITUTION_HEADERS,
  INSTITUTIONS,
  institutionsCsv,
  LINE_HEADERS,
  lineCells,
  lineInput,
  NANTONG_LINES,
  pasted,
  UNKNOWN_INSTITUTION_LINE,
  utf8Csv,
  workbook,
  type LineCells,
} from './data';

/** 3503 records of H03 (the interface sends them per institution, without the channel). */
const NHSA_RECORDS: readonly NhsaPurchaseRecord[] = [
  { med_list_codg: 'XA01AAA0001', finl_trns_pric: '12.50', purc_retn_cnt: '40', purc_retn_stoin_time: '2024-02-01 09:30:00', prod_geay_flag: '0' },
  { med_list_codg: 'C0101000001', finl_trns_pric: '3.333333', purc_retn_cnt: '3', purc_retn_stoin_time: '2024-03-05 10:00:00', prod_geay_flag: '0' },
  { med_list_codg: 'XA02AAA0002', finl_trns_pric: '8.00', purc_retn_cnt: '10', purc_retn_stoin_time: '2024-02-02 11:00:00', prod_geay_flag: '1' }, // a gift: left out
  { med_list_codg: 'XA03AAA0003', finl_trns_pric: 'abc', purc_retn_cnt: '10', purc_retn_stoin_time: '2024-02-03 11:00:00', prod_geay_flag: '0' }, // no price
];

/** The first of the commands on PATH, or null. */
function find(commands: readonly string[]): string | null {
  for (const command of commands) {
    try {
      return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
    } catch {
      // not on PATH
    }
  }
  return null;
}
interface BrowserUnderTest {
  readonly name: 'Chromium' | 'Firefox';
  readonly path: string | null;
  readonly required: boolean;
}
const BROWSERS: readonly BrowserUnderTest[] = [
  { name: 'Chromium', path: find(['chromium', 'chromium-browser']), required: process.env.SUNSHINE_REQUIRE_CHROMIUM === '1' },
  { name: 'Firefox', path: find(['firefox-esr', 'firefox']), required: process.env.SUNSHINE_REQUIRE_FIREFOX === '1' },
];
const INSTALL = { Chromium: 'apt-get install -y chromium fonts-noto-cjk', Firefox: 'apt-get install -y firefox-esr fonts-noto-cjk' } as const;
for (const b of BROWSERS.filter((x) => x.path === null)) {
  if (b.required) throw new Error(`SUNSHINE_REQUIRE_${b.name.toUpperCase()}=1 but ${b.name} is not installed (${INSTALL[b.name]})`);
}

const root = join(import.meta.dirname, '..', '..');
const PERIOD = { from: '2024-01-01', to: '2024-03-31' };
const POLICY = 'jiangsu-2022';
const institutions = INSTITUTIONS.map((i) => i.input);

/** What the library gives for the lines: the page must show exactly this. */
function expected(lines: readonly (LineCells | PurchaseLineInput)[]) {
  const result = measureOnlineRates(lines.map((l) => ('yuan' in l ? lineInput(l) : l)), { policy: POLICY, institutions, period: PERIOD });
  const regions = aggregateRates(result.measures, { by: 'city', levelGroups: SECONDARY_AND_ABOVE });
  const checks = checkTargets([...result.measures, ...regions], POLICY, { digits: 2 });
  return { result, regions, checks };
}

const pct = (r: Parameters<typeof formatRate>[0]) => formatRate(r, { digits: 2 });
const yuan = (d: { toFixed(n: number): string }) => d.toFixed(2);
const checkOf = (checks: readonly TargetCheck[], m: InstitutionMeasure | RegionalMeasure) => checks.find((c) => c.subject.id === m.subject.id && c.measure === m.measure);
/** One label for one fact (issue 27): the library's reporting statuses (reportingCompleteness) say 未报送 and 无采购. */
const notReported = (e: ReturnType<typeof expected>) => new Set(reportingCompleteness([{ period: 'p', measures: e.result.measures }]).entries.filter((x) => x.status === 'not-reported').map((x) => x.institutionId));
const checkCells = (c: TargetCheck | undefined, missing: ReadonlySet<string> = new Set()) => {
  if (c === undefined) return ['—', '—', '—', '—'];
  const s = c.shortfallScenarios;
  const none = missing.has(c.subject.id) ? '未报送' : c.status === 'no-purchases' ? '无采购' : c.status === 'inconsistent' ? '数据不一致' : '无数据';
  // amounts needed rounded up to the fen (issue 26)
  return [pct(c.target), c.meets === null ? none : c.meets ? '达标' : '未达标', formatShortfall(s?.moveToPlatform ?? null), formatShortfall(s?.addPlatformPurchases ?? null)];
};
/** A rate as the page shows it beside its target: never printed as the target when it misses it (issue 26). */
const beside = (e: ReturnType<typeof expected>, m: InstitutionMeasure | RegionalMeasure) => formatRate(m.rate, { digits: 2, target: checkOf(e.checks, m)?.target });
const STATUS: Record<string, string> = { ok: '正常', 'no-purchases': '无采购', inconsistent: '数据不一致' };

/** The page's institution table as the library's figures give it. */
function institutionRows(e: ReturnType<typeof expected>): string[][] {
  const missing = notReported(e);
  return e.result.measures.map((m) => [m.institutionName ?? m.institutionId, m.institutionId, LEVEL_LABELS[m.level].label, m.label, yuan(m.platformAmount), yuan(m.totalAmount), yuan(m.emergencyAmount), beside(e, m), missing.has(m.institutionId) ? '未报送' : STATUS[m.status]!, ...checkCells(checkOf(e.checks, m), missing)]);
}
/** The page's regional table: region, level, measure, institutions, not reported, the amounts, the rate. */
function regionalRows(e: ReturnType<typeof expected>): string[][] {
  const levelName = (l: string) => (l in LEVEL_LABELS ? LEVEL_LABELS[l as keyof typeof LEVEL_LABELS].label : '二级及以上');
  // region by region, 三级, 二级, … then 二级及以上; drugs before consumables
  const rank = (l: string) => (l in LEVEL_LABELS ? Object.keys(LEVEL_LABELS).indexOf(l) : 9);
  const byOrder = [...e.regions].sort((a, b) => (a.region.id ?? '').localeCompare(b.region.id ?? '') || rank(a.level) - rank(b.level) || Object.keys(MEASURES).indexOf(a.measure) - Object.keys(MEASURES).indexOf(b.measure));
  return byOrder.map((m) => [m.region.id ?? '（未指定地区）', levelName(m.level), m.label, String(m.institutions), String(m.notReported.length), yuan(m.platformAmount), yuan(m.totalAmount), beside(e, m), ...checkCells(checkOf(e.checks, m))]);
}
/** The downloaded 结果.csv rows (issue 27: Chinese headers and labels), from the library's exact figures. */
function csvRows(e: ReturnType<typeof expected>): string[][] {
  const missing = notReported(e);
  const levelName = (l: string) => (l in LEVEL_LABELS ? LEVEL_LABELS[l as keyof typeof LEVEL_LABELS].label : '二级及以上');
  const row = (m: InstitutionMeasure | RegionalMeasure, type: string, name: string) => {
    const c = checkOf(e.checks, m);
    const status = m.subject.type === 'institution' && missing.has(m.subject.id) ? '未报送' : STATUS[m.status]!;
    return [
      type,
      m.subject.id,
      name,
      levelName(m.level),
      m.label,
      m.platformAmount.toFixed(),
      m.totalAmount.toFixed(),
      m.emergencyAmount.toFixed(),
      m.rate === null ? '' : beside(e, m),
      m.rate?.toFixed() ?? '',
      status,
      String(m.lines),
      c === undefined ? '' : pct(c.target),
      c === undefined ? '' : c.meets === null ? status : c.meets ? '达标' : '未达标',
      c?.marginPoints?.toFixed(2) ?? '',
      formatShortfall(c?.shortfallScenarios?.moveToPlatform ?? null, { empty: '' }),
      formatShortfall(c?.shortfallScenarios?.addPlatformPurchases ?? null, { empty: '' }),
    ];
  };
  return [...e.result.measures.map((m) => row(m, '机构', m.institutionName ?? m.institutionId)), ...e.regions.map((m) => row(m, '地区', m.region.id ?? '（未指定地区）'))];
}

/**
 * Polls the page until the test holds. Not waitForFunction: its in-page polling makes a function
 * from text, which the page's CSP (no 'unsafe-eval') refuses in Firefox.
 */
async function until(page: Page, test: (arg: string) => boolean, arg: string): Promise<void> {
  for (let waited = 0; !(await page.evaluate(test, arg)); waited += 25) {
    if (waited > 30_000) throw new Error(`the page did not get there in 30 s: ${test.toString()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The page and the files, made once for every browser: the directory. */
let prepared: Promise<string> | undefined;
function prepare(): Promise<string> {
  prepared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-calculator-'));
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build-calculator.ts'), join(dir, 'calculator.html')], { cwd: root, stdio: 'pipe' });
    writeFileSync(join(dir, 'utf8.csv'), utf8Csv());
    writeFileSync(join(dir, 'gbk.csv'), gbkCsv());
    writeFileSync(join(dir, 'bad.csv'), badCsv());
    writeFileSync(join(dir, 'institutions.csv'), institutionsCsv());
    writeFileSync(join(dir, 'workbook.xlsx'), await workbook());
    writeFileSync(join(dir, 'nhsa.json'), JSON.stringify(NHSA_RECORDS, null, 1));
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0x2c, 0x09]));
    writeFileSync(join(dir, 'no-amount.csv'), '\uFEFF医疗机构编码,入库日期,类别,采购渠道,单价\r\nH01,2024-01-05,药品,省平台,12.00\r\n');
    writeFileSync(join(dir, 'cover.xlsx'), await coverWorkbook());
    writeFileSync(join(dir, 'notes.xlsx'), await notesWorkbook());
    writeFileSync(join(dir, 'empty.csv'), '');
    return dir;
  })();
  return prepared;
}
afterAll(async () => {
  if (prepared !== undefined) rmSync(await prepared, { recursive: true, force: true });
});

// a browser that is not installed: its tests are skipped, the title saying why and what to install
for (const b of BROWSERS) describe.skipIf(b.path === null)(`the calculator page in ${b.name}${b.path === null ? ` (skipped: ${b.name} is not installed; ${INSTALL[b.name]})` : ''}`, () => {
  let dir: string;
  let downloads: string;
  let browser: Browser;
  let page: Page;
  /** Every request of every page opened (in Chromium the page itself too, so that an empty list cannot pass unnoticed). */
  const requests: string[] = [];
  let pageUrl: string;

  beforeAll(async () => {
    dir = await prepare();
    downloads = join(dir, `downloads-${b.name}`);
    mkdirSync(downloads);
    pageUrl = `file://${join(dir, 'calculator.html')}`;
    browser =
      b.name === 'Chromium'
        ? await puppeteer.launch({
            executablePath: b.path!,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'],
          })
        : await puppeteer.launch({
            browser: 'firefox',
            executablePath: b.path!,
            headless: true,
            args: ['--width=1280', '--height=900'],
            // downloads into a directory, without asking (Chromium's are set per page, below)
            extraPrefsFirefox: {
              'browser.download.dir': downloads,
              'browser.download.folderList': 2,
              'browser.download.useDownloadDir': true,
              'browser.download.always_ask_before_handling_new_types': false,
              'browser.helperApps.neverAsk.saveToDisk': 'text/csv,text/html,application/json',
            },
          });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    const p = await browser.newPage();
    // (Firefox's WebDriver BiDi has no viewport emulation: its window is sized at launch)
    if (b.name === 'Chromium') await p.setViewport({ width: 1280, height: 900 });
    p.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    if (b.name === 'Chromium') {
      const cdp = await p.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    }
    await p.goto(pageUrl);
    (p as Page & { errors: string[] }).errors = errors;
    return p;
  }
  const choose = async (p: Page, input: string, files: readonly string[]) => {
    // forget what the previous file said, so that the wait below sees this file's outcome
    const status = input === '#lines-file' ? 'lines-status' : 'inst-status';
    await p.evaluate((id) => {
      document.getElementById('error')!.hidden = true;
      document.getElementById(id)!.className = 'note';
    }, status);
    await ((await p.$(input)) as ElementHandle<HTMLInputElement>).uploadFile(...files.map((f) => join(dir, f)));
    await until(p, (id) => document.getElementById(id)!.classList.contains('ok') || !document.getElementById('error')!.hidden, status);
  };
  const run = async (p: Page) => {
    await p.select('#policy', POLICY);
    await p.select('#period-kind', 'quarter');
    await p.$eval('#period-year', (e) => ((e as HTMLInputElement).value = '2024'));
    await p.select('#period-quarter', '1');
    await p.select('#by', 'city');
    await p.select('#digits', '2');
    await p.click('#run');
    await until(p, () => !(document.getElementById('run') as HTMLButtonElement).disabled && ((!document.getElementById('results')!.hidden && document.getElementById('charts')!.dataset.drawn === 'yes') || !document.getElementById('error')!.hidden), '');
  };
  const cells = (p: Page, selector: string) => p.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent ?? '')));
  const errorText = (p: Page) => p.$eval('#error', (e) => ((e as HTMLElement).hidden ? '' : (e.textContent ?? '')));
  async function downloaded(p: Page, link: string, name: string): Promise<string> {
    const path = join(downloads, name);
    rmSync(path, { force: true });
    await p.click(link);
    // done when the file is there, no partial download (.crdownload, .part) is left beside it, and
    // its size has held for one more poll
    let size = -1;
    for (let waited = 0; waited < 20_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      const partial = readdirSync(downloads).some((f) => f.endsWith('.crdownload') || f.endsWith('.part'));
      const now = existsSync(path) ? statSync(path).size : -1;
      if (now > 0 && !partial && now === size) return readFileSync(path, 'utf8');
      size = now;
    }
    throw new Error(`${name} was not downloaded in 20 s`);
  }

  it('reads a UTF-8 CSV, a GBK CSV and a file of bad rows, and shows what the library gives', async () => {
    page = await open();
    await choose(page, '#lines-file', ['utf8.csv', 'gbk.csv', 'bad.csv']);
    await choose(page, '#inst-file', ['institutions.csv']);
    expect(await page.$eval('#lines-status', (e) => e.textContent)).toMatch(/utf8\.csv：15 行（UTF-8 \(BOM\)）；gbk\.csv：8 行（GB18030\/GBK）；bad\.csv：5 行（UTF-8）/);
    await run(page);
    expect(await errorText(page)).toBe('');

    // the library, on the same data: the 23 good lines and the bad row that becomes a line (H99)
    const e = expected([...GOOD_LINES, UNKNOWN_INSTITUTION_LINE]);
    expect(await cells(page, '#institution-rates')).toEqual(institutionRows(e));
    expect(await cells(page, '#regional-rates')).toEqual(regionalRows(e));

    // worked by hand (jiangsu-2022 main text §1(3): drugs 85 %, consumables 75 %; annex 1 §2 kinds out):
    // H01 drugs: 8,500.00 platform of 8,500.00 + 1,000.00 = 9,500.00 (the 2024-04-01 line is outside
    // the quarter, the 中药饮片 line excluded) = 89.47 %, meets 85 %. H01 consumables: 600.00 of 1,000.00
    // = 60.00 %: short by 0.75 × 1,000 − 600 = 150.00 moved onto the platform, or 150 ÷ 0.25 = 600.00 new.
    // H05 drugs: 12,345.00 (1.2345 万元) of 13,000.00 = 94.96 %.
    const rows = await cells(page, '#institution-rates');
    expect(rows.find((r) => r[1] === 'H01' && r[3] === '药品')!.slice(4, 11)).toEqual(['8500.00', '9500.00', '0.00', '89.47%', '正常', '85.00%', '达标']);
    expect(rows.find((r) => r[1] === 'H01' && r[3] === '医用耗材')!.slice(7)).toEqual(['60.00%', '正常', '75.00%', '未达标', '150.00', '600.00']);
    expect(rows.find((r) => r[1] === 'H05' && r[3] === '药品')![7]).toBe('94.96%');

    // the ledger: 24 lines (23 good + H99) of 66,190.00 = 65,490.00 + 700.00; excluded: outside the
    // period 3,000.00, kinds 2,000.00 + 800.00, out of scope (H04 private, H08 primary) 5,000.00 +
    // 200.00 = 11,000.00 in 5 lines; rejected H99 700.00; included 24 − 5 − 1 = 18 lines,
    // 66,190.00 − 11,000.00 − 700.00 = 54,490.00. 28 data rows read, 4 never became lines.
    const ledger = await cells(page, '#ledger-table');
    expect(ledger).toEqual([
      ['读入的行（文件中的数据行）', '', '28', '—'],
      ['无法读取的行', '见下表', '4', '—'],
      ['输入（读成明细的行）', '', '24', '66190.00'],
      ['纳入', '', '18', '54490.00'],
      ['剔除', '合计', '5', '11000.00'],
      ['剔除', '机构不在政策范围', '2', '5200.00'],
      ['剔除', '入库日期不在统计期间', '1', '3000.00'],
      ['剔除', '暂不纳入的品种', '2', '2800.00'],
      ['拒收', '见下表', '1', '700.00'],
    ]);
    expect(e.result.ledger.included.amount.toFixed(2)).toBe('54490.00');
    expect(await page.$eval('#ledger p.ok', (c) => c.textContent)).toBe('输入 = 纳入 + 剔除 + 拒收。行数：24 = 18 + 5 + 1；金额：66190.00 = 54490.00 + 11000.00 + 700.00 元。平衡。');
    // the line of 2024-04-01 is outside the quarter chosen: said in a warning's colour above the balance (issue 27); 1 of 24 input lines = 4.17 %
    expect(await page.$$eval('#ledger p.warn', (ps) => ps.map((p) => p.textContent))).toEqual([
      '数据提示：1 行（占输入 4.17%）的入库日期不在所选期间（2024年第一季度）内，未计入；数据日期 2024-01-03 至 2024-04-01。请确认统计期间。 / 1 line falls outside the period chosen and is not counted',
    ]);

    // every row not counted, with its file, row, column and value (row 1 is the header)
    const problems = (await cells(page, '#problems')).map((r) => r.slice(0, 4));
    expect(problems).toEqual([
      ['bad.csv', '2', '入库日期', '2024-02-30'],
      ['bad.csv', '3', '金额（元）', '12.3.4'],
      ['bad.csv', '4', '医疗机构编码', 'H99'],
      ['bad.csv', '5', '类别', '器械'],
      ['bad.csv', '6', '是否高值', '也许'],
      ['institutions.csv', '11', '级别', '特级'],
    ]);
    expect((await cells(page, '#problems')).map((r) => r[4]!.split('：')[0])).toEqual(['入库日期无效', '金额无效', '机构不在名单中', '产品类别无效', '高值标识无效', '级别无效']);

    // the downloads: results.csv holds the library's exact figures, problems.csv the same rows
    const results = await downloaded(page, '#dl-csv', '结果.csv');
    expect(results.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(results.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...RESULTS_CSV_HEADERS]);
    expect(parsed[0]!.slice(0, 5)).toEqual(['类型', '编码', '名称', '级别', '指标']);
    expect(parsed.slice(1)).toEqual(csvRows(e));
    const problemsCsv = Papa.parse<string[]>((await downloaded(page, '#dl-problems', '未计入的行.csv')).slice(1), { skipEmptyLines: true }).data;
    expect(problemsCsv.slice(1).map((r) => r.slice(0, 4))).toEqual(problems);
    const json = JSON.parse(await downloaded(page, '#dl-json', '结果.json')) as { measures: { institutionId: string; rate: string | null }[] };
    expect(json.measures.map((m) => [m.institutionId, m.rate])).toEqual(e.result.measures.map((m) => [m.institutionId, m.rate?.toFixed() ?? null]));
    const bulletin = await downloaded(page, '#dl-bulletin', '通报.html');
    expect(bulletin).toContain('<svg');
    expect(await page.$$eval('#charts svg', (s) => s.length)).toBeGreaterThan(0);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  }, 60_000);

  it('reads the lines and the institution list from the two sheets of one .xlsx', async () => {
    const p = await open();
    await choose(p, '#lines-file', ['workbook.xlsx']);
    expect(await p.$eval('#inst-status', (e) => e.textContent)).toContain('workbook.xlsx/机构名单');
    await run(p);
    expect(await errorText(p)).toBe('');
    const e = expected(GOOD_LINES);
    expect(await cells(p, '#institution-rates')).toEqual(institutionRows(e));
    expect(await cells(p, '#regional-rates')).toEqual(regionalRows(e));
    expect(await cells(p, '#problems')).toEqual([]);
    expect((await cells(p, '#ledger-table'))[2]).toEqual(['输入（读成明细的行）', '', '23', '65490.00']);
    const parsed = Papa.parse<string[]>((await downloaded(p, '#dl-csv', '结果.csv')).slice(1), { skipEmptyLines: true }).data;
    expect(parsed.slice(1)).toEqual(csvRows(e));
    await p.close();
  }, 60_000);

  it('reads ranges pasted from WPS or Excel (tab-separated)', async () => {
    const p = await open();
    await p.$eval('#lines-paste', (t, v) => ((t as HTMLTextAreaElement).value = v), pasted(LINE_HEADERS, NANTONG_LINES.map(lineCells)));
    await p.$eval('#inst-paste', (t, v) => ((t as HTMLTextAreaElement).value = v), pasted(INSTITUTION_HEADERS, INSTITUTIONS.map((i) => [...i.cells])));
    await run(p);
    expect(await errorText(p)).toBe('');
    expect(await cells(p, '#institution-rates')).toEqual(institutionRows(expected(NANTONG_LINES)));
    await p.close();
  }, 60_000);

  it('reads 3503 records as JSON, for the institution and channel chosen on the page', async () => {
    const p = await open();
    await choose(p, '#inst-file', ['institutions.csv']);
    await choose(p, '#lines-file', ['nhsa.json']);
    expect(await p.$eval('#nhsa-options', (e) => (e as HTMLElement).hidden)).toBe(false);
    await p.select('#nhsa-interface', '3503');
    await p.select('#nhsa-institution', 'H03');
    await p.select('#nhsa-channel', 'platform');
    await run(p);
    expect(await errorText(p)).toBe('');
    const mapped = fromNhsaRecords(NHSA_RECORDS, { interface: '3503', institutionId: 'H03', channel: () => 'platform' });
    expect(await cells(p, '#institution-rates')).toEqual(institutionRows(expected(mapped.lines.map(({ row: _, ...line }) => line))));
    // by hand: 12.50 × 40 = 500.00 of drugs and 3.333333 × 3 = 9.999999 of consumables, all on the platform
    const h03 = (await cells(p, '#institution-rates')).filter((r) => r[1] === 'H03');
    expect(h03.map((r) => r.slice(3, 8))).toEqual([
      ['药品', '500.00', '500.00', '0.00', '100.00%'],
      ['医用耗材', '10.00', '10.00', '0.00', '100.00%'],
    ]);
    // the gift (record 3) and the record without a price (record 4), each with its reason
    expect((await cells(p, '#problems')).map((r) => r.slice(0, 4))).toEqual([
      ['institutions.csv', '11', '级别', '特级'],
      ['nhsa.json', '3', '', '80'],
      ['nhsa.json', '4', 'finl_trns_pric', 'abc'],
    ]);
    await p.close();
  }, 60_000);

  it('says what is wrong with a file it cannot use, on the page', async () => {
    const p = await open();
    await choose(p, '#lines-file', ['image.png']);
    expect(await errorText(p)).toBe('image.png：不是文本、CSV、.xlsx 或 JSON 文件（开头的字节为 89 50 4E 47，是 PNG 图片） / not text, CSV, .xlsx or JSON (it begins 89 50 4E 47: a PNG image)');
    await choose(p, '#lines-file', ['no-amount.csv']);
    await choose(p, '#inst-file', ['institutions.csv']);
    await run(p);
    expect(await errorText(p)).toBe('no-amount.csv：缺少列 金额（元）；找到的列：医疗机构编码、入库日期、类别、采购渠道、单价 / missing columns 金额（元）');
    expect(await p.$eval('#results', (r) => (r as HTMLElement).hidden)).toBe(true);
    await p.close();
  }, 60_000);

  it('defaults the period to the dates of the data, shows them, and keeps findings back when no line counts (issue 27)', async () => {
    const p = await open();
    await choose(p, '#lines-file', ['utf8.csv', 'gbk.csv', 'bad.csv']);
    await choose(p, '#inst-file', ['institutions.csv']);
    // the lines run from 2024-01-03 to 2024-04-01: two quarters of one year, so the year 2024
    expect(await p.$eval('#data-dates', (e) => e.textContent)).toBe('数据日期 2024-01-03 至 2024-04-01');
    expect(await p.$eval('#period-kind', (e) => (e as HTMLSelectElement).value)).toBe('year');
    expect(await p.$eval('#period-year', (e) => (e as HTMLInputElement).value)).toBe('2024');
    await p.click('#run');
    await until(p, () => !(document.getElementById('run') as HTMLButtonElement).disabled && !document.getElementById('results')!.hidden, '');
    // every line in the period: no warning; the year 2024 labels the results
    expect(await p.$$eval('#ledger p.warn', (ps) => ps.length)).toBe(0);
    expect((await cells(p, '#ledger-table')).some((r) => r[1] === '入库日期不在统计期间')).toBe(false);
    expect(await p.$eval('#run-status', (e) => e.textContent)).toMatch(/^完成：28 行，用时 \d+\.\d 秒（读取 \d+\.\d 秒，计算 \d+\.\d 秒）$/);
    // a period chosen by hand that misses the data: the library's warning, and no table of findings
    await p.select('#period-kind', 'quarter');
    await p.$eval('#period-year', (e) => ((e as HTMLInputElement).value = '2026'));
    await p.select('#period-quarter', '4');
    await p.click('#run');
    await until(p, () => !(document.getElementById('run') as HTMLButtonElement).disabled && !document.getElementById('nothing')!.hidden, '');
    expect((await p.$$eval('#ledger p.warn', (ps) => ps.map((x) => x.textContent ?? '')))[0]).toMatch(/^数据提示：24 行中没有一行计入网采率.*入库日期不在统计期间（统计期间 2026-10-01 – 2026-12-31）/);
    expect(await p.$eval('#findings', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await p.$eval('#charts-section', (e) => (e as HTMLElement).hidden)).toBe(true);
    await p.close();
  }, 60_000);

  it('computes exactly the sources listed: a paste and a file together, each of them removable (issue 27)', async () => {
    const p = await open();
    await choose(p, '#inst-file', ['institutions.csv']);
    // a range pasted, then a file chosen: both listed, both counted (the file used to win silently over nothing, the paste over the file)
    await p.$eval('#lines-paste', (t, v) => {
      (t as HTMLTextAreaElement).value = v;
      t.dispatchEvent(new Event('change'));
    }, pasted(LINE_HEADERS, NANTONG_LINES.map(lineCells)));
    await choose(p, '#lines-file', ['utf8.csv']);
    const listed = () => p.$$eval('#sources li', (li) => li.map((x) => (x.firstChild?.textContent ?? '').trim()));
    expect(await listed()).toEqual([`粘贴的明细：${NANTONG_LINES.length} 行（数据日期 2024-01-05 至 2024-04-01）`, expect.stringMatching(/^utf8\.csv：15 行（数据日期 /)]);
    await run(p);
    expect((await cells(p, '#ledger-table'))[0]).toEqual(['读入的行（文件中的数据行）', '', String(NANTONG_LINES.length + 15), '—']);
    // the paste removed: the box is emptied, and 计算 uses the file alone
    await p.click('#sources li:first-child button');
    expect(await listed()).toEqual([expect.stringMatching(/^utf8\.csv：15 行/)]);
    expect(await p.$eval('#lines-paste', (t) => (t as HTMLTextAreaElement).value)).toBe('');
    await run(p);
    expect((await cells(p, '#ledger-table'))[0]).toEqual(['读入的行（文件中的数据行）', '', '15', '—']);
    // a second file adds to the list
    await choose(p, '#lines-file', ['gbk.csv']);
    expect(await listed()).toHaveLength(2);
    await p.close();
  }, 60_000);

  it('reads a workbook that opens with a 填报说明 sheet and has title rows above its header; names the sheets of one it cannot use (issue 27)', async () => {
    const p = await open();
    await choose(p, '#lines-file', ['cover.xlsx']);
    expect(await errorText(p)).toBe('');
    expect(await p.$eval('#inst-status', (e) => e.textContent)).toContain('cover.xlsx/机构名单');
    await run(p);
    expect(await cells(p, '#institution-rates')).toEqual(institutionRows(expected(GOOD_LINES)));
    expect(await cells(p, '#problems')).toEqual([]);
    await choose(p, '#lines-file', ['notes.xlsx']);
    expect(await errorText(p)).toBe('notes.xlsx：没有找到含采购明细或机构名单表头的工作表；各工作表的列：说明：填报说明；Sheet2：单价、数量 / no sheet has the headers of purchase lines or an institution list');
    await choose(p, '#lines-file', ['empty.csv']);
    expect(await errorText(p)).toBe('empty.csv：文件为空 / the file is empty');
    await p.close();
  }, 60_000);

  it('draws charts that read alone: a title with the measure, period and policy, the target labelled, bars by rate (issue 27)', async () => {
    const p = await open();
    await choose(p, '#lines-file', ['utf8.csv', 'gbk.csv']);
    await choose(p, '#inst-file', ['institutions.csv']);
    await run(p);
    const texts = await p.$$eval('#charts svg', (svgs) => svgs.map((svg) => Array.from(svg.querySelectorAll('text'), (t) => t.textContent ?? '')));
    expect(texts[0]![0]).toBe('药品网采率与目标（2024年第一季度，苏医保发〔2022〕38号）');
    expect(texts[0]![1]).toBe('目标 85%');
    // the bars from the highest rate down
    const widths = await p.$$eval('#charts svg:first-of-type rect', (rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    if (b.name === 'Chromium') {
      const shot = join(dir, 'charts.png');
      await (await p.$('#charts-section'))!.screenshot({ path: shot });
      if (process.env.SUNSHINE_SCREENSHOTS !== undefined) copyFileSync(shot, join(process.env.SUNSHINE_SCREENSHOTS, 'calculator-charts.png'));
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    }
    await p.close();
  }, 60_000);

  it('made no network request, and its Content-Security-Policy refuses one', async () => {
    const p = await open();
    const refused = await p.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const attempt = await fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      );
      await new Promise((r) => setTimeout(r, 100));
      return { attempt, violations };
    });
    expect(refused).toEqual({ attempt: 'refused', violations: ['connect-src'] });
    await p.close();
    // every request of every test: the page itself, the blob: URLs of its downloads and data: URLs
    // (Chromium's own calendar icon of a date field is one, requested when the field is drawn: seen
    // once in CI); none leaves the machine, and the fetch above never left the page. Chromium reports
    // the page's own file:// request (once per page opened), which shows that the listener works;
    // Firefox does not report file:// requests.
    if (b.name === 'Chromium') expect(requests.filter((u) => u === pageUrl).length).toBe(10);
    expect(requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    const html = readFileSync(join(dir, 'calculator.html'), 'utf8');
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|@import|url\(http/i);
    expect(readdirSync(downloads).sort()).toEqual(['未计入的行.csv', '结果.csv', '结果.json', '通报.html'].sort());
  }, 60_000);
  it('names each file it cannot use and reads the files beside it (issue 27)', async () => {
    const p = await open();
    await choose(p, '#lines-file', ['utf8.csv', 'image.png', 'empty.csv', 'gbk.csv']);
    expect((await errorText(p)).split('\n')).toEqual([
      'image.png：不是文本、CSV、.xlsx 或 JSON 文件（开头的字节为 89 50 4E 47，是 PNG 图片） / not text, CSV, .xlsx or JSON (it begins 89 50 4E 47: a PNG image)',
      'empty.csv：文件为空 / the file is empty',
    ]);
    expect(await p.$$eval('#sources li', (li) => li.map((x) => (x.firstChild?.textContent ?? '').split('：')[0]))).toEqual(['utf8.csv', 'gbk.csv']);
    await choose(p, '#inst-file', ['institutions.csv']);
    await run(p);
    // the 15 rows of utf8.csv and the 8 of gbk.csv, counted as when they are chosen alone
    expect((await cells(p, '#ledger-table'))[0]).toEqual(['读入的行（文件中的数据行）', '', '23', '—']);
    expect(await cells(p, '#institution-rates')).toEqual(institutionRows(expected(GOOD_LINES)));
    await p.close();
  }, 60_000);

  it('shows the first 100 rows of a table and the rest on 显示全部, each row as it is when shown (issue 27)', async () => {
    // 60 public tertiary hospitals, each with one drug line of 100.00 yuan on the platform in 2024 Q1 (with its
    // insurance code: jiangsu-2022 excludes lines without one) and no
    // consumables: 60 × 2 = 120 measures. Worked by hand: a drug rate is 100.00 ÷ 100.00 = 100.00 % (正常); each
    // reported (it has a line), so its consumables are 无采购 (reportingCompleteness), not 未报送, with no rate (—).
    const ids = Array.from({ length: 60 }, (_, k) => `M${String(k + 1).padStart(2, '0')}`);
    writeFileSync(join(dir, 'many-institutions.csv'), `\uFEFF编码,名称,级别,性质,省,市,县\r\n${ids.map((id) => `${id},医院${id},三级,公立,江苏省,南通市,崇川区`).join('\r\n')}\r\n`);
    writeFileSync(join(dir, 'many.csv'), `\uFEFF医疗机构编码,入库日期,类别,医保代码,采购渠道,金额（元）\r\n${ids.map((id) => `${id},2024-02-01,药品,XA01AAA0001,省平台,100.00`).join('\r\n')}\r\n`);
    const p = await open();
    await choose(p, '#inst-file', ['many-institutions.csv']);
    await choose(p, '#lines-file', ['many.csv']);
    await run(p);
    const shown = await cells(p, '#institution-rates');
    expect(shown).toHaveLength(100);
    // below the table's scrolling box, in sight
    const more = await p.$('div:has(> .scroll > #institution-rates) > button');
    expect(await more!.evaluate((b) => b.textContent)).toBe('显示全部 120 行 / show all rows');
    await more!.click();
    const all = await cells(p, '#institution-rates');
    expect(all).toHaveLength(120);
    expect(all.slice(0, 100)).toEqual(shown);
    const hand = ids.flatMap((id) => [
      [id, '药品', '100.00', '100.00', '100.00%', '正常'],
      [id, '医用耗材', '0.00', '0.00', '—', '无采购'],
    ]);
    const key = (r: readonly string[]) => `${r[0]}|${r[1]}`;
    expect(all.map((r) => [r[1]!, r[3]!, r[4]!, r[5]!, r[7]!, r[8]!]).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(hand.sort((a, b) => key(a).localeCompare(key(b))));
    expect(await p.$('div:has(> .scroll > #institution-rates) > button')).toBeNull();
    await p.close();
  }, 60_000);
});
