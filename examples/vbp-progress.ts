/**
 * One hospital's VBP file (一院一档) for two batches, as ganzhou-2023 §2(3) asks the bureau
 * to keep: agreed volume, purchases, completion against time progress, status.
 * Run: `npm run example:vbp`.
 */
import { formatRate, institutionVolumeFile, selectedProductShare, VOLUME_STATUS_LABELS, type VolumeItem } from '../src/index';
import { table } from './table';

const cycle9 = { start: '2024-03-01', end: '2025-02-28' };
const cycle10 = { start: '2024-07-01', end: '2025-06-30' };
const items: VolumeItem[] = [
  { institutionId: 'GZ-001', batch: '国家第九批', product: '阿托伐他汀钙片 20mg×7片', agreedQuantity: '12000', purchasedQuantity: '9400', cycle: cycle9 },
  { institutionId: 'GZ-001', batch: '国家第九批', product: '氨氯地平片 5mg×28片', agreedQuantity: '8000', purchasedQuantity: '4100', cycle: cycle9 },
  { institutionId: 'GZ-001', batch: '国家第九批', product: '二甲双胍缓释片 0.5g×30片', agreedQuantity: '5000', purchasedQuantity: '5230', cycle: cycle9 },
  { institutionId: 'GZ-001', batch: '省际联盟第十批', product: '冠脉药物球囊', agreedQuantity: '120', purchasedQuantity: '28', cycle: cycle10 },
  { institutionId: 'GZ-001', batch: '省际联盟第十批', product: '人工晶体', agreedQuantity: '300', purchasedQuantity: '121', cycle: cycle10 },
];
const asOf = '2024-10-31';
const file = institutionVolumeFile(items, { institutionId: 'GZ-001', asOf, policy: 'ganzhou-2023' });

console.log(`一院一档 · GZ-001 · 截至 ${asOf}\n`);
const rows: string[][] = [];
for (const batch of file.batches) {
  for (const p of batch.products) {
    rows.push([batch.batch, p.product, p.agreedQuantity.toFixed(), p.purchasedQuantity.toFixed(), formatRate(p.completionRate), formatRate(p.timeProgress), p.gapPoints === null ? '—' : p.gapPoints.toFixed(2), p.requiredDailyQuantity === null ? '—' : p.requiredDailyQuantity.toFixed(2), VOLUME_STATUS_LABELS[p.status]]);
  }
  const t = batch.total;
  rows.push([batch.batch, '（批次合计）', t.agreedQuantity.toFixed(), t.purchasedQuantity.toFixed(), formatRate(t.completionRate), formatRate(t.timeProgress), t.gapPoints === null ? '—' : t.gapPoints.toFixed(2), '', VOLUME_STATUS_LABELS[t.status]]);
}
rows.push(['全院', '（合计）', file.total.agreedQuantity.toFixed(), file.total.purchasedQuantity.toFixed(), formatRate(file.total.completionRate), formatRate(file.total.timeProgress), file.total.gapPoints?.toFixed(2) ?? '—', '', VOLUME_STATUS_LABELS[file.total.status]]);
console.log(table(['批次', '品种', '约定采购量', '已采购量', '完成进度', '序时进度', '差距(百分点)', '每日需采购', '状态'], rows, [2, 3, 4, 5, 6, 7]));

console.log('\n中选产品使用比例（同通用名）\n');
const shares = selectedProductShare(
  [
    { genericName: '阿托伐他汀钙片', product: '中选企业甲', selected: true, quantity: '9400', amount: '8460.00' },
    { genericName: '阿托伐他汀钙片', product: '原研企业乙', selected: false, quantity: '2600', amount: '41600.00' },
    { genericName: '氨氯地平片', product: '中选企业丙', selected: true, quantity: '4100', amount: '1640.00' },
    { genericName: '氨氯地平片', product: '原研企业丁', selected: false, quantity: '900', amount: '13500.00' },
  ],
  { agreedProportions: { 阿托伐他汀钙片: '0.7', 氨氯地平片: '0.7' } },
);
console.log(
  table(
    ['通用名', '数量占比', '金额占比', '约定比例', '是否达到', '非中选产品（数量/金额）'],
    shares.map((s) => [s.genericName, formatRate(s.quantityShare), formatRate(s.amountShare), formatRate(s.agreedProportion, { digits: 0 }), s.meetsAgreedProportion ? '达到' : '未达到', s.nonSelected.map((n) => `${n.product} ${n.quantity.toFixed()}/${n.amount.toFixed(2)}元`).join('；')]),
    [1, 2, 3],
  ),
);
