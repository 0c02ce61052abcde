/**
 * `sunshine-procurement rates`: purchase lines and the institution list in; the bulletin, the results in Chinese, the
 * JSON and the rows not counted out, as the page writes them (examples/calculator/compute.ts makes every report for
 * both); a short summary on stdout, or JSON with `--json`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPeriod, formatRate, formatShortfall, renderBulletin, type Period, type Policy } from '../src/index';
import { levelName, problemsCsv, reportsOf, resultsCsv, resultsJson, type Results } from '../examples/calculator/compute';
import type { RowProblem } from '../examples/calculator/input';
import { usage } from './errors';
import { writeWhole } from './files';

/** The outputs `--format` can name (writeReports names their files, the page's download names). */
const FORMATS = ['html', 'md', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** `--format html,md,csv,json` as a list, or a usage error naming the one not known. */
export function parseFormats(text: string): Format[] {
  const formats = text.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f !== '');
  for (const f of formats) if (!FORMATS.includes(f as Format)) throw usage(`--format ${JSON.stringify(f)}：未知格式 / unknown format: expected some of html, md, csv, json, separated by commas`);
  if (formats.length === 0) throw usage('--format：至少一种 / at least one of html, md, csv, json');
  return [...new Set(formats)] as Format[];
}

/** What the reading and the sums gave, ready for the reports. */
export interface Computed {
  readonly policy: Policy;
  readonly period: Period | undefined;
  readonly result: Parameters<typeof reportsOf>[0];
  readonly problems: RowProblem[];
  readonly rowsRead: number;
  readonly rowsUnread: number;
  /** The first and last inbound dates seen, or null (from SQL results: not known). */
  readonly dates: { first: string; last: string } | null;
  /** How many threads read the largest file (1 unless a large UTF-8 text was read in ranges). */
  readonly threads?: number;
  /** Which engine counted: 'js', or 'duckdb' (the compiled SQL over the files). */
  readonly engine?: 'js' | 'duckdb';
  /** Why DuckDB, asked for, did not count (the JavaScript engine did). */
  readonly engineNote?: string;
}

export interface WriteOptions {
  readonly by: 'province' | 'city' | 'county';
  readonly digits: number;
  readonly asOf: string;
  readonly out: string;
  readonly formats: readonly Format[];
}

/**
 * The reports of a run and the files they go to; without `--period`, the period is the one the data covers (its
 * month, else quarter, else year, else its first to last date), as the page chooses it: every line falls in it, so it
 * names what was counted.
 */
export async function writeReports(c: Computed, o: WriteOptions, covering: (first: string, last: string) => Period): Promise<{ results: Results; written: string[] }> {
  const period = c.period ?? (c.dates === null ? undefined : covering(c.dates.first, c.dates.last));
  const periodLabel = period === undefined ? '全部日期' : formatPeriod(period);
  const results = await reportsOf(c.result, { policy: c.policy, period: period ?? { from: '', to: '' }, periodLabel, by: o.by, digits: o.digits, asOf: o.asOf }, c.problems, c.rowsRead, c.rowsUnread);
  const texts: [string, () => string][] = [];
  for (const f of o.formats) {
    if (f === 'html') texts.push(['通报.html', () => results.bulletin]);
    if (f === 'md') texts.push(['通报.md', () => renderBulletin({ policy: c.policy, measures: c.result.measures, by: o.by, period: periodLabel, warnings: c.result.warnings }, { format: 'markdown', title: `网上采购情况通报（${periodLabel}）`, asOf: o.asOf, digits: o.digits })]);
    if (f === 'csv') texts.push(['结果.csv', () => resultsCsv(results)], ['未计入的行.csv', () => problemsCsv(results)]);
    if (f === 'json') texts.push(['结果.json', () => resultsJson(results)]);
  }
  // every text first, then the files: a failure while writing a report leaves no file of this run
  const made = texts.map(([name, text]) => [join(o.out, name), text()] as const);
  await mkdir(o.out, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw usage(`--out ${o.out}：无法创建目录（${e.code ?? e.message}） / cannot create the directory`);
  });
  for (const [path, text] of made) await writeWhole(path, text);
  return { results, written: made.map(([path]) => path) };
}

