/**
 * Purchase lines from the files of `--lines`, streamed through the adapters into accumulators (issue 28): CSV and
 * tab-separated text a slice at a time (memory holds one piece, 4 MB, and the rows of 64 K characters), workbooks and
 * 3503/3504 JSON whole (their readers read them whole). A large UTF-8 text is read in as many ranges as the machine
 * has cores, each in a worker thread with an accumulator of its own, merged at the end (the accumulator is mergeable
 * for this). Every row is counted, excluded or listed with its file, row, column, value and why; the library's own
 * rejections are traced back to the row they came from.
 */
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRateAccumulator, fromCsvRows, fromNhsaRecords, rateAccumulatorFromJSON, type Channel, type InstitutionInput, type LineField, type Period, type Policy, type RateAccumulator, type RejectedLine } from '../src/index';
import { columnFor, delimitedReader, runsOf, jsonOf, readWorkbook, textKindOf, UnreadableFile, type DelimitedRows, type RowProblem, type Table, type TextLayout } from '../examples/calculator/input';

type DelimitedReader = ReturnType<typeof delimitedReader>;
import { adapterProblem, columnsOf, libraryProblem, MissingColumns, nhsaProblems } from '../examples/calculator/compute';
import { CliError, input, usage } from './errors';
import { parquetAsCsv } from './duckdb';
import { bytesOf, textPieces, type Sniffed } from './files';
import type { Progress } from './progress';

/** How many characters of text are parsed and mapped at a time: their rows, cells and lines die young, in the garbage collector's cheap generation (4 MB at once kept 60,000 rows alive and cost 1.5 s of collection a million lines). */
const SLICE = 65_536;
/** The old generation of a worker's heap, in MB: its data is a piece of text and the rows of one slice. */
const WORKER_HEAP_MB = 96;
/** A UTF-8 text at least this large is read in ranges, in parallel. */
export const PARALLEL_FROM = 32 * 1024 * 1024;

/** What the 3503/3504 records do not say, from the flags. */
export interface NhsaFlags {
  readonly interface?: '3503' | '3504' | undefined;
  readonly institutionId?: string | undefined;
  readonly channel?: Channel | undefined;
}

/** What an accumulator is made with: the same for every range and file, so that they merge. */
export interface AccumulatorOptions {
  readonly policy: Policy;
  readonly institutions: readonly InstitutionInput[];
  readonly period: Period | undefined;
}

/** Where the lines of one batch fed to an accumulator came from: their file, and each line's row. */
interface Batch {
  /** The accumulator's index of the batch's first line. */
  readonly start: number;
  readonly file: string;
  readonly columnOf: Partial<Record<LineField, string>>;
  /** Each line's row; null when the rows run on from `firstRow` without a gap (the usual case: nothing kept per line). */
  readonly rows: Int32Array | null;
  readonly firstRow: number;
}

/** The limits on rows not counted: a count shared by every sink of the run (in this thread). */
export interface Limits {
  readonly maxRejected: number;
  readonly strict: boolean;
  /** Rows not counted so far in the sinks that finished, and in workers' reports. */
  counted: number;
}

/**
 * One accumulator and what was fed to it: the rows not counted (the adapters' at once, the library's traced back at the
 * end), the rows read. A file, or a range of a file, has one. (The dates seen are the accumulator's: `toJSON().dates`.)
 */
export class Sink {
  readonly acc: RateAccumulator;
  readonly problems: RowProblem[] = [];
  readonly batches: Batch[] = [];
  rowsRead = 0;
  rowsUnread = 0;
  /** Rows the adapters rejected (not the gifts of 3503/3504, which are excluded by rule), and lines of institutions not in the list (the library will reject them). */
  rejected = 0;
  private readonly known: Set<string>;
  constructor(
    options: AccumulatorOptions | RateAccumulator,
    institutions: readonly InstitutionInput[],
    private readonly limits: Limits,
  ) {
    this.acc = 'policy' in options ? createRateAccumulator(options) : options;
    this.known = new Set(institutions.map((i) => i.id));
  }

