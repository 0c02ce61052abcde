/**
 * The DuckDB engine of `rates` (issue 28): `--engine duckdb`, and every Parquet file. DuckDB reads the files themselves
 * (`read_csv`, `read_parquet`: in parallel, in native code), CSV once into a typed temporary table, Parquet through a
 * view, and the compiled SQL runs on it; `ratesFromSQL` reads the sums back. The outputs must be those of the JavaScript engine, so DuckDB maps
 * only what it maps with certainty, by the adapter's own value tables (categories, channels, kinds, high-value flags),
 * the adapter's date pattern (a day, then a time of day) and plain decimal amounts (at most 12 digits before the point
 * and 6 after); a cell with white space at its ends (which JavaScript trims by Unicode's rules, SQL by its own) or any
 * other cell makes its line one the compiled SQL rejects. A Parquet file's columns are read as the text DuckDB casts
 * them to, by both engines: the same cells, whatever their Parquet types.
 *
 * Any rejected line means rows to list at their rows, which `read_csv` does not give: the JavaScript engine then reads
 * the files instead, and lists them (a Parquet file written as CSV for it by DuckDB, {@link parquetAsCsv}); so it does
 * for a file that is not UTF-8 CSV (GBK, a workbook, JSON), amounts in 万元, a field in two columns, or no line
 * counted. The summary says which engine counted, and why.
 */
import { compileRatesSQL, CSV_HEADERS, ratesFromSQL, type InstitutionInput, type LineField, type MeasureOnlineRatesResult, type Period, type Policy } from '../src/index';
import { delimitedReader, textKindOf, type TextLayout } from '../examples/calculator/input';
import { columnsOf } from '../examples/calculator/compute';
import { CATEGORY_VALUES, CHANNEL_VALUES, HIGH_VALUE, KINDS } from '../src/adapter/fromCsvRows';
import { TIME } from '../src/adapter/read';
import { input, usage } from './errors';
import { textPieces, type Sniffed } from './files';

/** The package DuckDB's engine needs, pinned as the project pins it. */
export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.5-r.5';

/** What the DuckDB engine gives: the result, or why the JavaScript engine must read the files. */
export type DuckDBOutcome =
  | { readonly counted: true; readonly result: MeasureOnlineRatesResult; readonly first: string; readonly last: string }
  | { readonly counted: false; readonly why: string };

type DuckDBModule = typeof import('@duckdb/node-api');
type DuckDBConnection = import('@duckdb/node-api').DuckDBConnection;

/**
 * DuckDB's memory limit (the temporary table of 10,000,000 lines spills beyond it to the run's own folder, removed
 * after), and the bytes of CSV each of its threads reads at a time: with DuckDB's defaults (80 % of the machine's
 * memory, 32 MB buffers) the run peaked at 390 MiB; with these, 265 MiB, and no slower (docs/performance.md). A run that
 * needs more fails in DuckDB, and the JavaScript engine counts instead.
 */
const MEMORY_LIMIT = '96MB';
const CSV_BUFFER = 4 * 1024 * 1024;

/** @duckdb/node-api, or a usage error that says how to install it. */
async function loadDuckDB(): Promise<DuckDBModule> {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw usage(
      `--engine duckdb 与 Parquet 文件需要 DuckDB：npm install ${DUCKDB_PACKAGE}（可选依赖），或用 js 引擎读 CSV / --engine duckdb and Parquet files need DuckDB: npm install ${DUCKDB_PACKAGE} (an optional peer dependency), or read CSV with the js engine`,
    );
  }
}

/** A SQL string literal. */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A SQL identifier (a Parquet column's name). */
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** The characters JavaScript's `trim` removes (ECMAScript's white space and line terminators), as a regular expression class. */
const WHITE_SPACE = String.raw`[\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;
/** A day, then the adapter's own time-of-day pattern (src/adapter/read.ts, TIME: RE2 reads it as JavaScript does) after a space or a T. */
const DATE_TIME = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]${TIME.source.slice(1, -1)})?$'`;
// at most 12 digits before the point and 6 after: DECIMAL(18, 6), a 64-bit integer (a cast to DECIMAL(38, 12) took 4.5 s
// a million lines, this one 0.09 s); sums are exact in DuckDB's 128-bit accumulator
const AMOUNT = `'^-?[0-9]{1,12}(\\.[0-9]{1,6})?$'`;

/** A file DuckDB reads: its header, and the SQL that reads its cells as columns `c0`, `c1`…, of their types. */
interface Source {
  readonly headers: readonly string[];
  /** Each column's DuckDB type: VARCHAR for every column of a CSV file; a Parquet file's own. */
  readonly types: readonly string[];
  /** A table expression of the cells, one column per header, in order. */
  readonly read: string;
  readonly columnOf: Partial<Record<LineField, string>>;
  /** Read by every query (a Parquet file, a scan of which costs little) rather than once into a table (a CSV file). */
  readonly scanEachTime: boolean;
}

