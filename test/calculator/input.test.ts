/**
 * How the calculator page reads what it is given (examples/calculator/input.ts), in Node: the
 * encodings, the delimiters, the institution list and the files it refuses. The page itself is
 * tested in Chromium (page.test.ts).
 */
import iconv from 'iconv-lite';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { compute } from '../../examples/calculator/compute';
import { asSpreadsheetShows, dateSpanOf, decodeText, decodeTextInSlices, headerIndex, INSTITUTION_TEMPLATE, parseDelimitedInSlices, splitLines, spanOf, INSTITUTIONS_TEMPLATE, LINES_TEMPLATE, parseDelimited, readFile, readInstitutions, UnreadableFile, type Table } from '../../examples/calculator/input';
import { fromCsvRows } from '../../src/index';

const buffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('decodeText', () => {
  const text = '医疗机构编码,金额（元）\r\nH1,1.00\r\n';
  it('reads UTF-8 with or without a BOM, UTF-16 by its BOM, and GBK and GB18030 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from(`\uFEFF${text}`))).toEqual({ text, encoding: 'UTF-8 (BOM)' });
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]))).toEqual({ text, encoding: 'UTF-16LE' });
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'GB18030/GBK' });
    // 𠀀 (U+20000) exists in GB18030 only, as four bytes
    expect(decodeText(iconv.encode('名称\r\n𠀀医院\r\n', 'gb18030')).text).toBe('名称\r\n𠀀医院\r\n');
  });
  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    // 0x80 and 0xFF are no lead bytes of GB18030; a run of them decodes to replacement characters
    expect(() => decodeText(new Uint8Array(64).fill(0xff))).toThrow(UnreadableFile);
  });
  it('gives the same text a slice at a time, characters cut across slices included (issue 27)', async () => {
    // slices of 5 bytes: 医 is 3 bytes in UTF-8, 2 in GBK, 𠀀 4 in UTF-8 and GB18030; 5 is prime to all, so cuts fall inside them
    const long = '名称,金额\r\n𠀀医院,1\r\n'.repeat(20);
    const cases: [Buffer, string][] = [
      [Buffer.from(`\uFEFF${long}`), 'UTF-8 (BOM)'],
      [Buffer.from(long), 'UTF-8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(long, 'utf16le')]), 'UTF-16LE'],
      [iconv.encode(long, 'gb18030'), 'GB18030/GBK'],
    ];
    for (const [bytes, encoding] of cases) {
      const { pieces, encoding: found } = await decodeTextInSlices(bytes, 5);
      expect([pieces.join(''), found]).toEqual([long, encoding]);
      expect(pieces.length).toBeGreaterThan(50);
    }
    await expect(decodeTextInSlices(new Uint8Array(64).fill(0xff), 5)).rejects.toThrow(UnreadableFile);
  });
});

describe('parseDelimited', () => {
  it('takes tabs when the header line has one (a range pasted from WPS or Excel), else commas, and numbers rows as the file does', () => {
    const t = parseDelimited('编码\t名称\nH1\t第一, 医院\n\nH2\t"二院"\n', 'pasted');
    expect(t.headers).toEqual(['编码', '名称']);
    expect(t.rows).toEqual([{ 编码: 'H1', 名称: '第一, 医院' }, { 编码: 'H2', 名称: '二院' }]);
    expect(t.firstRow).toBe(2);
    expect(parseDelimited('a,b\r\n"1,5",2\r\n', 'x.csv').rows).toEqual([{ a: '1,5', b: '2' }]);
  });
  it('refuses more rows than the limit, saying the limit', () => {
    expect(() => parseDelimited('a\n1\n2\n3\n4\n', 'big.csv', 3)).toThrow('big.csv：4 行，超过本页上限 3 行，请分成几个文件');
    expect(parseDelimited('a\n1\n2\n3\n', 'ok.csv', 3).rows).toHaveLength(3);
  });
});

