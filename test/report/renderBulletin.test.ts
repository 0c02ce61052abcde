import { describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { measureOnlineRates, renderBulletin, SunshineInputError, type BulletinInput } from '../../src/index';
import { inst, line } from '../_helpers/lines';
import { refusal } from '../_helpers/refusal';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function* walk(node: Node): Generator<Element> {
  if ('tagName' in node) yield node as Element;
  for (const child of ('childNodes' in node ? node.childNodes : []) as Node[]) yield* walk(child);
  if ('content' in node) yield* walk((node as DefaultTreeAdapterMap['template']).content as unknown as Node);
}
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? (node as { value: string }).value : ('childNodes' in node ? (node.childNodes as Node[]).map(text).join('') : ''));
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function tableRows(doc: Node, id: string): string[][] {
  const table = [...walk(doc)].find((el) => el.tagName === 'table' && attr(el, 'id') === id);
  if (table === undefined) throw new Error(`no table ${id}`);
  return [...walk(table)].filter((el) => el.tagName === 'tr').slice(1).map((tr) => [...walk(tr)].filter((el) => el.tagName === 'td').map((td) => text(td)));
}

// A: drugs 850/1000 = 85%, consumables 600/1000 = 60%; B: drugs 800/1000 = 80%, no consumables; C: nothing sent
const institutions = [inst('A', 'tertiary', 'public', { city: '南通市', county: '崇川区' }), inst('B', 'tertiary', 'public', { city: '南通市', county: '崇川区' }), inst('C', 'tertiary', 'public', { city: '南通市', county: '崇川区' })];
const lines = [
  line({ institutionId: 'A', amount: '850' }),
  line({ institutionId: 'A', amount: '150', channel: 'offline' }),
  line({ institutionId: 'A', amount: '600', category: 'consumable' }),
  line({ institutionId: 'A', amount: '400', category: 'consumable', channel: 'offline' }),
  line({ institutionId: 'B', amount: '800' }),
  line({ institutionId: 'B', amount: '200', channel: 'offline' }),
];
const { measures } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions });
const input: BulletinInput = { policy: 'jiangsu-2022', measures, by: 'county' as const, period: '2024年第一季度' };
// rendered inside each test (not when the file loads), so that the mutation run sees the rendering as the tests' own
const html = () => renderBulletin(input, { format: 'html', title: '测试通报', asOf: '2024-04-20' });
const doc = () => parse(html()) as unknown as Node;

