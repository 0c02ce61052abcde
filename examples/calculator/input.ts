/**
 * Reading what an analyst gives the calculator: files (CSV in UTF-8, UTF-16 or GB18030/GBK, `.xlsx`,
 * 3503/3504 JSON) and ranges pasted from WPS or Excel (tab-separated). Everything here turns bytes
 * into rows of text keyed by header; the library's adapters do the mapping (the DOM is not used).
 */
import { Decimal } from 'decimal.js';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { dateReader } from '../../src/adapter/read';
import { CSV_HEADERS, LEVEL_LABELS, LEVELS, OWNERSHIP_LABELS, OWNERSHIPS, type InstitutionInput, type Level, type Ownership } from '../../src/index';

/** One sheet of rows: the header row as found, and each data row keyed by header, with its row number in the file (the header is row 1). */
export interface Table {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
  /** The first data row's number in the file (2 when the header is row 1). */
  readonly firstRow: number;
  /**
   * Each row's number in the file, when blank rows among them were left out (a blank row is no data, but it is a row
   * of the file, as a spreadsheet shows it); absent when the rows run on from `firstRow` without a gap.
   */
  readonly rowNumbers?: Int32Array | undefined;
}

/** Whether a row of cells is blank: no cell with anything but white space (Papa Parse's `skipEmptyLines: 'greedy'`). */
const isBlank = (cells: readonly unknown[]): boolean => cells.every((c) => c === null || c === undefined || String(c).trim() === '');

/**
 * The rows of a table (or of a piece of one) in runs numbered without a gap, each with the file row of its first: what
 * an adapter numbers from its `headerRow` (`row - 1`). The rows themselves, in one run, unless blank rows were left out
 * among them.
 */
export function runsOf<T>(rows: readonly T[], firstRow: number, rowNumbers: Int32Array | null | undefined): { rows: readonly T[]; row: number }[] {
  if (rowNumbers === null || rowNumbers === undefined) return rows.length === 0 ? [] : [{ rows, row: firstRow }];
  const runs: { start: number; end: number; row: number }[] = [];
  for (let k = 0; k < rows.length; k++) {
    const last = runs.at(-1);
    if (last !== undefined && rowNumbers[k] === last.row + (k - last.start)) last.end = k + 1;
    else runs.push({ start: k, end: k + 1, row: rowNumbers[k]! });
  }
  return runs.map((r) => ({ rows: rows.slice(r.start, r.end), row: r.row }));
}

/** The rows among `all` (the rows under a header, the first at file row `firstRow`) that are not `blank`, and their file rows if any blank one was left out. */
function nonBlank<T>(all: readonly T[], firstRow: number, blank: (row: T) => boolean): { rows: T[]; rowNumbers: Int32Array | undefined } {
  const rows: T[] = [];
  let numbers: number[] | undefined;
  for (let k = 0; k < all.length; k++) {
    if (blank(all[k]!)) continue;
    // a row after a blank one: the numbers are kept from here on (blank rows at the end change none)
    if (numbers === undefined && rows.length !== k) numbers = Array.from({ length: rows.length }, (_, j) => firstRow + j);
    rows.push(all[k]!);
    numbers?.push(firstRow + k);
  }
  return { rows, rowNumbers: numbers === undefined ? undefined : Int32Array.from(numbers) };
}

/** A file that could not be read at all: what it is, and why. */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
}

/** The most rows the page reads from one file (a million take tens of seconds in a browser). */
export const MAX_ROWS = 1_000_000;