/** The layout of a delimited UTF-8 file from its first piece, or why DuckDB cannot read it as the page would. */
async function csvSource(path: string, name: string): Promise<Source | string> {
  let encoding = '';
  const pieces = textPieces(path, (_, e) => (encoding = e));
  const head = await pieces.next();
  await pieces.return(undefined);
  const first = head.done === true ? '' : head.value;
  if (!encoding.startsWith('UTF-8')) return `${name} 是 ${encoding}，不是 UTF-8 / ${name} is ${encoding}, not UTF-8`;
  if (textKindOf(name, new TextEncoder().encode(first.slice(0, 4096)), [first]) !== 'delimited') return `${name} 是 JSON / ${name} is JSON`;
  const reader = delimitedReader(name);
  for (let at = 0; at < first.length && reader.layout === null; at += 65_536) reader.push(first.slice(at, at + 65_536));
  if (reader.layout === null) reader.end();
  const layout = reader.layout as TextLayout | null;
  if (layout === null) return `${name} 开头没有表头 / ${name} has no header in its first piece`;
  const columns = layout.headers.map((_, k) => `'c${k}': 'VARCHAR'`).join(', ');
  const read = `read_csv(${lit(path)}, delim = ${lit(layout.delimiter)}, quote = '"', escape = '"', header = false, skip = ${layout.firstRow - 1}, all_varchar = true, auto_detect = false, null_padding = true, buffer_size = ${CSV_BUFFER}, columns = {${columns}})`;
  return { headers: layout.headers, types: layout.headers.map(() => 'VARCHAR'), read, columnOf: columnsOf(name, layout.headers).columnOf, scanEachTime: false };
}

/** A Parquet file's columns of their own types (each read as the text DuckDB casts it to, but where the type makes that text certain: {@link ratesInDuckDB}). */
async function parquetSource(db: DuckDBConnection, path: string, name: string): Promise<Source> {
  const { headers, types } = await parquetColumns(db, path, name);
  const read = `(SELECT ${headers.map((h, k) => `${ident(h)} AS c${k}`).join(', ')} FROM read_parquet(${lit(path)}))`;
  return { headers, types, read, columnOf: columnsOf(name, headers).columnOf, scanEachTime: true };
}