  /** Stops the run when the rows not counted pass the limit (or any, with --strict). */
  check(): void {
    if (this.rejected === 0) return;
    if (this.limits.strict) throw input(`--strict：${this.firstProblem()}`);
    if (this.limits.counted + this.rejected > this.limits.maxRejected) {
      throw input(
        `超过 ${this.limits.maxRejected.toLocaleString('en')} 行未能计入，已停止（没有写出任何文件） / more than ${this.limits.maxRejected.toLocaleString('en')} rows could not be counted: stopped, nothing written.\n${this.firstProblem()}\n请检查列名与机构名单，或用 --max-rejected N 放宽 / check the columns and the institution list, or allow more with --max-rejected N`,
      );
    }
  }

  private firstProblem(): string {
    const p = this.problems.find((q) => !q.reason.startsWith('剔除'));
    if (p !== undefined) return describeProblem(p);
    return `${this.rejected.toLocaleString('en')} 行的机构不在名单中 / rows of institutions not in the list`;
  }

  feed(lines: readonly { institutionId: string; row?: number | undefined; index: number }[], file: string, columnOf: Partial<Record<LineField, string>>): void {
    const start = this.acc.lines;
    this.acc.addAll(lines as never);
    let contiguous = true;
    const firstRow = lines[0]?.row ?? (lines[0]?.index ?? 0) + 1;
    const known = this.known;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if ((line.row ?? line.index + 1) !== firstRow + i) contiguous = false;
      // counted here to stop early: a wrong institution list would otherwise keep millions of rejections
      if (!known.has(line.institutionId)) this.rejected++;
    }
    const rows = contiguous ? null : Int32Array.from(lines, (l) => l.row ?? l.index + 1);
    if (lines.length > 0) this.batches.push({ start, file, columnOf, rows, firstRow });
  }

  private readonly columns = new Map<string, ReturnType<typeof columnsOf>>();
  /** A piece of a delimited text's rows (null while its header is not found yet), by the columns of its header. */
  readChunk(file: string, chunk: DelimitedRows | null): void {
    if (chunk === null) return;
    let columns = this.columns.get(file);
    if (columns === undefined) this.columns.set(file, (columns = guard(() => columnsOf(file, chunk.headers))));
    // a run of rows at a time where blank rows were left out among them (their numbers kept)
    for (const run of runsOf(chunk.rows, chunk.firstRow + chunk.before, chunk.rowNumbers)) this.readRows(file, run.rows, columns, run.row - 1);
  }

  /** A piece of text fed to a reader a slice at a time, each slice's rows read as they come. */
  readPiece(file: string, reader: DelimitedReader, piece: string): void {
    for (let at = 0; at < piece.length; at += SLICE) this.readChunk(file, guard(() => reader.push(piece.slice(at, at + SLICE))));
  }

  /** Rows of a delimited text or a sheet, keyed by header; `headerRow` is the file row above the first of them. */
  readRows(file: string, rows: readonly Record<string, string>[], { columnOf, ignore }: ReturnType<typeof columnsOf>, headerRow: number): void {
    const { lines, rejected, excluded } = fromCsvRows(rows, { ignoreColumns: ignore, headerRow });
    this.rowsRead += rows.length;
    this.rowsUnread += rejected.length + excluded.length;
    this.rejected += rejected.length;
    for (const r of rejected) this.problems.push(adapterProblem(file, r));
    this.feed(lines, file, columnOf);
    this.check();
  }

  readTable(table: Table): void {
    const columns = guard(() => columnsOf(table.name, table.headers));
    for (const run of runsOf(table.rows, table.firstRow, table.rowNumbers)) {
      for (let at = 0; at < run.rows.length; at += 50_000) this.readRows(table.name, run.rows.slice(at, at + 50_000), columns, run.row - 1 + at);
    }
  }

  readNhsa(name: string, value: unknown, nhsa: NhsaFlags): void {
    const records = Array.isArray(value) ? value : (value as { records?: unknown } | null)?.records;
    if (!Array.isArray(records)) throw input(`${name}：应为 3503/3504 记录的数组，或 { "records": [...] } / expected an array of 3503/3504 records`);
    const { interface: iface, institutionId, channel } = nhsa;
    const missing = [iface === undefined ? '--interface 3503|3504' : '', institutionId === undefined ? '--institution-id ID' : '', channel === undefined ? '--channel platform|emergency|offline' : ''].filter((f) => f !== '');
    if (missing.length > 0) throw usage(`${name}：3503/3504 记录不含这些信息，请用参数给出 / the records do not say these: give ${missing.join(', ')}`);
    const result = fromNhsaRecords(records as never, { interface: iface!, institutionId: institutionId!, channel: () => channel! });
    this.rowsRead += records.length;
    this.rowsUnread += result.rejected.length + result.excluded.length;
    this.rejected += result.rejected.length;
    for (const p of nhsaProblems(name, result)) this.problems.push(p);
    this.feed(result.lines, name, {});
    this.check();
  }

  /** The rows not counted, the library's rejections traced to their rows (call once, when everything is fed). */
  finish(): RowProblem[] {
    const traced = traceRejections(this.batches, this.acc.result().ledger.rejected.reasons);
    for (const p of traced) this.problems.push(p);
    this.limits.counted += this.rejected;
    return this.problems;
  }
}