/** The summary of a run as data (`--json`), amounts and rates as exact decimal strings, shortfalls as shown (rounded up to the fen). */
export function summaryOf(r: Results, { dates, threads = 1, engine = 'js', engineNote }: Pick<Computed, 'dates' | 'threads' | 'engine' | 'engineNote'>, written: readonly string[], seconds: number) {
  const { ledger } = r.result;
  const tally = (t: { lines: number; amount: { toFixed(): string } }) => ({ lines: t.lines, amount: t.amount.toFixed() });
  const names = new Map(r.result.measures.map((m) => [m.institutionId, m.institutionName ?? m.institutionId]));
  return {
    policy: typeof r.choices.policy === 'string' ? r.choices.policy : r.choices.policy.id,
    document: r.policyDocument,
    period: { ...(r.choices.period.from === '' ? {} : r.choices.period), label: r.choices.periodLabel },
    dates,
    ledger: { input: tally(ledger.input), included: tally(ledger.included), excluded: tally(ledger.excluded), rejected: tally(ledger.rejected), balanced: ledger.balanced },
    rows: { read: r.rowsRead, notCounted: r.problems.length },
    belowTarget: r.checks
      .filter((c) => c.meets === false)
      .map((c) => ({
        type: c.subject.type,
        id: c.subject.id,
        name: c.subject.type === 'institution' ? (names.get(c.subject.id) ?? c.subject.id) : c.subject.id,
        level: c.level,
        measure: c.measure,
        label: c.label,
        rate: c.rate?.toFixed() ?? null,
        rateText: formatRate(c.rate, { digits: r.choices.digits, target: c.target }),
        target: c.target.toFixed(),
        targetText: formatRate(c.target, { digits: r.choices.digits }),
        moveToPlatform: formatShortfall(c.shortfallScenarios?.moveToPlatform ?? null, { empty: '' }),
        addPlatformPurchases: formatShortfall(c.shortfallScenarios?.addPlatformPurchases ?? null, { empty: '' }),
      })),
    warnings: r.result.warnings.map((w) => ({ code: w.code, message: w.message })),
    written,
    seconds: Number(seconds.toFixed(3)),
    engine,
    ...(engineNote === undefined ? {} : { engineNote }),
    threads,
    // the process's peak resident memory (its threads included), for the benchmark
    peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The summary as people read it: the ledger, what misses its target and by how much, the warnings, the files. */
export function summaryText(s: ReturnType<typeof summaryOf>, r: Results): string {
  const n = (x: number) => x.toLocaleString('en');
  // an amount in 元 with its thousands marked, exact (two decimals unless it has more)
  const yuan = (a: string) => {
    const [int = '', frac = ''] = a.replace('-', '').split('.');
    return `${a.startsWith('-') ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac.padEnd(2, '0')}`;
  };
  const out: string[] = [];
  out.push(`政策 policy: ${s.policy}（${s.document}）  期间 period: ${s.period.label}${s.dates === null ? '' : `（数据日期 ${s.dates.first} 至 ${s.dates.last} / dates in the data）`}`);
  const l = s.ledger;
  out.push(
    `台账 ledger: 输入 ${n(l.input.lines)} 行 = 计入 ${n(l.included.lines)} + 剔除 ${n(l.excluded.lines)} + 未计入 ${n(l.rejected.lines)}，金额 ${yuan(l.input.amount)} = ${yuan(l.included.amount)} + ${yuan(l.excluded.amount)} + ${yuan(l.rejected.amount)} 元 — ${l.balanced ? '平衡 / balanced' : '不平衡 / NOT balanced'}`,
  );
  if (s.rows.notCounted > 0) {
    const where = s.written.some((w) => w.endsWith('未计入的行.csv')) ? '，见 未计入的行.csv / listed in 未计入的行.csv' : '';
    out.push(`未计入的行 rows not counted: ${n(s.rows.notCounted)}（${n(r.rowsUnread)} 行无法读取、未入台账 unreadable, ${n(s.rows.notCounted - r.rowsUnread)} 行入台账后未计入 rejected or listed${where}）`);
  }
  if (s.belowTarget.length === 0) out.push(r.checks.some((c) => c.meets === true) ? '未达标 below target: 无 / none' : '未达标 below target: 无可考核的数据 / nothing to check');
  else {
    out.push(`未达标 below target: ${s.belowTarget.length}`);
    for (const b of s.belowTarget) {
      const what = `${b.type === 'institution' ? '机构' : '地区'} ${b.name}${b.name === b.id ? '' : `（${b.id}）`} ${levelName(b.level)} ${b.label}`;
      out.push(`  ${what}: 网采率 ${b.rateText}，目标 ${b.targetText}；需转入省平台 ${yuan(b.moveToPlatform)} 元${b.addPlatformPurchases === '' ? '' : `，或新增省平台采购 ${yuan(b.addPlatformPurchases)} 元`}`);
    }
  }
  for (const w of s.warnings) out.push(`提示 warning [${w.code}]: ${w.message}`);
  const missing = r.reporting.filter((e) => e.status === 'not-reported').length;
  if (missing > 0) out.push(`未报送 not reported: ${n(missing)} 项（机构 × 指标 / institution × measure）`);
  if (s.written.length > 0) out.push(`已写入 written: ${s.written.join(', ')}`);
  if (s.engineNote !== undefined) out.push(s.engineNote);
  out.push(`用时 ${s.seconds.toFixed(1)} 秒 / seconds${s.engine === 'duckdb' ? '（DuckDB）' : ''}`);
  return out.join('\n');
}

