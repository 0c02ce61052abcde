/**
 * `sql` prints the compiled queries; `from-sql` reads what a warehouse returned for them (CSV or JSON, as Spark, Hive,
 * MySQL and PostgreSQL clients export results) back through `ratesFromSQL`, so that a Spark or Hive user runs the
 * text, exports three files and gets the bulletin with no code (issue 28).
 */
import { aggregateRates, compileRatesSQL, ratesFromSQL, SECONDARY_AND_ABOVE, SunshineInputError, type InstitutionInput, type MeasureOnlineRatesResult, type Period, type Policy, type SqlDialect } from '../src/index';
import { Decimal } from 'decimal.js';
import { decodeText, parseDelimited, textKindOf, UnreadableFile } from '../examples/calculator/input';
import { input, usage } from './errors';
import { bytesOf, sniff } from './files';
import { issueLines } from './policy';

export const DIALECTS = ['duckdb', 'postgres', 'mysql', 'spark'] as const;

/** `--tables lines=warehouse.purchase_lines,institutions=dim.institutions` (either or both). */
export function parseTables(text: string | undefined): { linesTable?: string; institutionsTable?: string } {
  if (text === undefined) return {};
  const out: { linesTable?: string; institutionsTable?: string } = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key === 'lines' && value) out.linesTable = value;
    else if (key === 'institutions' && value) out.institutionsTable = value;
    else throw usage(`--tables ${JSON.stringify(part)}：应为 lines=表名 或 institutions=表名 / expected lines=TABLE or institutions=TABLE, separated by commas`);
  }
  return out;
}

/** The three queries, each headed by a comment that says what to export from it. */
export function sqlText(policy: Policy, dialect: SqlDialect, period: Period | undefined, tables: ReturnType<typeof parseTables>, by: 'province' | 'city' | 'county'): string {
  let compiled;
  try {
    compiled = compileRatesSQL(policy, { dialect, period, regionBy: by, ...tables });
  } catch (e) {
    if (e instanceof SunshineInputError) throw usage(`sql：${e.issues.map((i) => `${i.path} ${JSON.stringify(i.value)}: expected ${i.expected}`).join('; ')}`);
    throw e;
  }
  const head = (name: string, file: string) => `-- ${name}: export its rows with their header as ${file} (CSV or JSON), then: sunshine-procurement from-sql --measures measures.csv --ledger ledger.csv [--regions regions.csv] …`;
  return [head('measures', 'measures.csv'), `${compiled.measures};`, '', head('ledger', 'ledger.csv'), `${compiled.ledger};`, '', head('regions', 'regions.csv'), `${compiled.regions};`, ''].join('\n');
}

/** The cell texts that mean NULL in the exports of the usual clients: empty, NULL, \N (Hive, MySQL). */
const NULLS = new Set(['', 'NULL', 'null', '\\N']);

/** The rows of an exported result: CSV with a header (comma or tab), a JSON array of objects, or JSON lines (Spark's `write.json`). */
export async function exportedRows(path: string, flag: string): Promise<Record<string, unknown>[]> {
  const file = await sniff(path, flag);
  if (file.kind === 'xlsx') throw input(`${flag} ${file.name}：请导出为 CSV 或 JSON / export the result as CSV or JSON`);
  const bytes = await bytesOf(path);
  try {
    const { text } = decodeText(bytes);
    if (textKindOf(file.name, bytes, [text]) === 'json') {
      const t = text.trim();
      if (t.startsWith('[')) return JSON.parse(t) as Record<string, unknown>[];
      return t.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    }
    const table = parseDelimited(text, file.name, Number.MAX_SAFE_INTEGER);
    return table.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, NULLS.has(v) ? null : v])));
  } catch (e) {
    if (e instanceof UnreadableFile) throw input(e.message);
    if (e instanceof SyntaxError) throw input(`${flag} ${file.name}：JSON 格式有误（${e.message}） / malformed JSON`);
    throw e;
  }
}

/** An exported cell as `ratesFromSQL` reads it: counts as safe integers; every other cell as it was exported. */
const COUNT = /_lines$|^lines$/;
function cells(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, COUNT.test(k) && typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v])));
}

/** The result of the exported measures and ledger rows, as `measureOnlineRates` gives it; a refusal names the file, row and column. */
export function resultFromExports(
  measures: readonly Record<string, unknown>[],
  ledger: readonly Record<string, unknown>[],
  files: { measures: string; ledger: string },
  options: { policy: Policy; institutions: readonly InstitutionInput[]; period: Period | undefined },
): MeasureOnlineRatesResult {
  try {
    return ratesFromSQL({ measures: cells(measures), ledger: cells(ledger) }, options);
  } catch (e) {
    if (!(e instanceof SunshineInputError)) throw e;
    const lines = e.issues.map((i) => {
      const m = /^result\.(measures|ledger)\[(\d+)\]\.?(.*)$/.exec(i.path);
      // a row of the file: the header is row 1
      return m === null ? `  ${i.path}: ${JSON.stringify(i.value)} — expected ${i.expected}` : `  ${files[m[1] as 'measures' | 'ledger']} 第 ${Number(m[2]) + 2} 行 row ${Number(m[2]) + 2}${m[3] ? `，列 column ${m[3]}` : ''}：${JSON.stringify(i.value)} — expected ${i.expected}`;
    });
    throw input(['导出的结果无法读入 / the exported results are refused:', ...lines].join('\n'));
  }
}

/** The regions file checked against the regions made from the measures: a warehouse that summed otherwise is named. */
export function checkRegions(rows: readonly Record<string, unknown>[], result: MeasureOnlineRatesResult, by: 'province' | 'city' | 'county', file: string): void {
  const ours = new Map(aggregateRates(result.measures, { by, levelGroups: SECONDARY_AND_ABOVE }).map((r) => [`${r.region.id ?? ''}|${r.level}|${r.measure}`, r]));
  const wrong: string[] = [];
  const same = (a: unknown, b: Decimal) => {
    try {
      return new Decimal(String(a ?? '0')).eq(b);
    } catch {
      return false;
    }
  };
  rows.forEach((row, k) => {
    const key = `${String(row.region ?? '')}|${String(row.level ?? '')}|${String(row.measure ?? '')}`;
    const r = ours.get(key);
    if (r === undefined) wrong.push(`  ${file} 第 ${k + 2} 行 row ${k + 2}：${key} 不在由 measures 算出的地区中 / not a region of the measures`);
    else if (!same(row.platform_amount, r.platformAmount) || !same(row.total_amount, r.totalAmount)) {
      wrong.push(`  ${file} 第 ${k + 2} 行 row ${k + 2}：${key} 省平台 ${String(row.platform_amount)} / 院内 ${String(row.total_amount)}，由 measures 算得 ${r.platformAmount.toFixed()} / ${r.totalAmount.toFixed()}`);
    }
  });
  if (wrong.length > 0) throw input([`${file}：地区汇总与 measures 不一致（是否用了另一次查询的结果？） / the regions disagree with the measures (results of another run?):`, ...wrong.slice(0, 20)].join('\n'));
}

export { issueLines };