export interface ReadLinesOptions {
  /** The files of `--lines`, as {@link sniff} found them. */
  readonly files: readonly Sniffed[];
  readonly accumulator: AccumulatorOptions;
  /** The policy as the command line named it (an id or a file), for the workers. */
  readonly policyArg: string;
  readonly nhsa: NhsaFlags;
  readonly progress: Progress;
  /** Stop (an input error) once more rows than this are not counted. */
  readonly maxRejected: number;
  /** Stop at the first row not counted. */
  readonly strict: boolean;
  /** Threads to read a large UTF-8 text with (the machine's cores by default; 1: no worker). */
  readonly threads?: number | undefined;
  /** The size from which a UTF-8 text is read in ranges ({@link PARALLEL_FROM} by default; the tests set less). */
  readonly parallelFrom?: number | undefined;
}

/** Everything the reading gives: one accumulator of every line, the rows not counted, the rows read, the dates seen. */
export interface Reading {
  readonly acc: RateAccumulator;
  readonly problems: RowProblem[];
  rowsRead: number;
  rowsUnread: number;
  /** The first and last dates of the lines, or null (the merged accumulator's). */
  dates: { first: string; last: string } | null;
  /** How many threads read the largest file. */
  threads: number;
}

/** Reads every file, each into accumulators of its own, merged into one. */
export async function readLines(o: ReadLinesOptions): Promise<Reading> {
  if (!o.files.some((f) => f.kind === 'parquet')) return readFiles(o, o.files);
  // a Parquet file's cells, written by DuckDB as the text its own engine maps, into a CSV file the JavaScript engine
  // reads (in parallel when large) under the Parquet file's name: its rows numbered as that CSV's (the column names
  // are row 1). Streaming the rows from DuckDB into JavaScript objects took 12.6 s a million lines; this, 2 – 3 s.
  const scratch = await mkdtemp(join(tmpdir(), 'sunshine-parquet-'));
  try {
    const files: Sniffed[] = [];
    for (const [k, f] of o.files.entries()) {
      if (f.kind !== 'parquet') files.push(f);
      else {
        const csv = join(scratch, `${k}.csv`);
        await parquetAsCsv(f.path, f.name, csv);
        files.push({ ...f, path: csv, kind: 'text', size: (await stat(csv)).size });
      }
    }
    return await readFiles(o, files);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Reads files (Parquet files already written as CSV), each into accumulators of its own, merged into one. */
async function readFiles(o: ReadLinesOptions, files: readonly Sniffed[]): Promise<Reading> {
  const { institutions } = o.accumulator;
  const limits: Limits = { maxRejected: o.strict ? 0 : o.maxRejected, strict: o.strict, counted: 0 };
  const reading: Reading = { acc: createRateAccumulator(o.accumulator), problems: [], rowsRead: 0, rowsUnread: 0, dates: null, threads: 1 };
  const take = (sink: Sink | RangeReport) => {
    if (sink instanceof Sink) {
      reading.acc.merge(sink.acc);
      for (const p of sink.finish()) reading.problems.push(p);
    } else {
      reading.acc.merge(rateAccumulatorFromJSON(sink.state));
      for (const p of sink.problems) reading.problems.push(p);
    }
    reading.rowsRead += sink.rowsRead;
    reading.rowsUnread += sink.rowsUnread;
  };
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let bytesBefore = 0;
  for (const file of files) {
    const { path, name } = file;
    if (file.kind === 'xlsx') {
      const sink = new Sink(o.accumulator, institutions, limits);
      const bytes = await bytesOf(path);
      const { tables, skipped } = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, name).catch(rethrow);
      const lineTables = tables.filter((t) => columnFor(t, 'amount') !== undefined || tables.length === 1);
      if (lineTables.length === 0) {
        const sheets = [...tables.map((t) => ({ sheet: t.name, columns: t.headers })), ...skipped.map((s) => ({ sheet: `${name}/${s.sheet}`, columns: s.columns }))];
        throw input(`${name}：没有找到采购明细的工作表 / no sheet of purchase lines:\n${sheets.map((s) => `  ${s.sheet}：${s.columns.join('、') || '（空 / empty）'}`).join('\n')}`);
      }
      for (const table of lineTables) sink.readTable(table);
      take(sink);
      bytesBefore += file.size;
      o.progress.update(reading.rowsRead, bytesBefore, totalBytes, name);
      continue;
    }
    // text: JSON (3503/3504 records) or delimited, by its first piece
    let rowsHere = 0;
    const sequential = new Sink(o.accumulator, institutions, limits);
    let encoding = '';
    const pieces = textPieces(path, (bytes, e) => {
      encoding = e;
      o.progress.update(reading.rowsRead + rowsHere, bytesBefore + bytes, totalBytes, name);
    });
    const head = await pieces.next();
    const firstPiece = head.done === true ? '' : head.value;
    const kind = guard(() => textKindOf(name, new TextEncoder().encode(firstPiece.slice(0, 4096)), [firstPiece]));
    if (kind === 'json') {
      const all = [firstPiece];
      for await (const p of pieces) all.push(p);
      sequential.readNhsa(name, guard(() => jsonOf(name, all)), o.nhsa);
      take(sequential);
      bytesBefore += file.size;
      continue;
    }
    const threads = Math.max(1, Math.min(o.threads ?? availableParallelism(), 8));
    const parallel = threads > 1 && file.size >= (o.parallelFrom ?? PARALLEL_FROM) && encoding.startsWith('UTF-8');
    const reader = delimitedReader(name);
    // the first range (all the file when read alone) in this thread; the others in workers, once the header is known
    let workers: Promise<RangeReport[]> | undefined;
    const ranges = parallel ? await planRanges(path, file.size, threads) : [];
    const firstEnd = ranges[0]?.start ?? file.size;
    const slices = (p: string) => {
      sequential.readPiece(name, reader, p);
      rowsHere = sequential.rowsRead;
      if (parallel && workers === undefined && reader.layout !== null) workers = runRanges(path, name, ranges, reader.layout, o, (rows) => o.progress.update(reading.rowsRead + rowsHere + rows, bytesBefore, totalBytes, name));
    };
    // the first range: its pieces up to where the second begins
    const own = parallel ? textPieces(path, (bytes) => o.progress.update(reading.rowsRead + rowsHere, bytesBefore + bytes, totalBytes, name), { start: 0, end: firstEnd, encoding: 'utf-8' }) : pieces;
    if (parallel) await pieces.return(undefined);
    // the BOM, if any, is the first piece's to drop: the range reader starts at byte 0 with a UTF-8 decoder, which drops it too
    if (!parallel) slices(firstPiece);
    for await (const p of own) slices(p);
    const reports = workers === undefined ? null : await workers;
    if (parallel && (reader.carried > 0 || reports === null || reports.some((r) => r.quoted))) {
      // the first range ends inside quotes, has no header, or a later range holds a quote (a line end there may be
      // inside quotes): the text is read again, alone
      take(await readAlone(path, name, o, limits, institutions));
    } else {
      sequential.readChunk(name, guard(() => reader.end()));
      take(sequential);
      if (reports !== null) {
        // each range's rows follow the rows before it: its rows were numbered from 2
        // (rows spanned: blank ones included)
        let base = reader.spanned + (reader.layout?.firstRow ?? 2);
        for (const r of reports) {
          for (const p of r.problems) (p as { row: number }).row = p.row - 2 + base;
          base += r.spanned;
          limits.counted += r.rejected;
          take(r);
        }
        reading.threads = Math.max(reading.threads, ranges.length + 1);
      }
    }
    bytesBefore += file.size;
  }
  const dates = reading.acc.toJSON().dates;
  reading.dates = dates === null || dates === undefined ? null : { first: dates[0], last: dates[1] };
  return reading;
}

/** A delimited text read alone in this thread. */
async function readAlone(path: string, name: string, o: ReadLinesOptions, limits: Limits, institutions: readonly InstitutionInput[]): Promise<Sink> {
  const sink = new Sink(o.accumulator, institutions, limits);
  const reader = delimitedReader(name);
  for await (const p of textPieces(path)) sink.readPiece(name, reader, p);
  sink.readChunk(name, guard(() => reader.end()));
  return sink;
}

/** The ranges after the first of a file cut into `n`: each starts just after a line end (a byte 0x0A, never inside a UTF-8 character). */
async function planRanges(path: string, size: number, n: number): Promise<{ start: number; end: number }[]> {
  const handle = await open(path, 'r');
  const starts: number[] = [];
  try {
    const probe = new Uint8Array(1 << 16);
    for (let k = 1; k < n; k++) {
      const at = Math.floor((size * k) / n);
      const { bytesRead } = await handle.read(probe, 0, probe.length, at);
      const nl = probe.subarray(0, bytesRead).indexOf(0x0a);
      if (nl >= 0 && at + nl + 1 < size && (starts.length === 0 || at + nl + 1 > starts.at(-1)!)) starts.push(at + nl + 1);
    }
  } finally {
    await handle.close();
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? size }));
}

