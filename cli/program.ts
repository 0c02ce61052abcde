/**
 * The command line (`sunshine-procurement`): its commands, flags, help and exit codes (0 done, 1 input beyond what the
 * flags allow, 2 usage). Argument parsing is commander's (help text, subcommands, the nearest flag to a misspelt one).
 */
import { Command, CommanderError, Option } from 'commander';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { reportingSchedule, SunshineInputError, toICS, CHANNELS, type Channel, type Policy } from '../src/index';
import { CliError, input, usage } from './errors';
import { sniff, writeWhole } from './files';
import { readInstitutionList } from './institutions';
import { describeProblem, readLines } from './lines';
import { ratesInDuckDB } from './duckdb';
import { parsePeriod, periodCovering } from './period';
import { loadPolicy, policyFromFile } from './policy';
import { policiesJson, policiesText, policyText } from './policies';
import { Progress } from './progress';
import { parseFormats, summaryOf, summaryText, writeReports, type Computed } from './rates';
import { checkRegions, DIALECTS, exportedRows, parseTables, resultFromExports, sqlText } from './sql';

/** The package's version, written in by the build. */
declare const SUNSHINE_VERSION: string;

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { isTTY?: boolean; write(text: string): unknown };
  /** Today's date, YYYY-MM-DD, in the machine's time zone (the bulletin's date unless --as-of). */
  readonly today: () => string;
  /** The example files' folder. */
  readonly exampleDir: string;
  /** The size from which a UTF-8 text is read in ranges, when not the default (SUNSHINE_PARALLEL_FROM, for the tests). */
  readonly parallelFrom?: number | undefined;
}

const BY = ['province', 'city', 'county'] as const;
const whole = (flag: string, min: number, max: number) => (v: string) => {
  if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max) throw usage(`${flag} ${JSON.stringify(v)}：应为 ${min} 到 ${max} 的整数 / expected a whole number from ${min} to ${max}`);
  return Number(v);
};
const date = (flag: string) => (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) throw usage(`${flag} ${JSON.stringify(v)}：应为日期 YYYY-MM-DD / expected a date YYYY-MM-DD`);
  return v;
};

interface Common {
  quiet?: boolean;
  json?: boolean;
  debug?: boolean;
}
/** The flags of what `rates` and `from-sql` write: the region level, where, which files, the digits, the bulletin's date. */
const reportOptions = (c: Command) =>
  c
    .addOption(new Option('--by <level>', '地区汇总层级 / the region level of the regional figures').choices(BY).default('city'))
    .option('--out <dir>', '输出目录 / where the files are written', '.')
    .option('--format <list>', '输出格式 / outputs: html, md, csv, json', 'html,md,csv,json')
    .option('--digits <n>', '网采率小数位 / decimals of rates shown', whole('--digits', 0, 6), 2)
    .option('--as-of <date>', '通报日期（默认今天） / the bulletin\'s date (today by default)', date('--as-of'));
const common = (c: Command) =>
  c
    .option('--quiet', '不显示进度与摘要 / no progress and no summary on the terminal')
    .option('--json', '摘要以 JSON 输出到 stdout / print the summary as JSON on stdout')
    .option('--debug', '出错时显示调用栈 / show the stack trace of an error');

