/**
 * From the tables the analyst gave to every figure the page shows and every file it offers: only
 * the library's public functions compute (no arithmetic of the page's own). No DOM here, so that the
 * same code can be checked in Node.
 */
import {
  aggregateRates,
  checkTargets,
  comparePeers,
  createRateAccumulator,
  CSV_HEADERS,
  EXCLUSION_LABELS,
  formatRate,
  formatShortfall,
  toCsv,
  fromCsvRowsInChunks,
  fromNhsaRecords,
  getPolicy,
  LEVEL_LABELS,
  REJECTION_LABELS,
  renderBulletin,
  reportingCompleteness,
  SECONDARY_AND_ABOVE,
  type Channel,
  type AdapterResult,
  type InstitutionInput,
  type InstitutionMeasure,
  type LineField,
  type MeasureOnlineRatesResult,
  type NhsaPurchaseRecord,
  type Period,
  type Policy,
  type RegionalMeasure,
  type RejectionKey,
  type RejectedLine,
  type TargetCheck,
} from '../../src/index';
import { runsOf, type RowProblem, type Table } from './input';

/** What the analyst chose. */
export interface Choices {
  /** A built-in policy's id, or a policy of `definePolicy` (the command line's `--policy policy.json`). */
  readonly policy: string | Policy;
  readonly period: Period;
  /** The period as printed: 2024年第一季度, 2024年3月… */
  readonly periodLabel: string;
  readonly by: 'province' | 'city' | 'county';
  readonly digits: number;
  /** The bulletin's date. */
  readonly asOf: string;
}

/** 3503/3504 records from the national platform, with what the records do not say. */
export interface NhsaSource {
  readonly name: string;
  readonly records: readonly NhsaPurchaseRecord[];
  readonly interface: '3503' | '3504';
  readonly institutionId: string;
  readonly channel: Channel;
}

/** A lines table without a column the adapters need: the headers it misses and those it has. */
export class MissingColumns extends Error {
  override readonly name = 'MissingColumns';
  constructor(
    readonly file: string,
    readonly missing: readonly string[],
    readonly found: readonly string[],
  ) {
    super(`${file}：缺少列 ${missing.join('、')}；找到的列：${found.join('、') || '（无）'} / missing columns ${missing.join(', ')}`);
  }
}

const REQUIRED: readonly LineField[] = ['institutionId', 'receivedOn', 'category', 'channel', 'amount'];
const FIELD_HEADER: Readonly<Record<LineField, string>> = {
  institutionId: '医疗机构编码',
  receivedOn: '入库日期',
  category: '类别',
  kind: '品种',
  highValue: '是否高值',
  insuranceCode: '医保代码',
  channel: '采购渠道',
  amount: '金额（元）',
};

/** What a cell should hold, in the words of the page (the library's own words follow them). */
const HINTS: Readonly<Partial<Record<LineField, string>>> = {
  institutionId: '应为机构名单中的编码',
  receivedOn: '应为真实日期，如 2024-03-05 或 2024/3/5',
  category: '应为 药品 或 医用耗材',
  kind: '应为 中药饮片、体外诊断试剂 等品种，或留空',
  highValue: '应为 是 或 否',
  insuranceCode: '应为医保代码文本',
  channel: '应为 省平台、应急 或 线下',
  amount: '应为金额，如 1,234.56 或 12.5万元',
};

export interface Results {
  readonly choices: Choices;
  readonly policyDocument: string;
  readonly result: MeasureOnlineRatesResult;
  readonly regions: readonly RegionalMeasure[];
  readonly checks: readonly TargetCheck[];
  readonly completeness: ReturnType<typeof reportingCompleteness>['table'];
  /** Each institution and measure reported, reported with no purchases, or not reported: the one vocabulary of the page (issue 27). */
  readonly reporting: ReturnType<typeof reportingCompleteness>['entries'];
  readonly peers: ReturnType<typeof comparePeers>;
  /** Every row the page did not count: unreadable rows of the files, and lines the library rejected. */
  readonly problems: readonly RowProblem[];
  /** Data rows read from the files (and 3503/3504 records). */
  readonly rowsRead: number;
  /** Of those, the rows the adapters could not turn into lines (listed in `problems`). */
  readonly rowsUnread: number;
  /** 通报.html: written the first time it is read (a download, the charts after the tables), not before the tables are shown (issue 27). */
  readonly bulletin: string;
}

