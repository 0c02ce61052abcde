/**
 * `--institutions FILE`: the institution list, CSV (any encoding the page reads) or `.xlsx` (the sheet whose header has
 * 编码, 级别 and 性质, wherever it is), read as the page reads it; rows it cannot use are listed, not dropped.
 */
import type { InstitutionInput } from '../src/index';
import { decodeText, looksLikeInstitutions, missingInstitutionHeaders, parseDelimited, readInstitutions, readWorkbook, textKindOf, UnreadableFile, type RowProblem, type Table } from '../examples/calculator/input';
import { input } from './errors';
import { bytesOf, sniff } from './files';

export async function readInstitutionList(path: string): Promise<{ institutions: InstitutionInput[]; problems: RowProblem[]; table: string }> {
  const file = await sniff(path, '--institutions');
  const bytes = await bytesOf(path);
  let table: Table;
  try {
    if (file.kind === 'xlsx') {
      const { tables, skipped } = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, file.name);
      const found = tables.find(looksLikeInstitutions) ?? (tables.length === 1 ? tables[0] : undefined);
      if (found === undefined) {
        const sheets = [...tables.map((t) => `  ${t.name}：${t.headers.join('、')}`), ...skipped.map((s) => `  ${file.name}/${s.sheet}：${s.columns.join('、') || '（空 / empty）'}`)];
        throw new UnreadableFile(`${file.name}：没有找到机构名单的工作表（需要列 编码、级别、性质） / no sheet with the institution columns (编码, 级别, 性质):\n${sheets.join('\n')}`);
      }
      table = found;
    } else {
      const { text } = decodeText(bytes);
      if (textKindOf(file.name, bytes, [text]) === 'json') throw new UnreadableFile(`${file.name}：机构名单应为 CSV 或 .xlsx / the institution list must be CSV or .xlsx`);
      table = parseDelimited(text, file.name, Number.MAX_SAFE_INTEGER);
    }
  } catch (e) {
    if (e instanceof UnreadableFile) throw input(e.message);
    throw e;
  }
  const missing = missingInstitutionHeaders(table);
  if (missing.length > 0) throw input(`${table.name}：机构名单缺少列 ${missing.join('、')}；找到的列：${table.headers.filter((h) => h !== '').join('、') || '（无）'} / the institution list lacks the columns ${missing.join(', ')}`);
  return { ...readInstitutions(table), table: table.name };
}