/** What a worker sends back for its range. */
export interface RangeReport {
  /** The range held a quote: its line ends may be inside quotes, and it must be read with what precedes it. */
  readonly quoted: boolean;
  readonly state: unknown;
  readonly problems: RowProblem[];
  readonly rowsRead: number;
  /** The rows of the file the range spans, blank ones included. */
  readonly spanned: number;
  readonly rowsUnread: number;
  readonly rejected: number;
}

/** What a worker is given. */
export interface RangeJob {
  readonly path: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly layout: TextLayout;
  readonly policyArg: string;
  readonly institutions: readonly InstitutionInput[];
  readonly period: Period | undefined;
  readonly maxRejected: number;
  readonly strict: boolean;
}

/** Runs the ranges in worker threads (this same file, see cli/index.ts); `onRows(rows read in them so far)`. */
function runRanges(path: string, name: string, ranges: readonly { start: number; end: number }[], layout: TextLayout, o: ReadLinesOptions, onRows: (rows: number) => void): Promise<RangeReport[]> {
  const done = new Array<number>(ranges.length).fill(0);
  const running: Worker[] = [];
  const all = Promise.all(
    ranges.map(
      (r, k) =>
        new Promise<RangeReport>((resolve, reject) => {
          const job: RangeJob = { path, name, start: r.start, end: r.end, layout, policyArg: o.policyArg, institutions: o.accumulator.institutions, period: o.accumulator.period, maxRejected: o.strict ? 0 : o.maxRejected, strict: o.strict };
          // a worker's heap kept small: what it holds at once is one piece and a slice's rows (peak RSS, issue 28's 300 MB)
          // (unless the run may list millions of rows not counted)
          const limits = job.maxRejected <= 100_000 ? { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 } } : {};
          const worker = new Worker(new URL(import.meta.url), { workerData: job, ...limits });
          running.push(worker);
          worker.on('message', (m: { type: 'rows'; rows: number } | { type: 'done'; report: RangeReport } | { type: 'error'; message: string; exitCode: 1 | 2 }) => {
            if (m.type === 'rows') {
              done[k] = m.rows;
              onRows(done.reduce((a, b) => a + b, 0));
            } else if (m.type === 'done') resolve(m.report);
            else reject(new CliError(m.message, m.exitCode));
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))));
        }),
    ),
  );
  // one failed: the others stop (a run that stops leaves no thread behind)
  all.catch(() => Promise.all(running.map((w) => w.terminate())));
  return all;
}