/** Text from bytes: a BOM decides; else UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const { encoding, skip } = byBom(bytes);
  if (encoding !== null) return { text: new TextDecoder(ENCODINGS[encoding]).decode(bytes.subarray(skip)), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return gb18030(new TextDecoder('gb18030').decode(bytes));
  }
}

/** The encoding a BOM names, and its length. */
function byBom(bytes: Uint8Array): { encoding: keyof typeof ENCODINGS | null; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8 (BOM)', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', skip: 2 };
  return { encoding: null, skip: 0 };
}
const ENCODINGS = { 'UTF-8 (BOM)': 'utf-8', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' } as const;

/** GB18030 text, unless it is full of replacement characters: bytes that are neither UTF-8 nor GB18030. */
function gb18030(text: string): { text: string; encoding: string } {
  if (replaced([text])) throw new UnreadableFile(`无法识别文件编码（既非 UTF-8，也非 GBK/GB18030） / the file is neither UTF-8 nor GBK/GB18030`);
  return { text, encoding: 'GB18030/GBK' };
}
/** Whether decoded text is full of replacement characters (more than 3, and more than one in 1,000). */
const replaced = (pieces: readonly string[]) => {
  let bad = 0;
  let length = 0;
  for (const p of pieces) {
    bad += (p.match(/\uFFFD/g) ?? []).length;
    length += p.length;
  }
  return bad > Math.max(3, length / 1000);
};

/** How many bytes are decoded at a time in {@link decodeTextInSlices}. */
const DECODE_SLICE = 2_000_000;

/**
 * {@link decodeText} a slice at a time (a streaming decoder, 2 MB each), giving the browser the hand between slices:
 * the same text, in pieces (a character cut between two slices is whole in the second piece), never joined into one
 * string, which would take a quarter of a second on a large file (issue 27).
 */
export async function decodeTextInSlices(bytes: Uint8Array, slice = DECODE_SLICE): Promise<{ pieces: string[]; encoding: string }> {
  if (bytes.length <= slice) {
    const { text, encoding } = decodeText(bytes);
    return { pieces: [text], encoding };
  }
  const inSlices = async (decoder: InstanceType<typeof TextDecoder>, from: number) => {
    const pieces: string[] = [];
    for (let at = from; at < bytes.length; at += slice) {
      pieces.push(decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + slice)), { stream: at + slice < bytes.length }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return pieces;
  };
  const { encoding, skip } = byBom(bytes);
  if (encoding !== null) return { pieces: await inSlices(new TextDecoder(ENCODINGS[encoding]), skip), encoding };
  try {
    return { pieces: await inSlices(new TextDecoder('utf-8', { fatal: true }), 0), encoding: 'UTF-8' };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const pieces = await inSlices(new TextDecoder('gb18030'), 0);
    if (replaced(pieces)) throw new UnreadableFile(`无法识别文件编码（既非 UTF-8，也非 GBK/GB18030） / the file is neither UTF-8 nor GBK/GB18030`);
    return { pieces, encoding: 'GB18030/GBK' };
  }
}

/** The row that heads a table: the first of its first 30 rows with three or more known headers (title rows and merged captions above it are skipped); else the first row. */
export function headerIndex(rows: readonly (readonly unknown[])[]): number {
  // the first 30 rows that are not blank
  for (let k = 0, seen = 0; k < rows.length && seen < 30; k++) {
    if (isBlank(rows[k] ?? [])) continue;
    seen++;
    const known = (rows[k] ?? []).filter((c) => {
      const h = String(c ?? '').trim();
      return h !== '' && (Object.hasOwn(CSV_HEADERS, h) || Object.hasOwn(INSTITUTION_HEADERS, h));
    }).length;
    if (known >= 3) return k;
  }
  return Math.max(0, rows.findIndex((r) => !isBlank(r)));
}

/** Rows of a CSV or tab-separated text: the separator is a tab when the header line has one. */
export function parseDelimited(text: string, name: string, limit = MAX_ROWS): Table {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const delimiter = firstLine.includes('\t') ? '\t' : ',';
  // blank lines kept, so that the rows keep their numbers (they are left out under the header, below)
  const parsed = Papa.parse<string[]>(withoutLastLineEnd(text), { delimiter });
  return tableOf(name, parsed.data, limit);
}

/** Text without the line end it ends with (Papa Parse would read an empty last row after it). */
const withoutLastLineEnd = (text: string): string => text.replace(/\r?\n$|\r$/, '');

/** A table from parsed rows: its header found (rows above it skipped), the rest keyed by it. */
function tableOf(name: string, data: readonly (readonly unknown[])[], limit = MAX_ROWS): Table {
  if (data.every(isBlank)) throw new UnreadableFile(`${name}：文件为空 / the file is empty`);
  const h = headerIndex(data);
  const { rows: body, rowNumbers } = nonBlank(data.slice(h + 1), h + 2, isBlank);
  if (body.length > limit) throw new UnreadableFile(`${name}：${body.length.toLocaleString('en')} 行，超过本页上限 ${limit.toLocaleString('en')} 行，请分成几个文件 / ${body.length.toLocaleString('en')} rows, more than the page's limit of ${limit.toLocaleString('en')}: split the file`);
  return { ...toTable(name, data[h]!, body, h + 2), ...(rowNumbers === undefined ? {} : { rowNumbers }) };
}

/** How much text is parsed at a time, so that the page can paint its progress between slices. */
const SLICE = 2_000_000;

/**
 * {@link parseDelimited} a slice at a time (about 2 MB of text each, cut at line ends outside quotes), giving the
 * browser the hand between slices and calling `progress(share of the text read, rows so far)`: each slice is parsed
 * and keyed by the header as it comes, so that a file of a million lines is read without freezing the tab. The text
 * may come in pieces ({@link decodeTextInSlices}); a line cut between two pieces is read whole.
 */
export async function parseDelimitedInSlices(text: string | readonly string[], name: string, progress: (share: number, rows: number) => void = () => undefined, limit = MAX_ROWS, slice = SLICE): Promise<Table> {
  const pieces: readonly string[] = typeof text === 'string' ? Array.from({ length: Math.ceil(text.length / slice) }, (_, k) => text.slice(k * slice, (k + 1) * slice)) : text;
  const length = pieces.reduce((n, p) => n + p.length, 0);
  if (pieces.length <= 1) return parseDelimited(pieces[0] ?? '', name, limit);
  const rows: Record<string, string>[] = [];
  let head: DelimitedRows | undefined;
  // each row's file row, once a blank row was left out among them
  let numbers: number[] | undefined;
  for (const chunk of delimitedRows(pieces, name)) {
    head ??= chunk;
    // blank rows among a piece's rows, or at the end of the piece before (this piece's rows do not follow on)
    if (chunk.rowNumbers !== null || chunk.before !== rows.length) numbers ??= Array.from({ length: rows.length }, (_, k) => chunk.firstRow + k);
    if (numbers !== undefined) for (let k = 0; k < chunk.rows.length; k++) numbers.push(chunk.rowNumbers?.[k] ?? chunk.firstRow + chunk.before + k);
    for (const r of chunk.rows) rows.push(r);
    if (rows.length > limit) throw new UnreadableFile(`${name}：超过本页上限 ${limit.toLocaleString('en')} 行，请分成几个文件 / more rows than the page's limit of ${limit.toLocaleString('en')}: split the file`);
    progress(chunk.read / length, rows.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (head === undefined) throw new UnreadableFile(`${name}：文件为空 / the file is empty`);
  return { name, headers: head.headers, rows, firstRow: head.firstRow, ...(numbers === undefined ? {} : { rowNumbers: Int32Array.from(numbers) }) };
}

/** The rows of one piece of delimited text, keyed by the header of the whole text. */
export interface DelimitedRows {
  readonly headers: readonly string[];
  /** The file row of the first data row (the header's row + 1). */
  readonly firstRow: number;
  /** This piece's data rows, keyed by header (blank rows left out). */
  readonly rows: Record<string, string>[];
  /** How many rows of the file (blank ones included) came under the header before this piece's. */
  readonly before: number;
  /** Each row's number in the file, when blank rows among them were left out; null when they run on from `firstRow + before`. */
  readonly rowNumbers: Int32Array | null;
  /** The characters of text read so far, this piece's included. */
  readonly read: number;
}

/**
 * Rows of delimited text that comes in pieces (a file's text as it is decoded, a slice at a time), keyed by its
 * header row (the first of the first 30 rows with three known headers), as each piece comes: the page collects them
 * ({@link parseDelimitedInSlices}), the command line streams them (cli/), so that memory holds one piece at a time.
 * The delimiter is a tab when the first line has one, else a comma; a line cut between two pieces is read whole (a
 * piece is cut at its last line end outside quotes; the rest waits for the next one). A piece without a quote is
 * split as Papa Parse's fast mode splits it ({@link splitLines}), the others by Papa Parse.
 */
export function* delimitedRows(pieces: Iterable<string>, name: string): Generator<DelimitedRows> {
  const reader = delimitedReader(name);
  for (const piece of pieces) {
    const chunk = reader.push(piece);
    if (chunk !== null) yield chunk;
  }
  yield reader.end();
}

/**
 * {@link delimitedRows} for text that comes as it comes (a stream): `push(piece)` gives the rows of the lines the
 * piece completes (null while the header is not found yet), `end()` those of the last line; `end` throws
 * {@link UnreadableFile} for a text without a row.
 */
export function delimitedReader(
  name: string,
  /** The layout of a text read from its middle (the command line's parallel reading): its rows are keyed from the start, numbered from `firstRow`. */
  known?: TextLayout,
): { push(piece: string): DelimitedRows | null; end(): DelimitedRows; readonly layout: TextLayout | null; readonly carried: number; readonly quoted: boolean; readonly spanned: number } {
  let delimiter: ',' | '\t' | undefined = known?.delimiter;
  // the rows before the header is found (it is among the first 30), then the records under it
  let before: unknown[][] | null = known === undefined ? [] : null;
  let keyed: { headers: string[]; record: (cells: readonly unknown[]) => Record<string, string>; firstRow: number } | null = known === undefined ? null : { ...recordsUnder(known.headers), firstRow: known.firstRow };
  let sawQuote = false;
  let count = 0;
  let read = 0;
  const key = () => {
    const h = headerIndex(before!);
    keyed = { ...recordsUnder(before![h]!), firstRow: h + 2 };
    const rows = before!.slice(h + 1);
    before = null;
    return rows;
  };
  // blank rows are no data, but rows of the file: counted, and the rows after them keep their numbers
  const emit = (cells: readonly (readonly unknown[])[]): DelimitedRows => {
    const { rows, rowNumbers } = nonBlank(cells, keyed!.firstRow + count, isBlank);
    const chunk = { headers: keyed!.headers, firstRow: keyed!.firstRow, rows: rows.map(keyed!.record), before: count, read, rowNumbers: rowNumbers ?? null };
    count += cells.length;
    return chunk;
  };
  // what follows the last line end outside quotes of a piece waits for the next one (it starts a line: no quote open)
  let carry = '';
  let newline: '\r\n' | '\n' | '\r' | undefined = known?.newline;
  const parse = (text: string, quoted: boolean) => {
    // the line break Papa guesses from the first piece, for every piece (a guess for each cost 0.15 s a million lines)
    newline ??= Papa.parse(text, { delimiter, preview: 1 }).meta.linebreak as '\r\n' | '\n' | '\r';
    // every row, blank ones included (the text ends at a line end, whose empty remainder is no row)
    const lines = withoutLastLineEnd(text);
    return (quoted ? Papa.parse<string[]>(lines, { delimiter, newline }).data : splitLines(lines, newline, delimiter!)) as unknown[][];
  };
  /** The rows of a parsed text: keyed once the header is known, else kept until it is (or the text ends). */
  const take = (parsed: unknown[][], last: boolean): DelimitedRows | null => {
    if (before === null) return emit(parsed);
    for (const r of parsed) before.push(r);
    const filled = before.reduce((n, r) => n + (isBlank(r) ? 0 : 1), 0);
    if (filled >= 30 || (last && filled > 0)) return emit(key());
    return null;
  };
  return {
    push(piece) {
      read += piece.length;
      if (delimiter === undefined) {
        if (piece === '') return null;
        const firstLine = piece.slice(0, Math.max(0, piece.indexOf('\n')) || piece.length);
        delimiter = firstLine.includes('\t') ? '\t' : ',';
      }
      const chunk = carry + piece;
      const quoted = chunk.includes('"');
      if (quoted) sawQuote = true;
      let cut: number;
      if (!quoted) {
        // no quote: the last line end is outside quotes
        cut = chunk.lastIndexOf('\n') + 1;
      } else {
        cut = 0;
        let quotes = 0;
        for (let i = 0; i < chunk.length; i++) {
          const c = chunk.charCodeAt(i);
          if (c === 34) quotes++;
          else if (c === 10 && quotes % 2 === 0) cut = i + 1;
        }
      }
      carry = chunk.slice(cut);
      return cut > 0 ? take(parse(chunk.slice(0, cut), quoted), false) : before === null ? emit([]) : null;
    },
    end() {
      // the last line, without a line end
      const last = take(carry === '' ? [] : parse(carry, carry.includes('"')), true);
      carry = '';
      if (last === null) throw new UnreadableFile(`${name}：文件为空 / the file is empty`);
      return last;
    },
    get layout() {
      return keyed === null || delimiter === undefined || newline === undefined ? null : { headers: keyed.headers, firstRow: keyed.firstRow, delimiter, newline };
    },
    get carried() {
      return carry.length;
    },
    get quoted() {
      return sawQuote;
    },
    get spanned() {
      return count;
    },
  };
}

/** How a delimited text is laid out, once its header is found: what a reader of its middle needs. */
export interface TextLayout {
  readonly headers: readonly string[];
  readonly firstRow: number;
  readonly delimiter: ',' | '\t';
  readonly newline: '\r\n' | '\n' | '\r';
}

/**
 * Every row of delimited text without a quote, blank ones included, as Papa Parse gives them with `newline` and
 * `delimiter` (its own fast mode: a split at each line break and each delimiter), without its overhead: a quarter of
 * the reading of a million lines (issue 27). An empty text is one blank row (an empty line), where Papa gives none.
 */
export function splitLines(text: string, newline: string, delimiter: string): string[][] {
  return text.split(newline).map((line) => line.split(delimiter));
}

/** The headers of a table, and how a row of cells becomes a record keyed by them (unnamed columns left out). */
function recordsUnder(head: readonly unknown[]): { headers: string[]; record: (cells: readonly unknown[]) => Record<string, string> } {
  const headers = head.map((h) => String(h ?? '').trim());
  const named = headers.flatMap((h, k) => (h === '' ? [] : [[h, k] as const]));
  return {
    headers,
    record: (cells) => {
      const row: Record<string, string> = {};
      for (const [h, k] of named) row[h] = cellText(cells[k]);
      return row;
    },
  };
}

function toTable(name: string, head: readonly unknown[], body: readonly (readonly unknown[])[], firstRow = 2): Table {
  const { headers, record } = recordsUnder(head);
  return { name, headers, rows: body.map(record), firstRow };
}

/** A spreadsheet cell as text: numbers as stored (exact), dates as YYYY-MM-DD. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`;
  return String(v).trim();
}

/**
 * A number as a spreadsheet shows it: at 15 significant digits, Excel's and WPS's precision (issue 26).
 * A cell holding `=0.1*3*10000` stores 3000.0000000000005 and shows 3,000.00; read at 17 digits, the
 * noise made a rate of exactly 75 % fall short of its target. Text that is not a number is kept.
 */
export function asSpreadsheetShows(text: string): string {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return text;
  return new Decimal(n.toPrecision(15)).toFixed();
}

/** A sheet of a workbook that heads neither purchase lines nor an institution list: its name and the cells of its first row. */
export interface SkippedSheet {
  readonly sheet: string;
  readonly columns: readonly string[];
}

/**
 * The sheets of an `.xlsx` workbook, each as a table headed by the row it finds (numbers as the
 * spreadsheet shows them: 15 significant digits), and the sheets it could not head (a 填报说明 sheet,
 * an empty one), each with the columns of its first row.
 */
export async function readWorkbook(data: ArrayBuffer, name: string): Promise<{ tables: Table[]; skipped: SkippedSheet[] }> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(data, { parseNumber: asSpreadsheetShows })) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    throw new UnreadableFile(`${name}：不是可读的 .xlsx 工作簿（${(e as Error).message}） / not a readable .xlsx workbook`);
  }
  const tables: Table[] = [];
  const skipped: SkippedSheet[] = [];
  for (const s of sheets) {
    const rows = s.data.filter((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
    const h = headerIndex(rows);
    const known = (rows[h] ?? []).filter((c) => Object.hasOwn(CSV_HEADERS, String(c ?? '').trim()) || Object.hasOwn(INSTITUTION_HEADERS, String(c ?? '').trim())).length;
    if (rows.length === 0 || known < 3) {
      skipped.push({ sheet: s.sheet, columns: (rows[0] ?? []).map((c) => String(c ?? '').trim()).filter((c) => c !== '') });
      continue;
    }
    // the row numbers of the file: those of the sheet as read, empty rows included
    const fileRow = s.data.indexOf(rows[h]!);
    const body = s.data.slice(fileRow + 1);
    if (body.length > MAX_ROWS) throw new UnreadableFile(`${name}/${s.sheet}：超过本页上限 ${MAX_ROWS.toLocaleString('en')} 行 / more rows than the page's limit`);
    const table = toTable(`${name}/${s.sheet}`, rows[h]!, body, fileRow + 2);
    // rows left empty in the sheet are not rows of data, but the rows after them keep their numbers
    const { rows: kept, rowNumbers } = nonBlank(table.rows, table.firstRow, (r) => Object.values(r).every((v) => v === ''));
    tables.push({ ...table, rows: kept, ...(rowNumbers === undefined ? {} : { rowNumbers }) });
  }
  return { tables, skipped };
}

export type Loaded =
  | { readonly kind: 'tables'; readonly tables: Table[]; readonly encoding: string; readonly skipped: readonly SkippedSheet[] }
  | { readonly kind: 'json'; readonly value: unknown };

/** The formats people mistake for data files, by their first bytes. */
const MAGIC: readonly [readonly number[], string, string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片', 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片', 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片', 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文档', 'a PDF document'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包', 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包', 'a 7z archive'],
  [[0x1f, 0x8b], 'gzip 压缩文件', 'a gzip file'],
  [[0x50, 0x41, 0x52, 0x31], 'Parquet 文件', 'a Parquet file'],
];

/**
 * What a file holds, by its first bytes (a few kilobytes are enough): an `.xlsx` workbook (a zip), or text (CSV, tab-separated or
 * JSON, in any encoding {@link decodeText} reads); throws {@link UnreadableFile} for an empty file, the old `.xls` format and
 * anything else (an image, a PDF, an archive…), naming it by those bytes.
 */
export function kindOf(name: string, bytes: Uint8Array): 'xlsx' | 'text' {
  if (bytes.length === 0) throw new UnreadableFile(`${name}：文件为空 / the file is empty`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new UnreadableFile(`${name}：旧版 .xls 格式，请在 WPS 或 Excel 中另存为 .xlsx 或 CSV / the old .xls format: save it as .xlsx or CSV`);
  }
  const magic = MAGIC.find(([m]) => m.every((b, k) => bytes[k] === b));
  if (magic !== undefined) throw notData(name, bytes, `，是 ${magic[1]}`, `: ${magic[2]}`);
  // a text file has no NUL and no control character but tab, CR and LF near its start (UTF-16 starts with its BOM)
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 4096).some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x0b || b === 0x0c)) throw notData(name, bytes, '', '');
  return 'text';
}

