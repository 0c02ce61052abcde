/**
 * Purchase lines from the files of `--lines`, streamed through the adapters into one accumulator (issue 28): CSV and
 * tab-separated text a piece at a time (memory holds one piece, about 4 MB, and one chunk of lines), workbooks and
 * 3503/3504 JSON whole (their readers read them whole). Every row is counted, excluded or listed with its file, row,
 * column, value and why; the library's own rejections are traced back to the row they came from.
 */
import { fromCsvRows, fromNhsaRecords, type Channel, type InstitutionInput, type LineField, type RateAccumulator, type RejectedLine } from '../src/index';
import { columnFor, delimitedReader, jsonOf, readWorkbook, textKindOf, UnreadableFile, type RowProblem, type Table } from '../examples/calculator/input';
import { adapterProblem, columnsOf, libraryProblem, MissingColumns, nhsaProblems } from '../examples/calculator/compute';
import { input, usage } from './errors';
import { bytesOf, sniff, textPieces } from './files';
import type { Progress } from './progress';

/** What the 3503/3504 records do not say, from the flags. */
export interface NhsaFlags {
  readonly interface?: '3503' | '3504' | undefined;
  readonly institutionId?: string | undefined;
  readonly channel?: Channel | undefined;
}

/** Where the lines of one batch fed to the accumulator came from: their file, and each line's row. */
interface Batch {
  /** The accumulator's index of the batch's first line. */
  readonly start: number;
  readonly file: string;
  readonly columnOf: Partial<Record<LineField, string>>;
  /** Each line's row; null when the rows run on from `firstRow` without a gap (the usual case: nothing kept per line). */
  readonly rows: Int32Array | null;
  readonly firstRow: number;
}

/** Everything the reading gives: the rows not counted, the rows read, the dates seen. */
export interface Reading {
  readonly problems: RowProblem[];
  rowsRead: number;
  rowsUnread: number;
  first: string;
  last: string;
}

export interface ReadLinesOptions {
  readonly files: readonly string[];
  readonly acc: RateAccumulator;
  readonly institutions: readonly InstitutionInput[];
  readonly nhsa: NhsaFlags;
  readonly progress: Progress;
  /** Stop (an input error) once more rows than this are not counted. */
  readonly maxRejected: number;
  /** Stop at the first row not counted. */
  readonly strict: boolean;
}