/**
 * The columns of a lines table: the field each known header feeds (the first header of a field wins), the headers
 * the adapter should ignore, and {@link MissingColumns} when a required field has no column.
 */
export function columnsOf(file: string, headers: readonly string[]): { columnOf: Partial<Record<LineField, string>>; ignore: string[] } {
  const columnOf: Partial<Record<LineField, string>> = {};
  const ignore: string[] = [];
  for (const h of headers) {
    const field = CSV_HEADERS[h];
    if (field === undefined) {
      if (h !== '') ignore.push(h);
    } else {
      columnOf[field] ??= h;
    }
  }
  const missing = REQUIRED.filter((f) => columnOf[f] === undefined);
  if (missing.length > 0) throw new MissingColumns(file, missing.map((f) => FIELD_HEADER[f]), headers.filter((h) => h !== ''));
  return { columnOf, ignore };
}

/** A row the CSV adapter could not read, as 未计入的行 lists it: its file row, column, value, and why in the page's words. */
export function adapterProblem(file: string, r: AdapterResult['rejected'][number]): RowProblem {
  const field = CSV_HEADERS[r.column] ?? (r.column as LineField);
  const reason = field in HINTS ? `${REJECTION_LABELS[`invalid:${field}` as RejectionKey]}：${HINTS[field]} / ${r.expected}` : r.expected;
  return { file, row: r.row ?? r.index + 1, column: r.column, value: String(r.value ?? ''), reason };
}

/** A line the library rejected (an institution not in the list…), as 未计入的行 lists it, at the row it came from. */
export function libraryProblem(file: string, row: number, columnOf: Partial<Record<LineField, string>>, r: RejectedLine): RowProblem {
  const key = (r.reason === 'unknown-institution' ? 'unknown-institution' : `invalid:${r.field}`) as RejectionKey;
  return {
    file,
    row,
    column: columnOf[r.field as LineField] ?? r.field,
    value: String(r.value ?? ''),
    reason: r.reason === 'unknown-institution' ? `${REJECTION_LABELS[key]}：请在机构名单中加入该机构 / not in the institution list` : `${REJECTION_LABELS[key] ?? key}：${HINTS[r.field as LineField] ?? ''} / ${r.expected}`,
  };
}

/** 3503/3504 records the adapter rejected or excluded (gifts), numbered from 1 as the page numbers records. */
export function nhsaProblems(file: string, { rejected, excluded }: Pick<AdapterResult, 'rejected' | 'excluded'>): RowProblem[] {
  return [
    ...rejected.map((r) => ({ file, row: r.index + 1, column: r.column, value: String(r.value ?? ''), reason: r.expected })),
    ...excluded.map((x) => ({ file, row: x.index + 1, column: '', value: x.amount, reason: `剔除：${x.reason} / excluded: ${x.reason}` })),
  ];
}

/** The policy chosen, as the library's object. */
const policyOf = (choices: Choices): Policy => (typeof choices.policy === 'string' ? getPolicy(choices.policy) : choices.policy);

/** Yields to the browser so that it can paint the progress bar. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const CHUNK = 20_000;

/**
 * Computes everything from the tables of purchase lines (and 3503/3504 records) and the
 * institutions; `progress(done, total, phase)` is called as lines are read, and once before the sums
 * and reports (after each call the browser gets to paint).
 */
