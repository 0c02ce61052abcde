import type { Policy } from '../schema';
import { SU_2022_38 } from '../documents';
import { SEED_002 } from './common';

const ANNEX_1_2 = 'annex 1 §2';

/** The monthly report's labels, which 通医保发〔2022〕38号 forwards unchanged. @internal */
export const MONTHLY_REPORT_LABELS = { label: '医疗机构上报上月采购数据', labelEn: "institutions report last month's purchases" } as const;

/** The ten drug kinds and IVD reagents that jiangsu-2022 annex 1 §2 leaves out "for now" (暂不包含). */
export const JIANGSU_2022_EXCLUSIONS = [
  { kind: 'tcm-decoction-pieces', clause: ANNEX_1_2 },
  { kind: 'formula-granules', clause: ANNEX_1_2 },
  { kind: 'psychotropic', clause: ANNEX_1_2 },
  { kind: 'narcotic', clause: ANNEX_1_2 },
  { kind: 'toxic', clause: ANNEX_1_2 },
  { kind: 'radiopharmaceutical', clause: ANNEX_1_2 },
  { kind: 'preventive-biologic', clause: ANNEX_1_2 },
  { kind: 'family-planning', clause: ANNEX_1_2 },
  { kind: 'hospital-preparation', clause: ANNEX_1_2 },
  { kind: 'special-medical-food', clause: ANNEX_1_2 },
  { kind: 'ivd-reagent', clause: ANNEX_1_2 },
] as const satisfies Policy['exclusions'];

/**
 * 苏医保发〔2022〕38号 关于加强公立医疗机构阳光采购监测工作的通知 (Jiangsu, 2022-06-02).
 *
 * @category Policies
 * @see seeds/002 (annex of 通医保发〔2022〕38号)
 * @example
 * JIANGSU_2022.targets.map((t) => t.minimum) //=> ['0.85', '0.75']
 */
export const JIANGSU_2022 = {
  id: 'jiangsu-2022',
  title: '关于加强公立医疗机构阳光采购监测工作的通知',
  titleEn: 'Notice on strengthening the monitoring of sunshine procurement by public medical institutions',
  document: SU_2022_38,
  issuer: ['江苏省医疗保障局'],
  year: 2022,
  issuedOn: '2022-06-02',
  effective: { from: '2022-06-02', clause: 'date of issue (印发 2022年6月2日; no end named)' },
  jurisdiction: { province: '江苏省' },
  scope: {
    ownership: ['public', 'military'],
    levels: ['tertiary', 'secondary'],
    clause: 'main text §1(1) (含军队驻苏医疗机构), §1(3) (二级以上)',
  },
  exclusions: JIANGSU_2022_EXCLUSIONS,
  insuranceCode: { requiredFor: ['drug', 'consumable'], clause: 'annex 1 §2 (获得国家医保分类与代码的挂网药品(医用耗材))' },
  dataBasis: { basis: 'inbound', clause: 'annex 1 §3' },
  measures: [
    { id: 'drug', clause: 'annex 1 §1(1)' },
    { id: 'consumable', clause: 'annex 1 §1(1)' },
  ],
  targets: [
    { measure: 'drug', appliesTo: ['institution'], minimum: '0.85', by: '2022-12-31', clause: 'main text §1(3)' },
    { measure: 'consumable', appliesTo: ['institution'], minimum: '0.75', by: '2022-12-31', clause: 'main text §1(3)' },
  ],
  goals: [
    {
      text: '二级以上公立医疗机构使用药品（医用耗材）在省平台应采尽采',
      textEn: 'secondary-and-above public institutions buy everything they use on the provincial platform',
      by: '2025-12-31',
      clause: 'main text §1(3) (“十四五”末)',
    },
  ],
  deadlines: [
    {
      id: 'institution-monthly-report',
      rule: 'monthly',
      day: 15,
      monthsAfter: 1,
      ...MONTHLY_REPORT_LABELS,
      who: '二级以上公立医疗机构',
      to: '设区市医保部门（在宁省（部）属公立医疗机构报省医保部门）',
      clause: 'main text §2(1)',
    },
    {
      id: 'city-monthly-summary',
      rule: 'monthly',
      day: 20,
      monthsAfter: 1,
      label: '设区市汇总三级公立医疗机构数据报省',
      labelEn: "city bureaus send the tertiary institutions' summary to the province",
      who: '设区市医保部门',
      to: '省医保部门',
      clause: 'main text §2(1)',
    },
    {
      id: 'quarterly-bulletin',
      rule: 'quarterly',
      day: null,
      label: '按季通报三级公立医疗机构网上采购情况',
      labelEn: "quarterly bulletin of tertiary institutions' online purchasing",
      who: '省医保部门（设区市同步通报二级以上）',
      clause: 'main text §2(2)',
      note: 'The document gives no date for the bulletin.',
    },
  ],
  vbp: {},
  source: SEED_002,
} as const satisfies Policy;
