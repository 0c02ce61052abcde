/**
 * The calculator page's computation (examples/calculator/compute.ts) in Node, on a table longer
 * than one chunk (the page reads 20,000 rows at a time): every row not counted keeps the row number
 * it has in the file, whichever chunk it fell in, and the progress reaches the row count.
 */
import { describe, expect, it } from 'vitest';
import { compute, type Choices } from '../../examples/calculator/compute';
import type { Table } from '../../examples/calculator/input';

const choices: Choices = { policy: 'jiangsu-2022', period: { from: '2024-01-01', to: '2024-03-31' }, periodLabel: '2024年第一季度', by: 'city', digits: 2, asOf: '2024-04-10' };
const institutions = [{ id: 'H1', level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '南通市' } }] as const;

describe('compute', () => {
  it('numbers the rows it does not count as the file does, across chunks of 20,000', async () => {
    // 45,000 data rows (chunks of 20,000, 20,000 and 5,000), each 1.00 yuan of drugs with a code (jiangsu-2022
    // requires one) on the platform;
    // data row k (from 0) is file row k + 2 (the header is row 1)
    const rows = Array.from({ length: 45_000 }, () => ({ 医疗机构编码: 'H1', 入库日期: '2024-02-01', 类别: '药品', 医保代码: 'XA01', 采购渠道: '省平台', '金额（元）': '1.00' }));
    rows[0] = { ...rows[0]!, 入库日期: '2024-02-30' }; // file row 2, first chunk: not a real date (the adapter)
    rows[25_000] = { ...rows[25_000]!, 入库日期: '2024-13-01' }; // file row 25,002, second chunk: the adapter
    rows[44_998] = { ...rows[44_998]!, 医疗机构编码: 'H9' }; // file row 45,000, third chunk: not in the list (the library)
    const table: Table = { name: 'lines.csv', headers: ['医疗机构编码', '入库日期', '类别', '医保代码', '采购渠道', '金额（元）'], rows, firstRow: 2 };
    const seen: number[] = [];
    const r = await compute([table], [], [...institutions], [], choices, (done, _total, phase) => {
      if (phase === 'reading') seen.push(done);
    });
    expect(r.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, '入库日期', '2024-02-30'],
      [25_002, '入库日期', '2024-13-01'],
      [45_000, '医疗机构编码', 'H9'],
    ]);
    expect([r.rowsRead, r.rowsUnread]).toEqual([45_000, 2]);
    // progress after each chunk: 20,000, 40,000, 45,000
    expect(seen).toEqual([20_000, 40_000, 45_000]);
    // counted: 45,000 - 3 = 44,997 lines of 1.00 on the platform: 100 %
    expect(r.result.ledger.included.amount.toFixed(2)).toBe('44997.00');
  });

  it('says so when no line falls in the chosen period, in the results and in the bulletin (issue 25)', async () => {
    // two rows of 2024-02-01 computed for 2026 Q4 (the page's default period before issue 27)
    const rows = [0, 1].map(() => ({ 医疗机构编码: 'H1', 入库日期: '2024-02-01', 类别: '药品', 医保代码: 'XA01', 采购渠道: '省平台', '金额（元）': '1.00' }));
    const table: Table = { name: 'lines.csv', headers: Object.keys(rows[0]!), rows, firstRow: 2 };
    const q4: Choices = { ...choices, period: { from: '2026-10-01', to: '2026-12-31' }, periodLabel: '2026年第四季度', asOf: '2027-01-10' };
    const r = await compute([table], [], [...institutions], [], q4);
    expect(r.result.warnings.map((w) => w.code)).toEqual(['all-lines-outside-period']);
    expect(r.result.warnings[0]!.message).toContain('所见入库日期 2024-02-01 至 2024-02-01');
    expect(r.bulletin).toContain('<strong>数据提示</strong>');
  });
});