describe('renderBulletin', () => {
  it('matches the JSDoc example', () => {
    expect(renderBulletin({ policy: 'jiangsu-2022', measures: [], by: 'city', period: '2024年第一季度' }, { format: 'markdown', title: '通报', asOf: '2024-04-20' }).startsWith('# 通报')).toBe(true);
  });

  it('is self-contained: no script, no external asset', () => {
    const elements = [...walk(doc())];
    expect(elements.some((el) => el.tagName === 'script')).toBe(false);
    expect(elements.filter((el) => attr(el, 'src') !== undefined || (el.tagName === 'link' && attr(el, 'href') !== undefined))).toEqual([]);
    expect(elements.filter((el) => el.tagName === 'svg').length).toBeGreaterThan(0);
  });

  it('shows the regional rates as Σ/Σ, with the institutions that did not report', () => {
    // drugs: (850 + 800) / (1000 + 1000) = 82.50 %; Σ 0.17 万元 of 0.20 万元; 3 institutions, C not reported
    expect(tableRows(doc(), 'regional-rates')).toEqual([
      ['崇川区', '三级', '药品', '3', '1', '0.17', '0.20', '82.50%', '—', '—'],
      ['崇川区', '三级', '医用耗材', '3', '1', '0.06', '0.10', '60.00%', '—', '—'],
    ]);
  });

  it('shows the target checks, completeness, ranking and the lagging institutions with both shortfall scenarios', () => {
    expect(tableRows(doc(), 'institution-checks')).toEqual([
      ['A', '三级', '药品', '85.00%', '85.00%', '达标', '0.00'],
      ['A', '三级', '医用耗材', '60.00%', '75.00%', '未达标', '-15.00'],
      ['B', '三级', '药品', '80.00%', '85.00%', '未达标', '-5.00'],
      // one label for one fact (issue 27): B reported consumables totalling zero, C reported nothing at all
      ['B', '三级', '医用耗材', '—', '75.00%', '无采购', '—'],
      ['C', '三级', '药品', '—', '85.00%', '未报送', '—'],
      ['C', '三级', '医用耗材', '—', '75.00%', '未报送', '—'],
    ]);
    // drugs: A and B reported, C not: 2/3; consumables: A reported, B no purchases, C not: 2/3
    expect(tableRows(doc(), 'completeness')).toEqual([
      ['崇川区', '三级', '药品', '3', '2', '0', '1', '66.67%', 'C'],
      ['崇川区', '三级', '医用耗材', '3', '1', '1', '1', '66.67%', 'C'],
    ]);
    // median of 0.85 and 0.8 = 0.825
    expect(tableRows(doc(), 'peer-ranking')).toEqual([
      ['崇川区', '三级', '1', 'A', '85.00%', '100.00%', '82.50%'],
      ['崇川区', '三级', '2', 'B', '80.00%', '0.00%', '82.50%'],
    ]);
    // A consumables: 0.75 × 1000 − 600 = 150 moved, or 150 / 0.25 = 600 new; B drugs: 50 moved, or 50 / 0.15 = 333.333… new, shown rounded up to the fen: 333.34 (issue 26)
    expect(tableRows(doc(), 'lagging')).toEqual([
      ['A', '医用耗材', '60.00%', '75.00%', '150.00', '600.00'],
      ['B', '药品', '80.00%', '85.00%', '50.00', '333.34'],
    ]);
  });

  it('draws each institution against the target line', () => {
    const svg = [...walk(doc())].find((el) => el.tagName === 'svg' && attr(el, 'id') === 'chart-drug')!;
    const bars = [...walk(svg as unknown as Node)].filter((el) => el.tagName === 'rect');
    // label column 200 px, plot 520 px for 100 %: 0.85 → 442.0 px, 0.8 → 416.0 px, the higher first
    expect(bars.map((b) => attr(b, 'width'))).toEqual(['442.0', '416.0']);
    const targetLines = [...walk(svg as unknown as Node)].filter((el) => el.tagName === 'line' && attr(el, 'stroke-dasharray') !== undefined);
    // one target for both, drawn once: 0.85 at 200 + 0.85 × 520 = 642.0
    expect(targetLines.map((l) => attr(l, 'x1'))).toEqual(['642.0']);
  });

  it('renders Markdown with the same tables', () => {
    const md = renderBulletin(input, { format: 'markdown', title: '测试通报', asOf: '2024-04-20' });
    expect(md).toContain('| 崇川区 | 三级 | 药品 | 3 | 1 | 0.17 | 0.20 | 82.50% | — | — |');
    expect(md).not.toContain('<svg');
  });

  it('refuses bad options', () => {
    expect(() => renderBulletin(input, { format: 'pdf' as never, title: 't', asOf: '2024-04-20' })).toThrow(SunshineInputError);
    expect(() => renderBulletin(input, { format: 'html', title: 't', asOf: '2024-4-20' })).toThrow('options.asOf expected a real civil date');
  });
});