export async function compute(
  tables: readonly Table[],
  nhsa: readonly NhsaSource[],
  institutions: readonly InstitutionInput[],
  institutionProblems: readonly RowProblem[],
  choices: Choices,
  progress: (done: number, total: number, phase: 'reading' | 'summing') => void = () => undefined,
): Promise<Results> {
  const policy = policyOf(choices);
  const problems: RowProblem[] = [...institutionProblems];
  const acc = createRateAccumulator({ policy, institutions, period: choices.period });
  // where each line fed to the accumulator came from, by its index there: the source, and the row
  const sources: { readonly file: string; readonly columnOf: Partial<Record<LineField, string>> }[] = [];
  const lineSource: number[] = [];
  const lineRow: number[] = [];
  const total = tables.reduce((n, t) => n + t.rows.length, 0) + nhsa.reduce((n, s) => n + s.records.length, 0);
  let done = 0;
  let rowsUnread = 0;
  /** Each line's source and the row the analyst sees: the file row of a table (header = row 1), the record's number (from 1) of 3503/3504 JSON. */
  const feed = (mapped: AdapterResult['lines'], source: number) => {
    // the adapters' lines go to the library as they are (it reads the fields it knows)
    acc.addAll(mapped);
    for (const line of mapped) {
      lineSource.push(source);
      lineRow.push(line.row ?? line.index + 1);
    }
  };

  for (const table of tables) {
    const { columnOf, ignore } = columnsOf(table.name, table.headers);
    const source = sources.push({ file: table.name, columnOf }) - 1;
    // the adapter gives each row its file row across chunks, from the header's row (the row above the first data row);
    // a run of rows at a time where blank rows were left out among them
    for (const run of runsOf(table.rows, table.firstRow, table.rowNumbers)) {
      for (const { lines: mapped, rejected, excluded } of fromCsvRowsInChunks(run.rows, { ignoreColumns: ignore, chunkSize: CHUNK, headerRow: run.row - 1 })) {
        rowsUnread += rejected.length;
        for (const r of rejected) problems.push(adapterProblem(table.name, r));
        feed(mapped, source);
        // every row of the chunk is a line, an exclusion or a rejection
        done += mapped.length + excluded.length + rejected.length;
        progress(done, total, 'reading');
        await pause();
      }
    }
  }
  for (const nhsaSource of nhsa) {
    const { lines: mapped, rejected, excluded } = fromNhsaRecords(nhsaSource.records, { interface: nhsaSource.interface, institutionId: nhsaSource.institutionId, channel: () => nhsaSource.channel });
    rowsUnread += rejected.length + excluded.length;
    // records are numbered from 1 on the page (the adapter gives their index, from 0)
    for (const p of nhsaProblems(nhsaSource.name, { rejected, excluded })) problems.push(p);
    feed(mapped, sources.push({ file: nhsaSource.name, columnOf: {} }) - 1);
    done += nhsaSource.records.length;
    progress(done, total, 'reading');
    await pause();
  }

  progress(done, total, 'summing');
  await pause();
  const result = acc.result();
  for (const r of result.ledger.rejected.reasons) {
    const { file, columnOf } = sources[lineSource[r.index]!]!;
    problems.push(libraryProblem(file, lineRow[r.index]!, columnOf, r));
  }
  // the tab answers between the sums and the reports (issue 27)
  await pause();
  return reportsOf(result, choices, problems, total, rowsUnread);
}

/**
 * Every report of the page from the library's result (of `createRateAccumulator`, `measureOnlineRates` or
 * `ratesFromSQL`): regional figures, target checks, completeness, peers and, when first read, the bulletin; the
 * page and the command line (cli/) both end here, so that they write the same files. The reports are made one at a
 * time, the page answering between them (issue 27).
 */
export async function reportsOf(result: MeasureOnlineRatesResult, choices: Choices, problems: RowProblem[], rowsRead: number, rowsUnread: number): Promise<Results> {
  const policy = policyOf(choices);
  problems.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file < b.file ? -1 : 1));

  // the reports one at a time, the tab answering between them (issue 27)
  const regions = aggregateRates(result.measures, { by: choices.by, levelGroups: SECONDARY_AND_ABOVE });
  await pause();
  const checks = checkTargets([...result.measures, ...regions], policy, { digits: choices.digits });
  await pause();
  const { table: completeness, entries: reporting } = reportingCompleteness([{ period: choices.periodLabel, measures: result.measures }], { by: choices.by });
  await pause();
  // one ranking per measure the policy sets a target for
  const peers = [...new Set(policy.targets.map((t) => t.measure))].flatMap((measure) => comparePeers(result.measures, { by: choices.by, measure, policy }));
  let bulletin: string | undefined;
  const writeBulletin = () =>
    (bulletin ??= renderBulletin(
      { policy, measures: result.measures, by: choices.by, period: choices.periodLabel, warnings: result.warnings },
      { format: 'html', title: `网上采购情况通报（${choices.periodLabel}）`, asOf: choices.asOf, digits: choices.digits },
    ));
  return {
    choices,
    policyDocument: policy.document,
    result,
    regions,
    checks,
    completeness,
    reporting,
    peers,
    problems,
    rowsRead,
    rowsUnread,
    get bulletin() {
      return writeBulletin();
    },
  };
}