/** Builds the program; `run` parses argv and gives the exit code. */
export function program(io: Io): Command {
  const out = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const root = new Command('sunshine-procurement')
    .description('阳光采购网上采购率：文件进，通报出 / sunshine-procurement online purchase rates: files in, the bulletin out')
    .version(SUNSHINE_VERSION, '-v, --version')
    // a misspelt flag: commander's message with the nearest flag, then the command's usage
    .showHelpAfterError(true)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) });

  common(
    reportOptions(
      root
        .command('rates')
        .description('网上采购率、考核、通报 / online purchase rates, target checks and the bulletin, from purchase lines')
        .option('--lines <files...>', '采购明细：CSV（UTF-8/UTF-16/GBK）、.xlsx、3503/3504 JSON、Parquet / purchase lines: CSV, .xlsx, 3503/3504 JSON or Parquet')
        .option('--institutions <file>', '机构名单（CSV 或 .xlsx：编码、名称、级别、性质、省、市、县） / the institution list')
        .option('--policy <id|file>', '政策 id 或政策 JSON 文件 / a built-in policy id or a policy JSON file', 'jiangsu-2022')
        .option('--period <period>', '统计期间：2024Q1、2024-03、2024H1、2024、2024-01-10..2024-02-15；默认为数据所在期间 / the period; by default the one the data covers'),
    )
      .addOption(new Option('--interface <3503|3504>', '3503/3504 JSON 的接口 / the interface of 3503/3504 records').choices(['3503', '3504']))
      .option('--institution-id <id>', '3503/3504 记录所属机构 / the institution of the 3503/3504 records')
      .addOption(new Option('--channel <channel>', '3503/3504 记录的采购渠道 / how the 3503/3504 records were bought').choices(CHANNELS))
      .option('--max-rejected <n>', '未计入的行超过此数即停止（退出码 1） / stop, exit 1, once more rows than this cannot be counted', whole('--max-rejected', 0, Number.MAX_SAFE_INTEGER), 1000)
      .option('--strict', '任一行未能计入即停止 / stop at the first row that cannot be counted')
      .option('--example', '用随包附带的示例文件 / run on the example files shipped with the package')
      .option('--threads <n>', '读取大文件的线程数（默认为 CPU 核数） / threads to read a large UTF-8 file with (the machine\'s cores by default)', whole('--threads', 1, 64))
      .addOption(
        new Option('--engine <engine>', '计算引擎：js，或 duckdb（需安装 @duckdb/node-api；Parquet 文件总由 DuckDB 读取） / the engine: js, or duckdb (needs @duckdb/node-api; Parquet files are always read by DuckDB)').choices(['js', 'duckdb']).default('js'),
      ),
  ).action(async (o: Common & { lines?: string[]; institutions?: string; policy: string; period?: string; by: (typeof BY)[number]; out: string; format: string; digits: number; asOf?: string; interface?: '3503' | '3504'; institutionId?: string; channel?: Channel; maxRejected: number; strict?: boolean; example?: boolean; threads?: number; engine: 'js' | 'duckdb' }) => {
    const files = o.example ? [join(io.exampleDir, '采购明细.csv')] : (o.lines ?? []);
    const institutionsFile = o.example ? join(io.exampleDir, '机构名单.csv') : o.institutions;
    if (files.length === 0) throw usage('rates：缺少 --lines FILE… / give the purchase lines with --lines FILE… (or try --example)');
    if (institutionsFile === undefined) throw usage('rates：缺少 --institutions FILE / give the institution list with --institutions FILE');
    const formats = parseFormats(o.format);
    const policy = await loadPolicy(o.policy);
    const period = o.period === undefined ? undefined : parsePeriod(o.period);
    const progress = new Progress({ quiet: o.quiet === true || o.json === true, stream: io.stderr });
    const list = await readInstitutionList(institutionsFile);
    let computed: Computed | undefined;
    let engineNote: string | undefined;
    const sniffed = await Promise.all(files.map((f) => sniff(f, '--lines')));
    if (o.engine === 'duckdb' || sniffed.some((f) => f.kind === 'parquet')) {
      // the compiled SQL over the files themselves; the JavaScript engine where DuckDB cannot give its outputs (cli/duckdb.ts)
      const scratch = await mkdtemp(join(tmpdir(), 'sunshine-duckdb-'));
      const label = `DuckDB (${files.length} 个文件 files)`;
      const counted = await ratesInDuckDB(sniffed, { policy, institutions: list.institutions, period }, scratch, (percent) => progress.share(label, percent))
        .catch((e: unknown) => {
          if (e instanceof CliError) throw e;
          return { counted: false as const, why: `DuckDB: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
        })
        .finally(() => rm(scratch, { recursive: true, force: true }));
      if (counted.counted) computed = { policy, period, result: counted.result, problems: [...list.problems], rowsRead: counted.result.ledger.input.lines, rowsUnread: 0, dates: { first: counted.first, last: counted.last }, engine: 'duckdb' };
      else engineNote = `DuckDB 未能独自计算，由 JavaScript 引擎逐行读取 / counted by the JavaScript engine, row by row, instead of DuckDB: ${counted.why}`;
    }
    if (computed === undefined) {
      const reading = await readLines({ files: sniffed, accumulator: { policy, institutions: list.institutions, period }, policyArg: o.policy, nhsa: { interface: o.interface, institutionId: o.institutionId, channel: o.channel }, progress, maxRejected: o.maxRejected, strict: o.strict === true, threads: o.threads, parallelFrom: io.parallelFrom });
      const problems = [...list.problems, ...reading.problems];
      computed = { policy, period, result: reading.acc.result(), problems, rowsRead: reading.rowsRead, rowsUnread: reading.rowsUnread, dates: reading.dates, threads: reading.threads, engine: 'js', ...(engineNote === undefined ? {} : { engineNote }) };
    }
    const { problems } = computed;
    if (o.strict && problems.length > 0) throw input(`--strict：${describeProblem(problems[0]!)}`);
    if (problems.length > o.maxRejected) throw input(`${problems.length.toLocaleString('en')} 行未能计入，超过 --max-rejected ${o.maxRejected.toLocaleString('en')}（没有写出任何文件） / ${problems.length.toLocaleString('en')} rows could not be counted, more than --max-rejected allows: nothing written`);
    progress.done();
    await report(computed, o, formats, progress);
  });

  common(
    reportOptions(
    root
      .command('from-sql')
      .description('读入数据仓库导出的查询结果（见 sql 命令），输出与 rates 相同 / read back the exported results of the sql command\'s queries; the same outputs as rates')
      .requiredOption('--measures <file>', 'measures 查询结果（CSV 或 JSON） / the measures query\'s rows (CSV or JSON)')
      .requiredOption('--ledger <file>', 'ledger 查询结果 / the ledger query\'s rows')
      .option('--regions <file>', 'regions 查询结果，用于核对 / the regions query\'s rows, checked against the measures')
      .requiredOption('--institutions <file>', '机构名单 / the institution list')
      .option('--policy <id|file>', '编译查询时的政策 / the policy the queries were compiled from', 'jiangsu-2022')
      .option('--period <period>', '编译查询时的期间 / the period the queries were compiled with'),
    ),
  ).action(async (o: Common & { measures: string; ledger: string; regions?: string; institutions: string; policy: string; period?: string; by: (typeof BY)[number]; out: string; format: string; digits: number; asOf?: string }) => {
    const formats = parseFormats(o.format);
    const policy = await loadPolicy(o.policy);
    const period = o.period === undefined ? undefined : parsePeriod(o.period);
    const progress = new Progress({ quiet: o.quiet === true || o.json === true, stream: io.stderr });
    const list = await readInstitutionList(o.institutions);
    const result = resultFromExports(await exportedRows(o.measures, '--measures'), await exportedRows(o.ledger, '--ledger'), { measures: o.measures, ledger: o.ledger }, { policy, institutions: list.institutions, period });
    if (o.regions !== undefined) checkRegions(await exportedRows(o.regions, '--regions'), result, o.by, o.regions);
    await report({ policy, period, result, problems: [...list.problems], rowsRead: result.ledger.input.lines, rowsUnread: 0, dates: null }, o, formats, progress);
  });

  async function report(c: Computed, o: Common & { by: (typeof BY)[number]; out: string; digits: number; asOf?: string }, formats: ReturnType<typeof parseFormats>, progress: Progress) {
    const { results, written } = await writeReports(c, { by: o.by, digits: o.digits, asOf: o.asOf ?? io.today(), out: o.out, formats }, periodCovering);
    const summary = summaryOf(results, c, written, progress.seconds);
    if (o.json) out(JSON.stringify(summary, null, 2));
    else if (!o.quiet) out(summaryText(summary, results));
  }

  common(
    root
      .command('schedule')
      .description('报送期限（按中国工作日顺延） / the report deadlines of a policy, rolled over Chinese rest days')
      .option('--policy <id|file>', '政策 / the policy', 'jiangsu-2022')
      .requiredOption('--year <yyyy>', '年份 / the year', whole('--year', 1990, 2100))
      .option('--ics <file>', '写出日历文件 .ics / write the deadlines as an .ics calendar'),
  ).action(async (o: Common & { policy: string; year: number; ics?: string }) => {
    const policy = await loadPolicy(o.policy);
    let events;
    try {
      events = reportingSchedule(policy, { year: o.year });
    } catch (e) {
      if (e instanceof SunshineInputError) throw usage(`schedule：${e.issues.map((i) => `${i.path}: ${i.expected}`).join('; ')}`);
      throw e;
    }
    if (o.ics !== undefined) {
      await mkdir(dirname(o.ics), { recursive: true });
      await writeWhole(o.ics, toICS(events, { dtstamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), name: `${policy.document} ${o.year}` }));
    }
    if (o.json) out(JSON.stringify(events.map((e) => ({ kind: e.kind, label: e.label, labelEn: e.labelEn, period: e.period, due: e.due, nominalDue: e.nominalDue, rolled: e.rolled, provisional: e.provisional, who: e.who ?? null, to: e.to ?? null, citation: e.citation })), null, 2));
    else if (!o.quiet) {
      const rows = events.map((e) => [e.due ?? '（文件未规定日期）', e.period, e.label, e.rolled ? `顺延自 ${e.nominalDue}` : '', e.citation.clause]);
      out([`${policy.id}（${policy.document}）${o.year} 年报送期限 / deadlines`, ...rows.map((r) => r.filter((c) => c !== '').join('  ')), ...(o.ics === undefined ? [] : [`已写入 written: ${o.ics}`])].join('\n'));
    }
  });

  common(
    root
      .command('sql')
      .description('编译的 SQL 查询（在数据仓库中计算） / the compiled SQL queries, to run in a warehouse')
      .option('--policy <id|file>', '政策 / the policy', 'jiangsu-2022')
      .addOption(new Option('--dialect <dialect>', 'SQL 方言 / the SQL dialect').choices(DIALECTS).makeOptionMandatory())
      .option('--period <period>', '统计期间 / the period')
      .option('--tables <list>', '表名：lines=库.表,institutions=库.表 / table names')
      .addOption(new Option('--by <level>', 'regions 查询的地区层级 / the region level of the regions query').choices(BY).default('city')),
  ).action(async (o: Common & { policy: string; dialect: (typeof DIALECTS)[number]; period?: string; tables?: string; by: (typeof BY)[number] }) => {
    const policy = await loadPolicy(o.policy);
    out(sqlText(policy, o.dialect, o.period === undefined ? undefined : parsePeriod(o.period), parseTables(o.tables), o.by));
  });

  common(root.command('policies').description('内置政策：文件、地区、有效期、目标 / the built-in policies: documents, periods in force, targets')).action((o: Common) => {
    out(o.json ? JSON.stringify(policiesJson(), null, 2) : policiesText());
  });

  common(
    root
      .command('check-policy')
      .description('检查政策 JSON 文件：列出错误，或其内容摘要 / check a policy JSON file: its errors, or a summary')
      .argument('<file>', '政策 JSON 文件 / the policy JSON file'),
  ).action(async (file: string, o: Common) => {
    const policy: Policy = await policyFromFile(file, 'check-policy');
    out(o.json ? JSON.stringify({ ok: true, id: policy.id, document: policy.document }, null, 2) : `政策有效 / the policy is valid\n${policyText(policy)}`);
  });
  return root;
}

/** Runs the command line on argv (without node and the script) and gives its exit code; nothing here calls process.exit. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await program(io).parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      // commander has printed its message and the usage
      return 2;
    }
    if (e instanceof CliError) {
      io.stderr.write(`${e.message}\n${debug ? `${e.stack ?? ''}\n` : ''}`);
      return e.exitCode;
    }
    if (e instanceof SunshineInputError) {
      io.stderr.write(`${e.message}\n${debug ? `${e.stack ?? ''}\n` : ''}`);
      return 1;
    }
    io.stderr.write(`意外错误 / unexpected error: ${e instanceof Error ? e.message : String(e)}\n${debug && e instanceof Error ? `${e.stack}\n` : '(--debug：显示调用栈 / for the stack trace)\n'}`);
    return 1;
  }
}