/** A Parquet file's column names and types (an input error naming the file when DuckDB cannot read it). */
async function parquetColumns(db: DuckDBConnection, path: string, name: string): Promise<{ headers: string[]; types: string[] }> {
  try {
    const rows = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`)).getRows();
    return { headers: rows.map((r) => String(r[0])), types: rows.map((r) => String(r[1])) };
  } catch (e) {
    throw input(`${name}：DuckDB 无法读取这个 Parquet 文件（${(e as Error).message.split('\n')[0]}） / DuckDB cannot read this Parquet file`);
  }
}

/**
 * Counts the lines of `files` in DuckDB; `counted: false` (with why) when the JavaScript engine must read them so that
 * the outputs are the same and every row not counted is listed at its row. Each row's cells are mapped as the adapter
 * maps them where that is certain (a cell that is not certain makes the row one the compiled SQL rejects), into
 * `purchase_lines`: a typed temporary table, filled by one scan of the files, when a CSV file is among them (a scan of
 * CSV costs most); a view over Parquet files alone, which each query reads (a scan of Parquet costs less than the
 * table). The compiled queries then run on it.
 */
export async function ratesInDuckDB(
  files: readonly Sniffed[],
  o: { policy: Policy; institutions: readonly InstitutionInput[]; period: Period | undefined },
  scratch: string,
  /** Called while DuckDB reads, with its estimate of the share done, in per cent. */
  onProgress: (percent: number) => void = () => undefined,
): Promise<DuckDBOutcome> {
  const { DuckDBInstance } = await loadDuckDB();
  // DuckDB's memory: a limit, and the rest spilled to a folder of the run's own (removed after)
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: MEMORY_LIMIT,
    threads: '2',
    temp_directory: scratch,
    preserve_insertion_order: 'false',
  });
  const db = await instance.connect();
  let polling: ReturnType<typeof setInterval> | undefined;
  try {
    // DuckDB's own estimate of a query's progress, read by the command line (not printed by DuckDB; settings that
    // DuckDBInstance.create refuses)
    await db.run('SET enable_progress_bar = true');
    await db.run('SET enable_progress_bar_print = false');
    const sources: Source[] = [];
    for (const file of files) {
      const { path } = file;
      if (file.kind === 'xlsx') return { counted: false, why: `${file.name} 是工作簿 / ${file.name} is a workbook` };
      const source = file.kind === 'parquet' ? await parquetSource(db, path, file.name) : await csvSource(path, file.name);
      if (typeof source === 'string') return { counted: false, why: source };
      // a field fed by two columns (the adapter reads both, the last one wins), or amounts in 万元: not a cast
      const mapped = source.headers.filter((h) => CSV_HEADERS[h] !== undefined);
      if (new Set(mapped.map((h) => CSV_HEADERS[h])).size !== mapped.length) return { counted: false, why: `${file.name} 有两列对应同一字段 / ${file.name} has two columns of one field` };
      if (source.columnOf.amount?.includes('万元')) return { counted: false, why: `${file.name} 的金额以万元计 / ${file.name}'s amounts are in 万元` };
      sources.push(source);
    }
    const rows = async (q: string) => {
      const t = performance.now();
      const r = (await db.runAndReadAll(q)).getRows();
      // each query's time, for docs/performance.md
      if (process.env.SUNSHINE_DEBUG_DUCKDB) process.stderr.write(`${(performance.now() - t).toFixed(0)} ms: ${q.slice(0, 60).replace(/\s+/g, ' ')}\n`);
      return r;
    };
    await db.run('CREATE TABLE institutions (id VARCHAR, level VARCHAR, ownership VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR)');
    if (o.institutions.length > 0) {
      const v = (s: string | undefined) => (s === undefined ? 'NULL' : lit(s));
      await db.run(`INSERT INTO institutions VALUES ${o.institutions.map((i) => `(${lit(i.id)}, ${lit(i.level)}, ${lit(i.ownership)}, ${v(i.region?.province)}, ${v(i.region?.city)}, ${v(i.region?.county)})`).join(', ')}`);
    }
    /** A cell mapped by one of the adapter's value tables ('' is no value: `otherwise`). */
    const cases = (cell: string, table: Readonly<Record<string, string | boolean>>, otherwise: string) =>
      `CASE ${cell} ${Object.entries(table)
        .filter(([k]) => k !== '')
        .map(([k, v]) => `WHEN ${lit(k)} THEN ${typeof v === 'boolean' ? String(v).toUpperCase() : lit(v)}`)
        .join(' ')} ELSE ${otherwise} END`;
    const selects = sources.map(({ headers, types, read, columnOf }) => {
      const at = (f: LineField) => (columnOf[f] === undefined ? -1 : headers.indexOf(columnOf[f]));
      /** A field's cell as text, '' for none: the text the JavaScript engine reads (a Parquet cell as DuckDB casts it). */
      const cell = (f: LineField) => {
        const k = at(f);
        return k < 0 ? null : `COALESCE(${types[k] === 'VARCHAR' ? `c${k}` : `CAST(c${k} AS VARCHAR)`}, '')`;
      };
      /** A typed Parquet column, unless its type makes the text path's answer certain without the text (below). */
      const typed = (f: LineField) => (at(f) < 0 ? '' : types[at(f)]!);
      // white space at an end, as JavaScript's trim sees it (a pattern: DuckDB's trim(s, characters) took 3.6 s over
      // 10,000,000 cells of few values, the pattern 0.25 s)
      const edge = (c: string) => `regexp_matches(${c}, '^${WHITE_SPACE}|${WHITE_SPACE}$')`;
      const id = cell('institutionId')!;
      const day = cell('receivedOn')!;
      const category = cell('category')!;
      const kind = cell('kind');
      const high = cell('highValue');
      const code = cell('insuranceCode');
      const channel = cell('channel')!;
      const amount = cell('amount')!;
      // a typed day: its text is YYYY-MM-DD (then a time of day, for a timestamp) for the years 1 to 9999, which the
      // text path reads as that day; other years, infinities and nulls have texts it refuses
      const dayType = typed('receivedOn');
      const dayColumn = `c${at('receivedOn')}`;
      const receivedOn =
        dayType === 'DATE' || dayType === 'TIMESTAMP'
          ? `CASE WHEN year(${dayColumn}) BETWEEN 1 AND 9999 THEN CAST(${dayColumn} AS DATE) END`
          : `TRY_CAST(CASE WHEN regexp_matches(${day}, ${DATE_TIME}) THEN substr(${day}, 1, 10) END AS DATE)`;
      // a typed amount, a decimal of at most 6 places or a whole number: its text is plain digits, which the text path
      // reads when at most 12 come before the point
      const amountType = typed('amount');
      const amountColumn = `c${at('amount')}`;
      const exact = /^DECIMAL\(\d+,[0-6]\)$/.test(amountType) || /^U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?$/.test(amountType);
      const amountValue = exact
        ? `CASE WHEN abs(${amountColumn}) < 1000000000000 THEN CAST(${amountColumn} AS DECIMAL(18, 6)) END`
        : `TRY_CAST(CASE WHEN regexp_matches(${amount}, ${AMOUNT}) THEN ${amount} END AS DECIMAL(18, 6))`;
      // a row with a cell the adapter might read otherwise: its category is made null, which the compiled SQL rejects
      // (a coded cell with white space at its ends matches no value of its table: its line is rejected already)
      const uncertain = [...(high === null ? [] : [`(${high} <> '' AND ${cases(high, HIGH_VALUE, 'NULL')} IS NULL)`]), ...(code === null ? [] : [edge(code)])].join(' OR ') || 'FALSE';
      return `SELECT
        CASE WHEN ${id} = '' OR ${edge(id)} THEN NULL ELSE ${id} END AS institution_id,
        ${receivedOn} AS received_on,
        CASE WHEN ${uncertain} THEN NULL ELSE ${cases(category, CATEGORY_VALUES, 'NULL')} END AS category,
        ${kind === null ? 'NULL' : `CASE WHEN ${kind} = '' THEN NULL ELSE ${cases(kind, KINDS, "'?'")} END`} AS kind,
        ${high === null ? 'NULL' : `CASE WHEN ${high} = '' THEN FALSE ELSE ${cases(high, HIGH_VALUE, 'NULL')} END`} AS high_value,
        ${code === null ? 'NULL' : `NULLIF(${code}, '')`} AS insurance_code,
        ${cases(channel, CHANNEL_VALUES, 'NULL')} AS channel,
        ${amountValue} AS amount
      FROM ${read}
      WHERE ${someCell(headers.length)}`;
    });
    // Parquet files alone: a view, read by each query (a scan of Parquet costs less than a table of it); with a CSV
    // file, one scan of the files into a table
    const each = sources.every((s) => s.scanEachTime);
    // DuckDB's estimate of the share done of each query that reads the files
    polling = setInterval(() => {
      const p = db.progress;
      if (p.percentage >= 0) onProgress(p.percentage);
    }, 200);
    const t = performance.now();
    await db.run(`CREATE TEMP ${each ? 'VIEW' : 'TABLE'} purchase_lines AS ${selects.join('\nUNION ALL\n')}`);
    if (process.env.SUNSHINE_DEBUG_DUCKDB) process.stderr.write(`${(performance.now() - t).toFixed(0)} ms: the ${each ? 'view' : 'table'} purchase_lines\n`);
    const sql = compileRatesSQL(o.policy, { dialect: 'duckdb', period: o.period });
    const result = ratesFromSQL({ measures: await rows(sql.measures), ledger: await rows(sql.ledger) }, { policy: o.policy, institutions: o.institutions, period: o.period });
    if (result.ledger.rejected.lines > 0) return { counted: false, why: `${result.ledger.rejected.lines.toLocaleString('en')} 行需逐行列出 / rows must be listed at their rows` };
    if (result.ledger.included.lines === 0) return { counted: false, why: '没有计入的行 / no line counted' };
    const [[first, last]] = (await rows('SELECT CAST(MIN(received_on) AS VARCHAR), CAST(MAX(received_on) AS VARCHAR) FROM purchase_lines')) as [[string, string]];
    // nothing rejected: the SQL's tally of rejections by reason is empty, and left out as the engine leaves it out
    const { byReason: _, ...rejected } = result.ledger.rejected;
    return { counted: true, result: { ...result, ledger: { ...result.ledger, rejected } }, first, last };
  } finally {
    clearInterval(polling);
    db.closeSync();
    instance.closeSync();
  }
}

/** A row with a cell: an empty line of a CSV, or a Parquet row of nulls only, is no row (as the page reads text). */
const someCell = (n: number) => `NOT (${Array.from({ length: n }, (_, k) => `c${k} IS NULL`).join(' AND ')})`;

/**
 * A Parquet file's cells written as CSV to `out` (its column names the header, every cell as the text DuckDB casts it
 * to, a null as an empty cell), in the file's order, for the JavaScript engine: the same cells the DuckDB engine maps.
 * A row of nulls only is a row of empty cells, which the reader skips as it skips an empty line.
 */
export async function parquetAsCsv(path: string, name: string, out: string): Promise<void> {
  const { DuckDBInstance } = await loadDuckDB();
  // the file's order (insertion order, DuckDB's default: kept), which numbers the rows
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: MEMORY_LIMIT, threads: '2', preserve_insertion_order: 'true' });
  const db = await instance.connect();
  try {
    const { headers } = await parquetColumns(db, path, name);
    await db.run(`COPY (SELECT ${headers.map((h) => `CAST(${ident(h)} AS VARCHAR) AS ${ident(h)}`).join(', ')} FROM read_parquet(${lit(path)})) TO ${lit(out)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