/** Reads every file into the accumulator; the library's rejections are resolved by {@link traceRejections} after `acc.result()`. */
export async function readLines(o: ReadLinesOptions): Promise<Reading & { batches: Batch[] }> {
  const reading: Reading & { batches: Batch[] } = { problems: [], rowsRead: 0, rowsUnread: 0, first: '', last: '', batches: [] };
  const known = new Set(o.institutions.map((i) => i.id));
  // lines the library will reject for an institution not in the list, counted as they pass (to stop early)
  let unknown = 0;
  // rows the adapters rejected (not the gifts of 3503/3504, which are excluded by rule)
  let rejectedRows = 0;
  const check = () => {
    const count = rejectedRows + unknown;
    if (count === 0) return;
    if (o.strict) throw input(`--strict：${firstProblem(reading, unknown)}`);
    if (count > o.maxRejected) {
      throw input(
        `超过 ${o.maxRejected.toLocaleString('en')} 行未能计入，已停止（没有写出任何文件） / more than ${o.maxRejected.toLocaleString('en')} rows could not be counted: stopped, nothing written.\n${firstProblem(reading, unknown)}\n请检查列名与机构名单，或用 --max-rejected N 放宽 / check the columns and the institution list, or allow more with --max-rejected N`,
      );
    }
  };
  const totalBytes = (await Promise.all(o.files.map((f) => sniff(f, '--lines')))).reduce((n, f) => n + f.size, 0);
  let bytesBefore = 0;
  const feed = (lines: readonly { institutionId: string; receivedOn: string; row?: number | undefined; index: number }[], file: string, columnOf: Partial<Record<LineField, string>>) => {
    const start = o.acc.lines;
    o.acc.addAll(lines as never);
    let contiguous = true;
    const firstRow = lines[0]?.row ?? (lines[0]?.index ?? 0) + 1;
    let first = reading.first;
    let last = reading.last;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if ((line.row ?? line.index + 1) !== firstRow + i) contiguous = false;
      if (!known.has(line.institutionId)) unknown++;
      const d = line.receivedOn;
      if (first === '' || d < first) first = d;
      if (d > last) last = d;
    }
    reading.first = first;
    reading.last = last;
    const rows = contiguous ? null : Int32Array.from(lines, (l) => l.row ?? l.index + 1);
    if (lines.length > 0) reading.batches.push({ start, file, columnOf, rows, firstRow });
  };

  for (const path of o.files) {
    const file = await sniff(path, '--lines');
    const name = file.name;
    if (file.kind === 'xlsx') {
      const bytes = await bytesOf(path);
      const { tables, skipped } = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, name).catch(rethrow);
      const lineTables = tables.filter((t) => columnFor(t, 'amount') !== undefined || tables.length === 1);
      if (lineTables.length === 0) {
        const sheets = [...tables.map((t) => ({ sheet: t.name, columns: t.headers })), ...skipped.map((s) => ({ sheet: `${name}/${s.sheet}`, columns: s.columns }))];
        throw input(`${name}：没有找到采购明细的工作表 / no sheet of purchase lines:\n${sheets.map((s) => `  ${s.sheet}：${s.columns.join('、') || '（空 / empty）'}`).join('\n')}`);
      }
      for (const table of lineTables) {
        readTable(table);
        check();
      }
      bytesBefore += file.size;
      o.progress.update(reading.rowsRead, bytesBefore, totalBytes, name);
      continue;
    }
    // text: JSON (3503/3504 records) or delimited, by its first piece
    const pieces = textPieces(path, (bytes) => o.progress.update(reading.rowsRead, bytesBefore + bytes, totalBytes, name));
    const head = await pieces.next();
    const firstPiece = head.done === true ? '' : head.value;
    const firstBytes = new TextEncoder().encode(firstPiece.slice(0, 4096));
    const kind = (() => {
      try {
        return textKindOf(name, firstBytes, [firstPiece]);
      } catch (e) {
        return rethrow(e);
      }
    })();
    if (kind === 'json') {
      const all = [firstPiece];
      for await (const p of pieces) all.push(p);
      readNhsa(name, (() => {
        try {
          return jsonOf(name, all);
        } catch (e) {
          return rethrow(e);
        }
      })());
      check();
    } else {
      const reader = delimitedReader(name);
      let columns: ReturnType<typeof columnsOf> | undefined;
      const take = (chunk: ReturnType<typeof reader.end> | null) => {
        if (chunk === null) return;
        columns ??= (() => {
          try {
            return columnsOf(name, chunk.headers);
          } catch (e) {
            return rethrow(e);
          }
        })();
        readRows(name, chunk.rows, columns, chunk.firstRow - 1 + chunk.before);
        check();
      };
      try {
        take(reader.push(firstPiece));
        for await (const p of pieces) take(reader.push(p));
        take(reader.end());
      } catch (e) {
        rethrow(e);
      }
    }
    bytesBefore += file.size;
  }
  return reading;

  function readRows(file: string, rows: readonly Record<string, string>[], { columnOf, ignore }: ReturnType<typeof columnsOf>, headerRow: number) {
    const { lines, rejected, excluded } = fromCsvRows(rows, { ignoreColumns: ignore, headerRow });
    reading.rowsRead += rows.length;
    reading.rowsUnread += rejected.length + excluded.length;
    rejectedRows += rejected.length;
    for (const r of rejected) reading.problems.push(adapterProblem(file, r));
    feed(lines, file, columnOf);
  }
  function readTable(table: Table) {
    const columns = (() => {
      try {
        return columnsOf(table.name, table.headers);
      } catch (e) {
        return rethrow(e);
      }
    })();
    for (let at = 0; at < table.rows.length; at += 50_000) readRows(table.name, table.rows.slice(at, at + 50_000), columns, table.firstRow - 1 + at);
  }
  function readNhsa(name: string, value: unknown) {
    const records = Array.isArray(value) ? value : (value as { records?: unknown } | null)?.records;
    if (!Array.isArray(records)) throw input(`${name}：应为 3503/3504 记录的数组，或 { "records": [...] } / expected an array of 3503/3504 records`);
    const { interface: iface, institutionId, channel } = o.nhsa;
    const missing = [iface === undefined ? '--interface 3503|3504' : '', institutionId === undefined ? '--institution-id ID' : '', channel === undefined ? '--channel platform|emergency|offline' : ''].filter((f) => f !== '');
    if (missing.length > 0) throw usage(`${name}：3503/3504 记录不含这些信息，请用参数给出 / the records do not say these: give ${missing.join(', ')}`);
    const result = fromNhsaRecords(records as never, { interface: iface!, institutionId: institutionId!, channel: () => channel! });
    reading.rowsRead += records.length;
    reading.rowsUnread += result.rejected.length + result.excluded.length;
    rejectedRows += result.rejected.length;
    for (const p of nhsaProblems(name, result)) reading.problems.push(p);
    feed(result.lines, name, {});
  }
}

/** The first row not counted, for a message. */
function firstProblem(reading: Reading, unknown: number): string {
  const p = reading.problems.find((q) => !q.reason.startsWith('剔除'));
  if (p !== undefined) return `${p.file} 第 ${p.row} 行 row ${p.row}，列 column ${p.column}，值 value ${JSON.stringify(p.value)}：${p.reason}`;
  return `${unknown.toLocaleString('en')} 行的机构不在名单中 / rows of institutions not in the list`;
}

/** An unreadable file or a table without a needed column, as an input error. */
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