/** A worker's range: read, mapped, summed and traced, in the worker's thread. */
export async function readRange(job: RangeJob, accumulator: AccumulatorOptions, post: (rows: number) => void): Promise<RangeReport> {
  const limits: Limits = { maxRejected: job.maxRejected, strict: job.strict, counted: 0 };
  const sink = new Sink(accumulator, job.institutions, limits);
  // the rows of the range are numbered from 2, as if under a header of their own (the main thread renumbers them)
  const reader = delimitedReader(job.name, { ...job.layout, firstRow: 2 });
  let quoted = false;
  let last = 0;
  for await (const p of textPieces(job.path, undefined, { start: job.start, end: job.end, encoding: 'utf-8' })) {
    if (p.includes('"')) {
      quoted = true;
      break;
    }
    sink.readPiece(job.name, reader, p);
    if (sink.rowsRead - last >= 100_000) post((last = sink.rowsRead));
  }
  if (!quoted) sink.readChunk(job.name, guard(() => reader.end()));
  const problems = quoted ? [] : sink.finish();
  return { quoted, state: quoted ? null : sink.acc.toJSON(), problems, rowsRead: sink.rowsRead, spanned: reader.spanned, rowsUnread: sink.rowsUnread, rejected: sink.rejected };
}

/** A row not counted, in a message: its file, row, column, value and why. */
export function describeProblem(p: RowProblem): string {
  return `${p.file} 第 ${p.row} 行 row ${p.row}，列 column ${p.column}，值 value ${JSON.stringify(p.value)}：${p.reason}`;
}

/** An unreadable file or a table without a needed column, as an input error. */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    return rethrow(e);
  }
}
function rethrow(e: unknown): never {
  if (e instanceof UnreadableFile || e instanceof MissingColumns) throw input(e.message);
  throw e;
}

/** The rows the library rejected, each at the file row it came from. */
export function traceRejections(batches: readonly Batch[], reasons: readonly RejectedLine[]): RowProblem[] {
  return reasons.map((r) => {
    // the last batch that starts at or before the line
    let lo = 0;
    let hi = batches.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (batches[mid]!.start <= r.index) lo = mid;
      else hi = mid - 1;
    }
    const b = batches[lo]!;
    const k = r.index - b.start;
    return libraryProblem(b.file, b.rows === null ? b.firstRow + k : b.rows[k]!, b.columnOf, r);
  });
}