/** The refusal of a file that is not text, CSV, .xlsx or JSON, with its first bytes. */
function notData(name: string, bytes: Uint8Array, zh: string, en: string): UnreadableFile {
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  return new UnreadableFile(`${name}：不是文本、CSV、.xlsx 或 JSON 文件（开头的字节为 ${head}${zh}） / not text, CSV, .xlsx or JSON (it begins ${head}${en})`);
}

/**
 * Whether the start of a decoded text is text: blank is empty, a control character other than tab, CR and LF makes a binary
 * format (UTF-16 passes the byte check of {@link kindOf}); then JSON if it starts with `{` or `[`, else delimited text if
 * it has a comma or a tab. Throws {@link UnreadableFile} otherwise.
 */
export function textKindOf(name: string, bytes: Uint8Array, pieces: readonly string[]): 'json' | 'delimited' {
  const text = pieces[0] ?? '';
  if (pieces.every((p) => p.trim() === '')) throw new UnreadableFile(`${name}：文件为空 / the file is empty`);
  const controls = (text.slice(0, 65_536).match(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g) ?? []).length;
  if (controls > 0) throw notData(name, bytes, '', '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'json';
  if (!/[,\t]/.test(text.slice(0, 4096))) throw new UnreadableFile(`${name}：看起来不是 CSV、制表符分隔的文本、.xlsx 或 JSON / not CSV, tab-separated text, .xlsx or JSON`);
  return 'delimited';
}

/** JSON text (in pieces) as a value, or {@link UnreadableFile} naming the file. */
export function jsonOf(name: string, pieces: readonly string[]): unknown {
  try {
    return JSON.parse(pieces.length === 1 ? pieces[0]! : pieces.join('')) as unknown;
  } catch (e) {
    throw new UnreadableFile(`${name}：JSON 格式有误（${(e as Error).message}） / malformed JSON`);
  }
}

/** What a file holds, by its first bytes: an `.xlsx` (a zip), JSON, or delimited text; `progress` is called while a long text is parsed. */
export async function readFile(name: string, data: ArrayBuffer, progress?: (share: number, rows: number) => void): Promise<Loaded> {
  const bytes = new Uint8Array(data);
  if (kindOf(name, bytes) === 'xlsx') return { kind: 'tables', encoding: 'xlsx', ...(await readWorkbook(data, name)) };
  const { pieces, encoding } = await decodeTextInSlices(bytes);
  if (textKindOf(name, bytes, pieces) === 'json') return { kind: 'json', value: jsonOf(name, pieces) };
  return { kind: 'tables', tables: [await parseDelimitedInSlices(pieces.length === 1 ? pieces[0]! : pieces, name, progress)], encoding, skipped: [] };
}

/** The column of purchase lines that feeds a field, if the table has one (by the library's headers). */
export const columnFor = (table: Table, field: string): string | undefined => table.headers.find((h) => CSV_HEADERS[h] === field);

/** The first and last dates of a table's inbound-date column, read as the adapter reads them (rows it cannot read left out), or null. */
export function dateSpanOf(table: Table): { first: string; last: string } | null {
  const column = columnFor(table, 'receivedOn');
  if (column === undefined) return null;
  return spanOf(table.rows.map((r) => r[column] ?? ''));
}

/** The first and last dates of texts as the adapters read dates (with a time of day or not), or null. */
export function spanOf(texts: Iterable<string>): { first: string; last: string } | null {
  const read = dateReader();
  // a million lines hold a few hundred distinct dates: each is read once
  const seen = new Map<string, string | null>();
  let first = '';
  let last = '';
  for (const t of texts) {
    let d = seen.get(t);
    if (d === undefined) seen.set(t, (d = read(t.trim())));
    if (d === null) continue;
    if (first === '' || d < first) first = d;
    if (d > last) last = d;
  }
  return first === '' ? null : { first, last };
}

/** The headers of an institution list, Chinese or English, and the field each gives. */
const INSTITUTION_HEADERS: Readonly<Record<string, keyof InstitutionRow>> = {
  编码: 'id',
  机构编码: 'id',
  医疗机构编码: 'id',
  医疗机构代码: 'id',
  id: 'id',
  名称: 'name',
  机构名称: 'name',
  医疗机构名称: 'name',
  name: 'name',
  级别: 'level',
  医院级别: 'level',
  level: 'level',
  性质: 'ownership',
  举办性质: 'ownership',
  ownership: 'ownership',
  省: 'province',
  province: 'province',
  市: 'city',
  city: 'city',
  县: 'county',
  区县: 'county',
  'county': 'county',
};
interface InstitutionRow {
  id: string;
  name: string;
  level: string;
  ownership: string;
  province: string;
  city: string;
  county: string;
}
/** The fields an institution list needs, and its headers as the page expects them. */
export const INSTITUTION_TEMPLATE = ['编码', '名称', '级别', '性质', '省', '市', '县'] as const;

/** A row of a list the page could not use: its number in the file, the column, the value and why. */
export interface RowProblem {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

function levelOf(text: string): Level | null {
  for (const l of LEVELS) if (text === l || text.startsWith(LEVEL_LABELS[l].label)) return l;
  return text === '三甲' || text === '三乙' ? 'tertiary' : text === '二甲' || text === '二乙' ? 'secondary' : null;
}
function ownershipOf(text: string): Ownership | null {
  for (const o of OWNERSHIPS) if (text === o || text === OWNERSHIP_LABELS[o].label) return o;
  return text === '民营' || text === '私立' ? 'private' : text === '部队' ? 'military' : null;
}

/** Headers of a table that an institution list needs and does not have (by field). */
export function missingInstitutionHeaders(table: Table): string[] {
  const fields = new Set(table.headers.map((h) => INSTITUTION_HEADERS[h]).filter((f) => f !== undefined));
  return (['id', 'level', 'ownership'] as const).filter((f) => !fields.has(f)).map((f) => ({ id: '编码', level: '级别', ownership: '性质' })[f]);
}

/** The institutions of a list (级别 三级/二级/一级/未定级, 性质 公立/军队/非公立, or the English values), and the rows it could not use. */
export function readInstitutions(table: Table): { institutions: InstitutionInput[]; problems: RowProblem[] } {
  const institutions: InstitutionInput[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  table.rows.forEach((raw, k) => {
    const row = table.rowNumbers?.[k] ?? table.firstRow + k;
    const v: Partial<InstitutionRow> = {};
    const columnOf: Partial<Record<keyof InstitutionRow, string>> = {};
    for (const [header, value] of Object.entries(raw)) {
      const field = INSTITUTION_HEADERS[header];
      if (field !== undefined) {
        v[field] = value;
        columnOf[field] = header;
      }
    }
    const problem = (field: keyof InstitutionRow, reason: string) => problems.push({ file: table.name, row, column: columnOf[field] ?? field, value: v[field] ?? '', reason });
    const level = levelOf(v.level ?? '');
    const ownership = ownershipOf(v.ownership ?? '');
    if ((v.id ?? '') === '') return problem('id', '机构编码为空：每一行都要有编码 / no institution id');
    if (seen.has(v.id!)) return problem('id', '机构编码重复：同一编码出现两次 / the same id twice');
    if (level === null) return problem('level', '级别无效：应为 三级、二级、一级 或 未定级 / level: 三级, 二级, 一级 or 未定级');
    if (ownership === null) return problem('ownership', '性质无效：应为 公立、军队 或 非公立 / ownership: 公立, 军队 or 非公立');
    seen.add(v.id!);
    const region = Object.fromEntries((['province', 'city', 'county'] as const).filter((f) => (v[f] ?? '') !== '').map((f) => [f, v[f]!]));
    institutions.push({ id: v.id!, ...(v.name ? { name: v.name } : {}), level, ownership, region });
  });
  return { institutions, problems };
}

/** Is this table an institution list (rather than purchase lines)? */
export function looksLikeInstitutions(table: Table): boolean {
  return missingInstitutionHeaders(table).length === 0 && !table.headers.some((h) => /金额|amount/.test(h));
}

/** The templates a user can download: UTF-8 with a BOM, so that WPS and Excel open them right. */
export const LINES_TEMPLATE =
  '\uFEFF医疗机构编码,入库日期,类别,品种,是否高值,医保代码,采购渠道,金额（元）\r\nH0001,2024-01-05,药品,,否,XA01,省平台,8500.00\r\nH0001,2024-01-09,医用耗材,,是,C0301,线下,1500.00\r\n';
export const INSTITUTIONS_TEMPLATE = '\uFEFF编码,名称,级别,性质,省,市,县\r\nH0001,示例市第一人民医院,三级,公立,江苏省,南通市,崇川区\r\nH0002,示例县人民医院,二级,公立,江苏省,南通市,海安市\r\n';
