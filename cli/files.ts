/**
 * Files as the command line meets them: a name that may hold spaces and Chinese characters, bytes in any encoding the
 * page reads (a BOM decides; else UTF-8 when the start is valid UTF-8; else GB18030, a superset of GBK), read a
 * piece at a time so that a file of ten million lines never sits in memory; outputs written whole or not at all.
 */
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { kindOf, UnreadableFile } from '../examples/calculator/input';
import { input, usage } from './errors';

/** How many bytes are read and decoded at a time. */
const PIECE = 4 * 1024 * 1024;

/** A file named on the command line, as {@link sniff} finds it. */
export interface Sniffed {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly kind: 'xlsx' | 'text' | 'parquet';
}

/** A file named on the command line: its size and what it holds by its first bytes (a usage error when it is not there). */
export async function sniff(path: string, flag: string): Promise<Sniffed> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw usage(`${flag} ${path}：是目录，不是文件 / a directory, not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof Error && 'code' in e && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) throw usage(`${flag} ${path}：文件不存在 / no such file`);
    if (e instanceof Error && 'code' in e && e.code === 'EACCES') throw input(`${flag} ${path}：无权读取 / permission denied`);
    throw e;
  }
  const head = new Uint8Array(Math.min(size, 4096));
  const handle = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw input(`${flag} ${path}：无法读取（${e.code ?? e.message}） / cannot be read`);
  });
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  // a Parquet file (its magic, PAR1): read by DuckDB (cli/duckdb.ts)
  if (flag === '--lines' && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return { path, name: basename(path), size, kind: 'parquet' };
  try {
    return { path, name: basename(path), size, kind: kindOf(basename(path), head) };
  } catch (e) {
    throw e instanceof UnreadableFile ? input(e.message) : e;
  }
}

/** A whole file's bytes (a workbook, a JSON file, a policy): they are read whole by their libraries anyway. */
export async function bytesOf(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

/** The encoding a BOM names, and its length. */
function byBom(b: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; label: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', label: 'UTF-8 (BOM)', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', label: 'UTF-16LE', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', label: 'UTF-16BE', skip: 2 };
  return null;
}

/**
 * The text of a file, a piece (about 4 MB) at a time, decoded as the page decodes it: `onBytes(bytes read so far)` is
 * called after each piece. The encoding is chosen from the first piece; a later piece that is not valid in it stops
 * the read with the byte where it fails (a file of two encodings).
 */
export async function* textPieces(
  path: string,
  onBytes: (bytes: number, encoding: string) => void = () => undefined,
  /** A range of the file, from byte `start` to `end` (excluded), in an encoding already known (the parallel reading of a UTF-8 file). */
  range?: { readonly start: number; readonly end: number; readonly encoding: 'utf-8' },
): AsyncGenerator<string> {
  const name = basename(path);
  let decoder: InstanceType<typeof TextDecoder> | undefined = range === undefined ? undefined : new TextDecoder('utf-8', { fatal: true });
  let encoding = range === undefined ? '' : 'UTF-8';
  let read = range?.start ?? 0;
  const end = range?.end ?? Infinity;
  // one buffer, read into again and again: a new one for each piece cost more in page faults than the decoding itself
  const buffer = new Uint8Array(PIECE);
  const handle = await open(path, 'r');
  try {
    while (read < end) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(PIECE, end - read), read);
      if (bytesRead === 0) break;
      let bytes: Uint8Array = buffer.subarray(0, bytesRead);
      if (decoder === undefined) {
        const bom = byBom(bytes);
        if (bom !== null) {
          decoder = new TextDecoder(bom.encoding);
          encoding = bom.label;
          bytes = bytes.subarray(bom.skip);
        } else {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
            decoder = new TextDecoder('utf-8', { fatal: true });
            encoding = 'UTF-8';
          } catch {
            decoder = new TextDecoder('gb18030');
            encoding = 'GB18030/GBK';
            const sample = decoder.decode(bytes.subarray(0, 65_536), { stream: true });
            decoder = new TextDecoder('gb18030');
            const bad = (sample.match(/\uFFFD/g) ?? []).length;
            if (bad > Math.max(3, sample.length / 1000)) throw input(`${name}：无法识别文件编码（既非 UTF-8，也非 GBK/GB18030） / the file is neither UTF-8 nor GBK/GB18030`);
          }
        }
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        throw input(`${name}：第 ${read.toLocaleString('en')} 字节之后不是有效的 UTF-8（文件开头是 UTF-8：是否混合了两种编码？） / not valid UTF-8 after byte ${read.toLocaleString('en')}, though the file starts as UTF-8: two encodings in one file?`);
      }
      read += bytesRead;
      onBytes(read, encoding);
      yield text;
    }
  } finally {
    await handle.close();
  }
  if (decoder !== undefined) {
    try {
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    } catch {
      throw input(`${name}：结尾不是完整的 UTF-8 字符 / the file ends inside a UTF-8 character`);
    }
  }
}

/**
 * Writes a file whole or not at all: to a temporary name beside it, then renamed over the target, so that a run
 * stopped half way (a full disk, Ctrl-C) never leaves a partial bulletin where the last one was.
 */
export async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw input(`${path}：无法写入（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}） / cannot be written`);
  }
}