describe('renderBulletin: sections, margins and the period (issue 20)', () => {
  const captions = (html: string) => [...walk(parse(html) as unknown as Node)].filter((el) => el.tagName === 'caption').map((el) => text(el));
  const deadlines = [
    { kind: 'monthly', label: '月度报送', period: '2024-04', due: '2024-05-10', nominalDue: '2024-05-10', rolled: false, provisional: false, citation: { policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: '§2(1)' } },
  ] as never;

  it('numbers its sections one after another whatever is present (no VBP: the deadlines are 六, not 七)', () => {
    const out = renderBulletin({ ...input, deadlines }, { format: 'html', title: 't', asOf: '2024-04-20' });
    expect(captions(out).map((c) => c.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(captions(out)[5]).toBe('六、近期报送期限');
    const md = renderBulletin({ ...input, deadlines }, { format: 'markdown', title: 't', asOf: '2024-04-20' });
    expect(md).toContain('**六、近期报送期限**');
    expect(md).not.toContain('七、');
  });

  // drugs 849,999 of 1,000,000 = 84.9999 %: (0.849999 − 0.85) × 100 = −0.0001 points, not met;
  // 850,001 of 1,000,000 = 85.0001 %: +0.0001 points, met
  const near = measureOnlineRates(
    [
      line({ institutionId: 'A', amount: '849999' }),
      line({ institutionId: 'A', amount: '150001', channel: 'offline' }),
      line({ institutionId: 'B', amount: '850001' }),
      line({ institutionId: 'B', amount: '149999', channel: 'offline' }),
    ],
    { policy: 'jiangsu-2022', institutions },
  ).measures;
  const nearRows = () => tableRows(parse(renderBulletin({ ...input, measures: near }, { format: 'html', title: 't', asOf: '2024-04-20' })) as unknown as Node, 'institution-checks').filter((r) => r[2] === '药品' && r[5] !== '未报送');

  it('keeps the sign of a margin that rounds to zero, and the rate its digits beside the target', () => {
    expect(nearRows()).toEqual([
      ['A', '三级', '药品', '84.9999%', '85.00%', '未达标', '-0.0001'],
      ['B', '三级', '药品', '85.0001%', '85.00%', '达标', '0.0001'],
    ]);
    // an exact 85 % stays 0.00 (the first suite's A), and a margin that does not round to zero keeps `digits`
    expect(tableRows(doc(), 'institution-checks')[0]).toEqual(['A', '三级', '药品', '85.00%', '85.00%', '达标', '0.00']);
  });

  it('takes the period as { from, to } and prints it; periodLabel overrides; a string still works', () => {
    const q = renderBulletin({ ...input, period: { from: '2024-01-01', to: '2024-03-31' } }, { format: 'markdown', title: 't', asOf: '2024-04-20' });
    expect(q).toContain('统计期间：2024年第一季度');
    const m = renderBulletin({ ...input, period: { from: '2024-03-01', to: '2024-03-31' } }, { format: 'markdown', title: 't', asOf: '2024-04-20' });
    expect(m).toContain('统计期间：2024年3月');
    const r = renderBulletin({ ...input, period: { from: '2024-01-10', to: '2024-02-15' } }, { format: 'markdown', title: 't', asOf: '2024-04-20' });
    expect(r).toContain('统计期间：2024-01-10至2024-02-15');
    const l = renderBulletin({ ...input, period: { from: '2024-01-01', to: '2024-03-31' }, periodLabel: '一季度（修订）' }, { format: 'markdown', title: 't', asOf: '2024-04-20' });
    expect(l).toContain('统计期间：一季度（修订）');
    expect(renderBulletin(input, { format: 'markdown', title: 't', asOf: '2024-04-20' })).toContain('统计期间：2024年第一季度');
  });

  it("names renderBulletin and the caller's field in every refusal, never an inner function", () => {
    const refusal = (bad: unknown) => {
      try {
        renderBulletin(bad as never, { format: 'html', title: 't', asOf: '2024-04-20' });
      } catch (e) {
        expect(e).toBeInstanceOf(SunshineInputError);
        const err = e as SunshineInputError;
        return `${err.fn} ${err.issues.map((i) => i.path).join(',')}`;
      }
      throw new Error('accepted');
    };
    expect(refusal({ ...input, period: { from: '2024-03-31', to: '2024-01-01' } })).toBe('renderBulletin input.period.to');
    expect(refusal({ ...input, period: { from: '2024-02-30', to: '2024-03-31' } })).toBe('renderBulletin input.period.from');
    expect(refusal({ ...input, period: 7 })).toBe('renderBulletin input.period');
    expect(refusal({ ...input, period: '  ' })).toBe('renderBulletin input.period');
    expect(refusal({ ...input, periodLabel: '' })).toBe('renderBulletin input.periodLabel');
    expect(refusal({ ...input, measures: 'all' })).toBe('renderBulletin input.measures');
    expect(refusal({ ...input, measures: [measures[0], null] })).toBe('renderBulletin input.measures[1]');
    expect(refusal({ ...input, by: 'town' })).toBe('renderBulletin input.by');
    expect(refusal({ ...input, vbp: {} })).toBe('renderBulletin input.vbp');
    expect(refusal({ ...input, deadlines: 'soon' })).toBe('renderBulletin input.deadlines');
    expect(refusal(null)).toBe('renderBulletin input');
    expect(refusal({ ...input, policy: 'nowhere-2099' })).toMatch(/^renderBulletin input\.policy/);
  });
});

describe('renderBulletin: the whole Markdown text', () => {
  it('says what each section is, with its headers, the period, the document and the rounding rule', () => {
    const md = renderBulletin({ ...input, period: { from: '2024-01-01', to: '2024-03-31' } }, { format: 'markdown', title: '测试通报', asOf: '2024-04-20' });
    // the figures are the first suite's, worked by hand there; here every word around them
    expect(md.split('\n')).toEqual([
      '# 测试通报',
      '',
      '统计期间：2024年第一季度　发布日期：2024-04-20　依据：苏医保发〔2022〕38号',
      '',
      '网采率以百分比显示，四舍五入保留 2 位小数；是否达标按精确值判断。金额：地区表为万元（保留两位小数），其余为元。',
      '',
      '**一、地区网上采购率（同级别 Σ省平台 ÷ Σ院内，附件1 §1(2)）**',
      '',
      '| 地区 | 级别 | 指标 | 机构数 | 未报送 | Σ省平台（万元） | Σ院内（万元） | 网采率 | 目标 | 是否达标 |',
      '|---|---|---|---|---|---|---|---|---|---|',
      '| 崇川区 | 三级 | 药品 | 3 | 1 | 0.17 | 0.20 | 82.50% | — | — |',
      '| 崇川区 | 三级 | 医用耗材 | 3 | 1 | 0.06 | 0.10 | 60.00% | — | — |',
      '',
      '**二、机构目标考核（苏医保发〔2022〕38号）**',
      '',
      '| 机构 | 级别 | 指标 | 网采率 | 目标 | 结果 | 差距（百分点） |',
      '|---|---|---|---|---|---|---|',
      '| A | 三级 | 药品 | 85.00% | 85.00% | 达标 | 0.00 |',
      '| A | 三级 | 医用耗材 | 60.00% | 75.00% | 未达标 | -15.00 |',
      '| B | 三级 | 药品 | 80.00% | 85.00% | 未达标 | -5.00 |',
      '| B | 三级 | 医用耗材 | — | 75.00% | 无采购 | — |',
      '| C | 三级 | 药品 | — | 85.00% | 未报送 | — |',
      '| C | 三级 | 医用耗材 | — | 75.00% | 未报送 | — |',
      '',
      '**三、报送完整性（未报送不计为 0%）**',
      '',
      '| 地区 | 级别 | 指标 | 应报 | 已报（有采购） | 已报（无采购） | 未报送 | 报送率 | 未报送机构 |',
      '|---|---|---|---|---|---|---|---|---|',
      '| 崇川区 | 三级 | 药品 | 3 | 2 | 0 | 1 | 66.67% | C |',
      '| 崇川区 | 三级 | 医用耗材 | 3 | 1 | 1 | 1 | 66.67% | C |',
      '',
      '**四、同级排名（药品网采率，并列同名次）**',
      '',
      '| 地区 | 级别 | 名次 | 机构 | 网采率 | 百分位 | 同级中位数 |',
      '|---|---|---|---|---|---|---|',
      '| 崇川区 | 三级 | 1 | A | 85.00% | 100.00% | 82.50% |',
      '| 崇川区 | 三级 | 2 | B | 80.00% | 0.00% | 82.50% |',
      '',
      '**五、未达标机构及达标所需金额（元，向上取整到分）**',
      '',
      '| 机构 | 指标 | 网采率 | 目标 | 转入省平台（总额不变） | 或新增省平台采购 |',
      '|---|---|---|---|---|---|',
      '| A | 医用耗材 | 60.00% | 75.00% | 150.00 | 600.00 |',
      '| B | 药品 | 80.00% | 85.00% | 50.00 | 333.34 |',
      '',
      '（图表见 HTML 版。）',
      '',
    ]);
  });

  it('shows one decimal digit of the rates when asked, and escapes a | in a cell', () => {
    const named = measures.map((m) => (m.institutionId === 'A' ? { ...m, institutionName: 'A|院' } : m));
    const md = renderBulletin({ ...input, measures: named }, { format: 'markdown', title: 't', asOf: '2024-04-20', digits: 1 });
    expect(md).toContain('网采率以百分比显示，四舍五入保留 1 位小数');
    // 0.85 → 85.0 %, margin 0 → 0.0; the name's | escaped for Markdown
    expect(md).toContain('| A\\|院 | 三级 | 药品 | 85.0% | 85.0% | 达标 | 0.0 |');
  });
});

describe('renderBulletin: the HTML sections and charts', () => {
  const D = measures[0]!.totalAmount.constructor as unknown as new (v: string) => import('decimal.js').default;
  // one VBP group: 390 of 1,000 agreed, time progress 0.5 → 39.00 % against 50.00 %, 预警
  const vbp = [{ key: 'A', items: 1, agreedQuantity: new D('1000'), purchasedQuantity: new D('390'), completionRate: new D('0.39'), expectedQuantity: new D('500'), timeProgress: new D('0.5'), gapPoints: new D('-11'), remainingQuantity: new D('610'), status: 'warning', label: '预警', statusCounts: { warning: 1 }, warnings: [] }] as never;
  const deadlines = [
    { kind: 'monthly', label: '月度报送', period: '2024-04', due: '2024-05-15', nominalDue: '2024-05-15', rolled: false, provisional: false, citation: { policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: '§2(1)' } },
    { kind: 'monthly', label: '月度报送', period: '2024-05', due: '2024-06-17', nominalDue: '2024-06-15', rolled: true, provisional: false, citation: { policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: '§2(1)' } },
    { kind: 'monthly', label: '月度报送', period: '2024-03', due: '2024-04-15', nominalDue: '2024-04-15', rolled: false, provisional: false, citation: { policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: '§2(1)' } },
    { kind: 'annual', label: '年度报告', period: '2024', due: '2025-01-15', nominalDue: '2025-01-15', rolled: false, provisional: true, citation: { policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: '§2(3)' } },
  ] as never;
  const full = () => parse(renderBulletin({ ...input, vbp, deadlines }, { format: 'html', title: '<通报> & "说明"', asOf: '2024-04-20' })) as unknown as Node;
  const heads = (id: string) => {
    const table = [...walk(full())].find((el) => el.tagName === 'table' && attr(el, 'id') === id)!;
    return [text([...walk(table)].find((el) => el.tagName === 'caption')!), [...walk(table)].filter((el) => el.tagName === 'th').map((th) => text(th))];
  };

  it('names every section and column, numbered in order', () => {
    expect(heads('vbp-progress')).toEqual(['六、带量采购约定采购量完成进度', ['对象', '约定采购量', '已采购量', '完成进度', '序时进度', '状态']]);
    expect(heads('deadlines')).toEqual(['七、近期报送期限', ['事项', '所属期', '截止日期', '说明', '依据']]);
    expect(heads('lagging')[0]).toBe('五、未达标机构及达标所需金额（元，向上取整到分）');
  });

  it('lists the VBP progress and the deadlines due on or after the bulletin date, rolled and provisional ones said so', () => {
    expect(tableRows(full(), 'vbp-progress')).toEqual([['A', '1000', '390', '39.00%', '50.00%', '预警']]);
    // 2024-04-15 is before 2024-04-20: left out
    expect(tableRows(full(), 'deadlines')).toEqual([
      ['月度报送', '2024-04', '2024-05-15', '', '苏医保发〔2022〕38号 §2(1)'],
      ['月度报送', '2024-05', '2024-06-17', '原定 2024-06-15，遇休息日顺延', '苏医保发〔2022〕38号 §2(1)'],
      ['年度报告', '2024', '2025-01-15', '暂定', '苏医保发〔2022〕38号 §2(3)'],
    ]);
  });

  it('labels a shared reference with the digits it has, up to two (issue 27)', () => {
    // time progress 100 ÷ 366 = 0.27322404…: 27.32 %, not 27 %; 0.875 is 87.5 %, 0.85 stays 85 %
    const label = (timeProgress: string) => {
      const one = [{ ...(vbp as unknown as Record<string, unknown>[])[0]!, timeProgress: new D(timeProgress) }] as never;
      const svg = [...walk(parse(renderBulletin({ ...input, vbp: one }, { format: 'html', title: 't', asOf: '2024-04-20' })) as unknown as Node)].find((el) => el.tagName === 'svg' && attr(el, 'id') === 'chart-vbp')!;
      return [...walk(svg as unknown as Node)].filter((el) => el.tagName === 'text').map((t) => text(t))[1];
    };
    expect(label(new D('100').dividedBy(366).toFixed())).toBe('序时进度 27.32%');
    expect(label('0.875')).toBe('序时进度 87.5%');
    expect(label('0.85')).toBe('序时进度 85%');
  });

  it('draws the VBP chart against time progress, escapes the title and says what the dashed line is', () => {
    const svg = [...walk(full())].find((el) => el.tagName === 'svg' && attr(el, 'id') === 'chart-vbp')!;
    const parts = [...walk(svg as unknown as Node)];
    // 0.39 × 520 = 202.8 px wide; the time-progress line (one item: drawn once, labelled) at 200 + 0.5 × 520 = 460.0; the bar below it is red
    expect(parts.filter((el) => el.tagName === 'rect').map((r) => [attr(r, 'width'), attr(r, 'fill')])).toEqual([['202.8', '#d9534f']]);
    expect(parts.filter((el) => el.tagName === 'line' && attr(el, 'stroke-dasharray') === '4,3').map((l) => attr(l, 'x1'))).toEqual(['460.0']);
    expect(parts.filter((el) => el.tagName === 'text').map((t) => text(t))).toEqual([
      '带量采购完成进度与序时进度（截至 2024-04-20）',
      '序时进度 50%',
      'A',
      '39.00%（序时 50.00%）',
      '红色：低于序时进度；虚线：序时进度 / red: below the time progress; dashed: the time progress',
    ]);
    expect(attr(svg, 'aria-label')).toBe('带量采购完成进度与序时进度（截至 2024-04-20）');
    const title = [...walk(full())].find((el) => el.tagName === 'title')!;
    expect(text(title)).toBe('<通报> & "说明"');
    expect(html()).toContain('<html lang="zh-CN">');
    // a bar at the target is blue, one below it red
    const drug = [...walk(doc())].find((el) => el.tagName === 'svg' && attr(el, 'id') === 'chart-drug')!;
    expect([...walk(drug as unknown as Node)].filter((el) => el.tagName === 'rect').map((r) => attr(r, 'fill'))).toEqual(['#5b9bd5', '#d9534f']);
    expect(attr(drug, 'aria-label')).toBe('药品网采率与目标（2024年第一季度，苏医保发〔2022〕38号）');
  });
});

describe('renderBulletin: refusals in words, regional targets, the page around the tables', () => {
  const opts = { format: 'html' as const, title: 't', asOf: '2024-04-20' };

  it('says which option or input is wrong and what it expected', () => {
    expect(refusal(() => renderBulletin(input, { ...opts, format: 'pdf' as never }))).toBe('renderBulletin: options.format expected one of "html", "markdown", got "pdf"');
    expect(refusal(() => renderBulletin(input, null as never))).toBe('renderBulletin: options.format expected one of "html", "markdown", got undefined');
    expect(refusal(() => renderBulletin(input, { ...opts, asOf: '2024-02-30' }))).toBe('renderBulletin: options.asOf expected a real civil date "YYYY-MM-DD", got "2024-02-30"');
    expect(refusal(() => renderBulletin(input, { ...opts, title: '  ' }))).toBe('renderBulletin: options.title expected a title, got "  "');
    expect(refusal(() => renderBulletin(input, { ...opts, title: 5 as never }))).toBe('renderBulletin: options.title expected a title, got 5');
    expect(refusal(() => renderBulletin(input, { ...opts, digits: 7 }))).toBe('renderBulletin: options.digits expected an integer from 0 to 6, got 7');
    expect(refusal(() => renderBulletin(input, { ...opts, digits: -1 }))).toBe('renderBulletin: options.digits expected an integer from 0 to 6, got -1');
    expect(refusal(() => renderBulletin(input, { ...opts, digits: 1.5 }))).toBe('renderBulletin: options.digits expected an integer from 0 to 6, got 1.5');
    expect(renderBulletin(input, { ...opts, digits: 6 })).toContain('85.000000%');
    expect(renderBulletin(input, { ...opts, digits: 0 })).toContain('保留 0 位小数');
    expect(refusal(() => renderBulletin(null as never, opts))).toBe('renderBulletin: input expected { policy, measures, by, period }, got null');
    expect(refusal(() => renderBulletin({ ...input, period: '' }, opts))).toBe('renderBulletin: input.period expected a period { from, to } or its label, got ""');
    expect(refusal(() => renderBulletin({ ...input, periodLabel: ' ' }, opts))).toBe('renderBulletin: input.periodLabel expected a period { from, to } or its label, got " "');
    expect(refusal(() => renderBulletin({ ...input, vbp: 'x' as never }, opts))).toBe('renderBulletin: input.vbp expected an array, or absent, got "x"');
    expect(refusal(() => renderBulletin({ ...input, by: 'town' as never }, opts))).toMatch(/^renderBulletin: input\.by expected /);
    expect(refusal(() => renderBulletin({ ...input, measures: [null] as never }, opts))).toBe('renderBulletin: input.measures[0] expected an institution measure from measureOnlineRates, got null');
  });

  it('checks regions against a policy whose targets bind regions (ganzhou-2023), by level', () => {
    // two secondary hospitals in one county: drugs (90 + 80) / (100 + 100) = 85 % < 90 %; A alone 90 % meets
    const g = [inst('A', 'secondary', 'public', { city: '赣州市', county: '章贡区' }), inst('B', 'secondary', 'public', { city: '赣州市', county: '章贡区' })];
    const ms = measureOnlineRates(
      [
        line({ institutionId: 'A', amount: '90', insuranceCode: 'X' }),
        line({ institutionId: 'A', amount: '10', channel: 'offline', insuranceCode: 'X' }),
        line({ institutionId: 'B', amount: '80', insuranceCode: 'X' }),
        line({ institutionId: 'B', amount: '20', channel: 'offline', insuranceCode: 'X' }),
      ],
      { policy: 'ganzhou-2023', institutions: g },
    ).measures;
    const d = parse(renderBulletin({ policy: 'ganzhou-2023', measures: ms, by: 'county', period: '2024年第一季度' }, opts)) as unknown as Node;
    const drug = tableRows(d, 'regional-rates').find((r) => r[2] === '药品')!;
    expect(drug).toEqual(['章贡区', '二级', '药品', '2', '0', '0.02', '0.02', '85.00%', '90.00%', '未达标']);
    // ranked by the policy's first target measure: drugs
    expect(tableRows(d, 'peer-ranking').map((r) => [r[3], r[4]])).toEqual([['A', '90.00%'], ['B', '80.00%']]);
  });

  it('is one HTML page: doctype, language, charset, title, heading, period line, rounding note', () => {
    const out = renderBulletin({ ...input, period: { from: '2024-03-01', to: '2024-03-31' } }, { format: 'html', title: '三月通报', asOf: '2024-04-20' }).split('\n');
    expect(out.slice(0, 9)).toEqual(['<!doctype html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8" />', '<title>三月通报</title>', expect.stringMatching(/^<style>body\{font-family:"Noto Sans CJK SC"/), '</head>', '<body>', '<h1>三月通报</h1>']);
    expect(out[9]).toBe('<p>统计期间：2024年3月　发布日期：2024-04-20　依据：苏医保发〔2022〕38号</p>');
    expect(out[10]).toBe('<p class="note">网采率以百分比显示，四舍五入保留 2 位小数；是否达标按精确值判断。金额：地区表为万元（保留两位小数），其余为元。</p>');
    expect(out[11]).toBe('<table id="regional-rates">');
    expect(out.slice(-3)).toEqual(['</body>', '</html>', '']);
    // each table: open, caption, head, body, close, one per line
    const i = out.indexOf('<table id="completeness">');
    expect(out[i + 1]).toBe('<caption>三、报送完整性（未报送不计为 0%）</caption>');
    expect(out[i + 2]).toBe('<thead><tr><th>地区</th><th>级别</th><th>指标</th><th>应报</th><th>已报（有采购）</th><th>已报（无采购）</th><th>未报送</th><th>报送率</th><th>未报送机构</th></tr></thead>');
    expect(out[i + 3]).toBe('<tbody><tr><td>崇川区</td><td>三级</td><td>药品</td><td>3</td><td>2</td><td>0</td><td>1</td><td>66.67%</td><td>C</td></tr><tr><td>崇川区</td><td>三级</td><td>医用耗材</td><td>3</td><td>1</td><td>1</td><td>1</td><td>66.67%</td><td>C</td></tr></tbody>');
    expect(out[i + 4]).toBe('</table>');
  });

  it('draws each row of a chart 24 px below the last, the plot as tall as its rows', () => {
    const svg = renderBulletin(input, opts).split('\n');
    const at = svg.indexOf(svg.find((l) => l.startsWith('<svg id="chart-drug"'))!);
    // a title row and the target's label above the bars (52 px), two bars of 24 px, 24 px below: 52 + 48 + 24 = 124 px tall;
    // 200 + 520 + 150 = 870 px wide; the axis from y 52 − 6 = 46 to 124 − 20 = 104; rows at y 52 and 76
    const title = '药品网采率与目标（2024年第一季度，苏医保发〔2022〕38号）';
    expect(svg[at]).toBe(`<svg id="chart-drug" xmlns="http://www.w3.org/2000/svg" width="870" height="124" viewBox="0 0 870 124" role="img" aria-label="${title}">`);
    expect(svg[at + 1]).toBe(`<title>${title}</title>`);
    expect(svg[at + 2]).toBe(`<text x="0" y="16" font-size="14" font-weight="bold">${title}</text>`);
    expect(svg[at + 3]).toBe('<line x1="200" y1="46" x2="200" y2="104" stroke="#333" />');
    // the target, once: 200 + 0.85 × 520 = 642.0, from 4 px above the axis's top, labelled 目标 85% above it
    expect(svg[at + 4]).toBe('<line x1="642.0" y1="42" x2="642.0" y2="104" stroke="#222" stroke-width="2" stroke-dasharray="4,3" />');
    expect(svg[at + 5]).toBe('<text x="642.0" y="38" text-anchor="middle" font-size="12">目标 85%</text>');
    expect(svg[at + 6]).toBe('<text x="194" y="65" text-anchor="end" font-size="12">A</text>');
    expect(svg[at + 7]).toBe('<rect x="200" y="52" width="442.0" height="16" fill="#5b9bd5" />');
    // the values in a column of their own, right of the plot (200 + 520 + 10): no line crosses them
    expect(svg[at + 8]).toBe('<text x="730" y="65" font-size="12">85.00%</text>');
    expect(svg[at + 9]).toBe('<text x="194" y="89" text-anchor="end" font-size="12">B</text>');
    expect(svg[at + 12]).toBe('<text x="200" y="120" font-size="11">红色：低于目标；虚线：目标 / red: below the target; dashed: the target</text>');
    expect(svg[at + 13]).toBe('</svg>');
  });
});

describe('renderBulletin: the run\'s warnings at the top (issue 25)', () => {
  const inst2 = [{ id: 'A', level: 'tertiary', ownership: 'public' }] as const;
  // 2024 data measured for a 2026 quarter: nothing counts, and the result says so
  const run = measureOnlineRates([{ institutionId: 'A', receivedOn: '2024-02-01', category: 'drug', channel: 'platform', amount: '1' }], {
    policy: 'jiangsu-2022',
    institutions: [...inst2],
    period: { from: '2026-10-01', to: '2026-12-31' },
  });
  const base: BulletinInput = { policy: 'jiangsu-2022', measures: run.measures, by: 'city', period: { from: '2026-10-01', to: '2026-12-31' }, warnings: run.warnings };
  const opts = { title: 't', asOf: '2027-01-20' } as const;

  it('shows 数据提示 before the tables, in HTML and in Markdown', () => {
    expect(run.warnings.map((w) => w.code)).toEqual(['all-lines-outside-period']);
    const md = renderBulletin(base, { ...opts, format: 'markdown' }).split('\n');
    const at = md.indexOf('> **数据提示**');
    expect(at).toBe(4);
    expect(md[6]).toBe(`> - ${run.warnings[0]!.message}`);
    expect(md.findIndex((l) => l.startsWith('**一、'))).toBeGreaterThan(at);
    const html = renderBulletin(base, { ...opts, format: 'html' });
    expect(html).toContain('<div class="warnings" role="alert"><p><strong>数据提示</strong></p><ul><li>1 行中没有一行计入网采率（拒收 0 行，剔除 1 行）；最常见的原因：入库日期不在统计期间（统计期间 2026-10-01 – 2026-12-31）');
    expect(html.indexOf('数据提示')).toBeLessThan(html.indexOf('<table'));
  });

  it('shows nothing without warnings, and escapes what a warning carries', () => {
    expect(renderBulletin({ ...base, warnings: [] }, { ...opts, format: 'markdown' })).not.toContain('数据提示');
    const w = [{ code: 'x', message: 'a <b> & "c"' }];
    expect(renderBulletin({ ...base, warnings: w }, { ...opts, format: 'markdown' })).toContain('> - a &lt;b&gt; &amp; "c"');
    expect(renderBulletin({ ...base, warnings: w }, { ...opts, format: 'html' })).toContain('<li>a &lt;b&gt; &amp; &quot;c&quot;</li>');
  });

  it('refuses warnings that are not { code, message }', () => {
    expect(refusal(() => renderBulletin({ ...base, warnings: 'x' as never }, { ...opts, format: 'html' }))).toBe('renderBulletin: input.warnings expected an array, or absent, got "x"');
    expect(refusal(() => renderBulletin({ ...base, warnings: [null] as never }, { ...opts, format: 'html' }))).toBe('renderBulletin: input.warnings[0] expected a warning { code, message }, got null');
  });
});

describe('renderBulletin: Markdown that carries no markup (issue 26)', () => {
  it('escapes <, > and & in every cell, the title and the period, as the HTML does', () => {
    const run = measureOnlineRates([line({ institutionId: 'X', amount: '1', channel: 'offline' })], { policy: 'jiangsu-2022', institutions: [{ id: 'X', name: '<script>alert(1)</script> & Co', level: 'tertiary', ownership: 'public' }] });
    const md = renderBulletin({ policy: 'jiangsu-2022', measures: run.measures, by: 'city', period: 'Q1 <b>' }, { format: 'markdown', title: 'A & <i>B</i>', asOf: '2024-04-20' });
    expect(md).not.toMatch(/<script|<\/script|<b>|<i>/);
    expect(md).toContain('# A &amp; &lt;i&gt;B&lt;/i&gt;');
    expect(md).toContain('统计期间：Q1 &lt;b&gt;');
    expect(md).toContain('| &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co |');
  });
});