describe('readFile', () => {
  it('tells a workbook, JSON and text apart, and names what it cannot read', async () => {
    expect(await readFile('a.json', buffer(Buffer.from('[{"med_list_codg":"X1"}]')))).toEqual({ kind: 'json', value: [{ med_list_codg: 'X1' }] });
    await expect(readFile('old.xls', buffer(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).rejects.toThrow('old.xls：旧版 .xls 格式');
    await expect(readFile('x.png', buffer(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).rejects.toThrow(
      'x.png：不是文本、CSV、.xlsx 或 JSON 文件（开头的字节为 89 50 4E 47，是 PNG 图片） / not text, CSV, .xlsx or JSON (it begins 89 50 4E 47: a PNG image)',
    );
    await expect(readFile('note.txt', buffer(Buffer.from('just a sentence')))).rejects.toThrow('note.txt：看起来不是 CSV');
    await expect(readFile('bad.json', buffer(Buffer.from('{"a":')))).rejects.toThrow('bad.json：JSON 格式有误');
    await expect(readFile('broken.xlsx', buffer(Buffer.from('PK\u0003\u0004 not a zip')))).rejects.toThrow('broken.xlsx：不是可读的 .xlsx 工作簿');
  });

  it('says a file is empty, and names a binary file renamed .csv by its first bytes, not its encoding (issue 27)', async () => {
    await expect(readFile('empty.csv', buffer(Buffer.alloc(0)))).rejects.toThrow('empty.csv：文件为空 / the file is empty');
    await expect(readFile('blank.csv', buffer(Buffer.from('\uFEFF \r\n\r\n')))).rejects.toThrow('blank.csv：文件为空 / the file is empty');
    // a PDF and bytes of no known format, both named .csv: neither is blamed on the encoding
    await expect(readFile('report.csv', buffer(Buffer.from('%PDF-1.7\n%\xe2\xe3')))).rejects.toThrow('report.csv：不是文本、CSV、.xlsx 或 JSON 文件（开头的字节为 25 50 44 46，是 PDF 文档）');
    await expect(readFile('data.csv', buffer(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x80, 0xff, 0xfe, 0x00])))).rejects.toThrow('data.csv：不是文本、CSV、.xlsx 或 JSON 文件（开头的字节为 00 01 02 03）');
  });
});

describe('headers as provinces place them (issue 27)', () => {
  it('finds the header below title rows and a merged caption, and numbers the rows as the file does', () => {
    const text = '江苏省公立医疗机构药品采购明细（2024年第一季度）\n填报单位：示例市医保局,,,\n医疗机构编码,入库日期,类别,采购渠道,金额（元）\nH1,2024-01-05,药品,省平台,10\n';
    const t = parseDelimited(text, 'titled.csv');
    expect(t.headers).toEqual(['医疗机构编码', '入库日期', '类别', '采购渠道', '金额（元）']);
    // the header is file row 3: the first data row is row 4
    expect(t.firstRow).toBe(4);
    expect(t.rows).toEqual([{ 医疗机构编码: 'H1', 入库日期: '2024-01-05', 类别: '药品', 采购渠道: '省平台', '金额（元）': '10' }]);
    expect(headerIndex([['说明'], ['编码', '名称', '级别', '性质'], ['H1']])).toBe(1);
    // nothing known: the first row
    expect(headerIndex([['a', 'b'], ['1', '2']])).toBe(0);
  });

  it('reads a long text a slice at a time, with the progress and the rows of one pass', async () => {
    // 60,000 lines of about 30 characters, in slices of 400,000 characters: five; a quoted cell with a line break among them
    const line = (i: number) => `H${i % 7},2024-01-${String((i % 28) + 1).padStart(2, '0')},药品,省平台,${i}.50\n`;
    const lines = Array.from({ length: 60_000 }, (_, i) => (i === 30_000 ? 'H1,2024-01-01,药品,"省\n平台",1\n' : line(i)));
    const text = `医疗机构编码,入库日期,类别,采购渠道,金额（元）\n${lines.join('')}`;
    const seen: number[] = [];
    const sliced = await parseDelimitedInSlices(text, 'big.csv', (share) => seen.push(share), undefined, 400_000);
    expect(sliced).toEqual(parseDelimited(text, 'big.csv'));
    expect(sliced.rows).toHaveLength(60_000);
    expect(sliced.rows[30_000]!['采购渠道']).toBe('省\n平台');
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[seen.length - 1]).toBe(1);
    // a title row above the header, found in the first slice; the limit counted across slices (issue 27)
    const titled = `2024年第一季度采购明细\n${text}`;
    expect(await parseDelimitedInSlices(titled, 'big.csv', undefined, undefined, 400_000)).toEqual(parseDelimited(titled, 'big.csv'));
    expect((await parseDelimitedInSlices(titled, 'big.csv', undefined, undefined, 400_000)).firstRow).toBe(3);
    await expect(parseDelimitedInSlices(text, 'big.csv', undefined, 59_999, 400_000)).rejects.toThrow('big.csv：超过本页上限 59,999 行');
    await expect(parseDelimitedInSlices(text, 'big.csv', undefined, 60_000, 400_000)).resolves.toHaveProperty('rows.length', 60_000);
    // in pieces as a decoder gives them, cut anywhere: inside a line, inside the quoted cell, between \r and \n
    const crlf = titled.replaceAll('\n', '\r\n');
    const quoted = crlf.indexOf('"省');
    const cuts = [5, 40, 1_000, 500_000, crlf.indexOf('\r\n', 900_000) + 1, quoted + 1, quoted + 3, quoted + 4, 1_400_000].sort((a, b) => a - b);
    const pieces = [0, ...cuts].map((from, k) => crlf.slice(from, cuts[k] ?? crlf.length));
    expect(pieces.join('')).toBe(crlf);
    expect(await parseDelimitedInSlices(pieces, 'big.csv')).toEqual(parseDelimited(crlf, 'big.csv'));
  });

  it('splits text without quotes as Papa Parse does (a property over 1,000 texts)', () => {
    // lines of cells drawn from characters that matter: the delimiters, both line breaks' parts, spaces, a Chinese
    // character; the text split at one line break, as Papa is told it
    const cell = fc.string({ unit: fc.constantFrom('a', '医', ' ', '\t', ',', '\r', '1'), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.constantFrom('\r\n', '\n', '\r'), fc.constantFrom(',', '\t'), fc.boolean(), (lines, newline, delimiter, trailing) => {
        const text = lines.map((l) => l.join(delimiter)).join(newline) + (trailing ? newline : '');
        // blank rows included, as the reader takes them (and Papa, for a text with a quote); left out, as Papa's 'greedy'
        expect(splitLines(text, newline, delimiter)).toEqual(text === '' ? [['']] : Papa.parse<string[]>(text, { delimiter, newline: newline as '\n' }).data);
        expect(splitLines(text, newline, delimiter).filter((cells) => cells.some((c) => c.trim() !== ''))).toEqual(Papa.parse<string[]>(text, { delimiter, newline: newline as '\n', skipEmptyLines: 'greedy' }).data);
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives the dates a table covers, as the adapter reads them', () => {
    const t = parseDelimited('入库日期,医疗机构编码,金额,类别\n2024/3/5,H1,1,药品\n2024-01-03 10:20:00,H1,1,药品\nx,H1,1,药品\n', 'd.csv');
    expect(dateSpanOf(t)).toEqual({ first: '2024-01-03', last: '2024-03-05' });
    expect(spanOf(['2024-02-30', ''])).toBeNull();
  });
});

describe('blank rows: no data, but rows of the file (issue 28)', () => {
  // file rows: 1 blank, 2 header, 3 H1, 4 empty, 5 only commas, 6 H2, 7 H3 (with a quote), 8 blank at the end
  const text = '\n医疗机构编码,入库日期,类别\nH1,2024-01-05,药品\n\n,,\nH2,2024-01-06,药品\nH3,"2024-01-07",药品\n\n';
  it('leaves them out and keeps the numbers of the rows after them, whole or a slice at a time', async () => {
    const t = parseDelimited(text, 'blank.csv');
    expect(t.firstRow).toBe(3);
    expect(t.rows.map((r) => r['医疗机构编码'])).toEqual(['H1', 'H2', 'H3']);
    expect(Array.from(t.rowNumbers!)).toEqual([3, 6, 7]);
    // in pieces: every cut point, so that a blank row falls at a piece's edge (and a blank row alone at the end of the
    // piece before the rows after it); 40 rows first, as the reader keeps the first 30 until it has found the header
    const rows40 = Array.from({ length: 40 }, (_, k) => `H${k},2024-01-05,药品\n`).join('');
    const numbers40 = Array.from({ length: 40 }, (_, k) => k + 2);
    for (const [whole, numbers] of [
      [`医疗机构编码,入库日期,类别\n${rows40}\nX1,2024-01-06,药品\nX2,2024-01-07,药品\n`, [...numbers40, 43, 44]],
      [`医疗机构编码,入库日期,类别\n${rows40}\n,,\nX1,2024-01-06,药品\n\nX2,"2024-01-07",药品\n`, [...numbers40, 44, 46]],
    ] as const) {
      // every cut among the last rows (where the blank ones are), every 25th before them
      for (let cut = 1; cut < whole.length; cut += cut < whole.length - 120 ? 25 : 1) {
        const sliced = await parseDelimitedInSlices([whole.slice(0, cut), whole.slice(cut)], 'blank.csv');
        expect(sliced.rows, `cut at ${cut}`).toHaveLength(42);
        expect(Array.from(sliced.rowNumbers ?? sliced.rows.map((_, k) => sliced.firstRow + k)), `cut at ${cut}`).toEqual(numbers);
      }
    }
    // none among the rows: no numbers kept (the rows run on from firstRow)
    expect(parseDelimited('医疗机构编码,入库日期,类别\nH1,2024-01-05,药品\n\n', 'x.csv').rowNumbers).toBeUndefined();
  }, 30_000);

  it('numbers an institution list\'s rows as the file does', () => {
    const list = parseDelimited('编码,名称,级别,性质\nH1,一院,三级,公立\n\nH2,二院,特级,公立\n', 'list.csv');
    // H2 is file row 4 (row 3 is blank)
    expect(readInstitutions(list).problems.map((p) => [p.row, p.value])).toEqual([[4, '特级']]);
  });
});

describe('readInstitutions', () => {
  it('reads Chinese or English headers and labels, and lists the rows it cannot use with row, column and value', () => {
    const t = parseDelimited(
      ['机构编码,医疗机构名称,医院级别,举办性质,省,市,区县', 'H1,一院,三级甲等,公立,江苏省,南通市,崇川区', 'H2,二院,二乙,民营,江苏省,南通市,', 'H3,三院,特级,公立,,,', 'H1,重复,三级,公立,,,', 'H4,四院,一级,集体,,,', ',无编码,二级,公立,,,'].join('\n'),
      'list.csv',
    );
    const { institutions, problems } = readInstitutions(t);
    expect(institutions).toEqual([
      { id: 'H1', name: '一院', level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '南通市', county: '崇川区' } },
      { id: 'H2', name: '二院', level: 'secondary', ownership: 'private', region: { province: '江苏省', city: '南通市' } },
    ]);
    expect(problems.map((p) => [p.row, p.column, p.value, p.reason.split('：')[0]])).toEqual([
      [4, '医院级别', '特级', '级别无效'],
      [5, '机构编码', 'H1', '机构编码重复'],
      [6, '举办性质', '集体', '性质无效'],
      [7, '机构编码', '', '机构编码为空'],
    ]);
    const english = readInstitutions(parseDelimited('id,name,level,ownership,city\nA,x,secondary,military,苏州市', 'en.csv'));
    expect(english.institutions).toEqual([{ id: 'A', name: 'x', level: 'secondary', ownership: 'military', region: { city: '苏州市' } }]);
  });
});

describe('the templates', () => {
  it('are UTF-8 with a BOM, and their sample rows read without a problem', async () => {
    for (const t of [LINES_TEMPLATE, INSTITUTIONS_TEMPLATE]) expect(t.startsWith('\uFEFF')).toBe(true);
    const lines = await readFile('采购明细模板.csv', buffer(Buffer.from(LINES_TEMPLATE)));
    if (lines.kind !== 'tables') throw new Error('not a table');
    const mapped = fromCsvRows(lines.tables[0]!.rows);
    expect(mapped.rejected).toEqual([]);
    // the two sample rows, as written in the template: 8,500.00 on the platform, 1,500.00 off it
    expect(mapped.lines.map((l) => [l.institutionId, l.category, l.channel, l.amount])).toEqual([
      ['H0001', 'drug', 'platform', '8500'],
      ['H0001', 'consumable', 'offline', '1500'],
    ]);
    const list = await readFile('机构名单模板.csv', buffer(Buffer.from(INSTITUTIONS_TEMPLATE)));
    if (list.kind !== 'tables') throw new Error('not a table');
    expect(list.tables[0]!.headers).toEqual([...INSTITUTION_TEMPLATE]);
    const { institutions, problems } = readInstitutions(list.tables[0]!);
    expect(problems).toEqual([]);
    expect(institutions.map((i) => [i.id, i.level, i.ownership])).toEqual([
      ['H0001', 'tertiary', 'public'],
      ['H0002', 'secondary', 'public'],
    ]);
  });
});

describe('numbers from a workbook, as the spreadsheet shows them (issue 26)', () => {
  it('reads a number cell at 15 significant digits: =0.1*3*10000 is 3000, not 3000.0000000000005', () => {
    expect(asSpreadsheetShows('3000.0000000000005')).toBe('3000');
    expect(asSpreadsheetShows('1000.0000000000001')).toBe('1000');
    expect(asSpreadsheetShows('0.30000000000000004')).toBe('0.3');
    expect(asSpreadsheetShows('1234.56')).toBe('1234.56');
    expect(asSpreadsheetShows('-36500')).toBe('-36500');
    // 15 digits are kept as they are; an 18-digit number shows as Excel shows it
    expect(asSpreadsheetShows('123456789012.345')).toBe('123456789012.345');
    expect(asSpreadsheetShows('123456789012345678')).toBe('123456789012346000');
    expect(asSpreadsheetShows('1E-7')).toBe('0.0000001');
    expect(asSpreadsheetShows('abc')).toBe('abc');
  });

  it('computes a rate of exactly 75 % from cells whose stored values carry float noise, and it meets the target', async () => {
    // what Excel caches for =0.1*3*10000 and =0.1*3*10000/3 (and shows as 3,000.00 and 1,000.00): the doubles of JavaScript's own arithmetic
    const platform = 0.1 * 3 * 10000;
    const offline = (0.1 * 3 * 10000) / 3;
    expect([platform, offline]).toEqual([3000.0000000000005, 1000.0000000000001]);
    const rows = [
      ['医疗机构编码', '入库日期', '类别', '医保代码', '采购渠道', '金额（元）'],
      ['H1', '2024-01-05', '医用耗材', 'C01', '省平台', platform],
      ['H1', '2024-01-06', '医用耗材', 'C02', '线下', offline],
    ];
    const book = await writeExcelFile([{ data: rows, sheet: '采购明细' }] as never).toBuffer();
    const loaded = await readFile('noise.xlsx', buffer(book));
    expect(loaded.kind).toBe('tables');
    const [table] = (loaded as { tables: Table[] }).tables;
    expect(table!.rows.map((r) => r['金额（元）'])).toEqual(['3000', '1000']);
    const institutions = [{ id: 'H1', level: 'tertiary', ownership: 'public' }] as const;
    const r = await compute([table!], [], [...institutions], [], { policy: 'jiangsu-2022', period: { from: '2024-01-01', to: '2024-03-31' }, periodLabel: '2024年第一季度', by: 'city', digits: 2, asOf: '2024-04-10' });
    // 3000 / (3000 + 1000) = 0.75 = the consumables target of jiangsu-2022 (main text §1(3): 不低于): met, nothing short
    const check = r.checks.find((c) => c.subject.id === 'H1' && c.measure === 'consumable')!;
    expect(check.rate!.toString()).toBe('0.75');
    expect(check.meets).toBe(true);
    expect(check.shortfallAmount!.toString()).toBe('0');
  });
});
