/**
 * The demo: `npm run demo`. Measures a fictional city's quarter of purchase lines
 * under jiangsu-2022 and ganzhou-2023 and prints the institutions' rates, the
 * regional rates per level, the target checks and the ledger.
 */
import {
  REJECTION_LABELS,
  type RejectionKey,
  aggregateRates,
  checkTargets,
  EXCLUSION_LABELS,
  EXCLUSION_REASONS,
  formatRate,
  getPolicy,
  LEVEL_LABELS,
  measureOnlineRates,
  OWNERSHIP_LABELS,
  SECONDARY_AND_ABOVE,
  type Level,
  type Ledger,
  type MeasureOnlineRatesResult,
  type TargetCheck,
} from '../src/index';
import { SAMPLE_INSTITUTIONS, SAMPLE_PERIOD, sampleLines } from './data/sample-city';
import { table } from './table';

const yuan = (d: { toFixed(n: number): string }) => d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const STATUS = { ok: '正常', 'no-purchases': '无采购', inconsistent: '数据不一致' } as const;
const names = new Map(SAMPLE_INSTITUTIONS.map((i) => [i.id, i.name ?? i.id]));
const levelLabel = (level: string) => (level in LEVEL_LABELS ? LEVEL_LABELS[level as Level].label : level === 'secondary-and-above' ? '二级以上' : level);

function printInstitutions(result: MeasureOnlineRatesResult): void {
  const rows = result.measures.map((m) => [
    names.get(m.institutionId) ?? m.institutionId,
    LEVEL_LABELS[m.level].label,
    OWNERSHIP_LABELS[m.ownership].label,
    m.label,
    yuan(m.platformAmount),
    yuan(m.totalAmount),
    yuan(m.emergencyAmount),
    formatRate(m.rate),
    STATUS[m.status],
  ]);
  console.log(table(['机构', '等级', '性质', '指标', '省平台金额(元)', '院内采购金额(元)', '其中应急(元)', '网采率', '状态'], rows, [4, 5, 6, 7]));
}

function printRegions(result: MeasureOnlineRatesResult): ReturnType<typeof aggregateRates> {
  const regions = [...aggregateRates(result.measures, { by: 'city', levelGroups: SECONDARY_AND_ABOVE }), ...aggregateRates(result.measures, { by: 'county' })];
  const rows = regions.map((r) => [
    r.region.county ?? r.region.city ?? '—',
    levelLabel(r.level),
    r.label,
    String(r.institutions),
    yuan(r.platformAmount),
    yuan(r.totalAmount),
    formatRate(r.rate),
  ]);
  console.log(table(['地区', '级别', '指标', '机构数', 'Σ省平台金额(元)', 'Σ院内采购金额(元)', '地区网采率'], rows, [3, 4, 5, 6]));
  return regions;
}

function printChecks(checks: readonly TargetCheck[]): void {
  const rows = checks.map((c) => [
    c.subject.type === 'institution' ? (names.get(c.subject.id) ?? c.subject.id) : c.subject.id.replace(/\|.*/, '').split('/').pop() ?? c.subject.id,
    levelLabel(c.level),
    c.label,
    formatRate(c.target, { digits: 0 }),
    formatRate(c.rate),
    c.meets === null ? '无数据' : c.meets ? '达标' : '未达标',
    c.marginPoints === null ? '—' : `${c.marginPoints.isNegative() ? '' : '+'}${c.marginPoints.toFixed(2)}`,
    c.shortfallAmount === null ? '—' : yuan(c.shortfallAmount),
    c.citation.clause,
  ]);
  console.log(table(['对象', '级别', '指标', '目标', '网采率', '结果', '差距(百分点)', '需转入省平台(元)', '依据'], rows, [3, 4, 6, 7]));
}

function printLedger(ledger: Ledger): void {
  const rows: string[][] = [
    ['输入', String(ledger.input.lines), yuan(ledger.input.amount)],
    ['纳入计算', String(ledger.included.lines), yuan(ledger.included.amount)],
    ...EXCLUSION_REASONS.map((r) => [`剔除：${EXCLUSION_LABELS[r]}`, String(ledger.excluded.byReason[r].lines), yuan(ledger.excluded.byReason[r].amount)]),
    ['拒收（数据错误）', String(ledger.rejected.lines), yuan(ledger.rejected.amount)],
  ];
  console.log(table(['去向', '行数', '金额(元)'], rows, [1, 2]));
  // each rejected line: its index, the reason as its Chinese label, then the field, value and expectation in English
  for (const r of ledger.rejected.reasons) {
    const key: RejectionKey = r.reason === 'unknown-institution' ? 'unknown-institution' : (`invalid:${r.field}` as RejectionKey);
    console.log(`  lines[${r.index}] · ${REJECTION_LABELS[key] ?? '明细无效'} · ${r.field} = ${JSON.stringify(r.value)} · expected ${r.expected}`);
  }
  console.log(`  平衡 / balanced: ${ledger.balanced ? '是 yes' : '否 no'}（输入 = 纳入 + 剔除 + 拒收）`);
}

const lines = sampleLines();
console.log(`示例市 2024年第一季度 · ${SAMPLE_INSTITUTIONS.length} 家机构 · ${lines.length} 行入库明细\n`);

for (const id of ['jiangsu-2022', 'ganzhou-2023'] as const) {
  const policy = getPolicy(id);
  const result = measureOnlineRates(lines, { policy, institutions: SAMPLE_INSTITUTIONS, period: SAMPLE_PERIOD });
  console.log(`════ ${policy.document} ${policy.title} (${policy.id}) ════\n`);
  console.log('一、机构网上采购率 / institution rates\n');
  printInstitutions(result);
  console.log('\n二、地区网上采购率（同级别 Σ省平台 ÷ Σ院内，附件1 §1(2)）/ regional rates\n');
  const regions = printRegions(result);
  console.log('\n三、目标考核 / target checks\n');
  printChecks([...checkTargets(result.measures, policy), ...checkTargets(regions, policy)]);
  console.log('\n四、数据台账 / ledger\n');
  printLedger(result.ledger);
  console.log('');
}