/** The status of a measure in the page's words: 未报送 for an institution with no line at all (reportingCompleteness), 无采购 for lines totalling zero. */
export function statusLabel(r: Results, m: InstitutionMeasure | RegionalMeasure): string {
  if (m.subject.type === 'institution' && r.reporting.some((e) => e.institutionId === m.subject.id && e.measure === m.measure && e.status === 'not-reported')) return '未报送';
  return ({ ok: '正常', 'no-purchases': '无采购', inconsistent: '数据不一致' } as Record<string, string>)[m.status] ?? m.status;
}

/**
 * The results as CSV for WPS and Excel (issue 27): Chinese headers and labels (三级, 药品, 正常 / 未报送, 达标 /
 * 未达标), rates as percentages with the digits chosen and, for machines, the exact decimal in a column of its own,
 * amounts needed rounded up to the fen (issue 26); one row per institution measure, then per regional measure.
 * 结果.json keeps English keys and exact decimals.
 */
export function resultsCsv(r: Results): string {
  const checks = new Map(r.checks.map((c) => [`${c.subject.type}|${c.subject.id}|${c.measure}`, c]));
  const digits = r.choices.digits;
  const row = (m: InstitutionMeasure | RegionalMeasure, type: '机构' | '地区', name: string) => {
    const c = checks.get(`${m.subject.type}|${m.subject.id}|${m.measure}`);
    const status = statusLabel(r, m);
    return [
      type,
      m.subject.id,
      name,
      levelName(m.level),
      m.label,
      m.platformAmount.toFixed(),
      m.totalAmount.toFixed(),
      m.emergencyAmount.toFixed(),
      // beside its target, a rate that misses it never prints as the target (issue 26)
      formatRate(m.rate, { digits, target: c?.target, empty: '' }),
      m.rate?.toFixed() ?? '',
      status,
      m.lines,
      c === undefined ? '' : formatRate(c.target, { digits }),
      c === undefined ? '' : c.meets === null ? status : c.meets ? '达标' : '未达标',
      c?.marginPoints?.toFixed(digits) ?? '',
      // amounts needed, rounded up to the fen (issue 26): the exact ones are in 结果.json
      formatShortfall(c?.shortfallScenarios?.moveToPlatform ?? null, { empty: '' }),
      formatShortfall(c?.shortfallScenarios?.addPlatformPurchases ?? null, { empty: '' }),
    ];
  };
  return toCsv([
    [...RESULTS_CSV_HEADERS],
    ...r.result.measures.map((m) => row(m, '机构', m.institutionName ?? m.institutionId)),
    ...r.regions.map((m) => row(m, '地区', m.region.id ?? '（未指定地区）')),
  ]);
}

/** The columns of 结果.csv. */
export const RESULTS_CSV_HEADERS = [
  '类型',
  '编码',
  '名称',
  '级别',
  '指标',
  '省平台金额（元）',
  '院内采购金额（元）',
  '其中应急采购（元）',
  '网采率',
  '网采率（精确值）',
  '状态',
  '纳入行数',
  '目标',
  '考核结果',
  '差距（百分点）',
  '需转入省平台（元，向上取整到分）',
  '或需新增省平台（元，向上取整到分）',
] as const;

/** The rows the page did not count, as CSV. */
export function problemsCsv(r: Results): string {
  return toCsv([['文件', '行', '列', '值', '原因'], ...r.problems.map((p) => [p.file, p.row, p.column, p.value, p.reason])]);
}

/** Everything as JSON (amounts and rates as exact decimal strings). */
export function resultsJson(r: Results): string {
  return JSON.stringify(
    { policy: policyOf(r.choices).id, document: r.policyDocument, period: r.choices.period, measures: r.result.measures, ledger: { ...r.result.ledger, rejected: { ...r.result.ledger.rejected, reasons: undefined } }, regions: r.regions, checks: r.checks, problems: r.problems },
    null,
    1,
  );
}

/** Chinese labels the page shows. */
export const levelName = (l: string) => (l in LEVEL_LABELS ? LEVEL_LABELS[l as keyof typeof LEVEL_LABELS].label : l === 'secondary-and-above' ? '二级及以上' : l);
export const exclusionName = (r: string) => EXCLUSION_LABELS[r as keyof typeof EXCLUSION_LABELS] ?? r;
