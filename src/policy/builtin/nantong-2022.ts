import type { Policy } from '../schema';
import { SU_2022_38 } from '../documents';
import { SEED_002 } from './common';
import { JIANGSU_2022_EXCLUSIONS, MONTHLY_REPORT_LABELS } from './jiangsu-2022';

const FORWARDED_ANNEX_1_2 = `${SU_2022_38} annex 1 §2 (forwarded)`;
const FORWARDED_ANNEX_1_1_1 = `${SU_2022_38} annex 1 §1(1) (forwarded)`;

/**
 * 通医保发〔2022〕38号: Nantong forwards 苏医保发〔2022〕38号 and sets the same targets for the city.
 *
 * @category Policies
 * @see seeds/002
 * @example
 * NANTONG_2022.jurisdiction.city //=> '南通市'
 */
export const NANTONG_2022 = {
  id: 'nantong-2022',
  title: '转发江苏省医疗保障局关于加强公立医疗机构阳光采购监测工作的通知',
  titleEn: "Forwarding Jiangsu's notice on monitoring sunshine procurement by public medical institutions",
  document: '通医保发〔2022〕38号',
  issuer: ['南通市医疗保障局'],
  year: 2022,
  effective: { from: '2022-06-02', clause: `the copy bears no date; not before the notice it forwards (${SU_2022_38}, 2022-06-02)` },
  jurisdiction: { province: '江苏省', city: '南通市' },
  scope: {
    ownership: ['public', 'military'],
    levels: ['tertiary', 'secondary'],
    clause: '§1 (含军队驻通医疗机构；二级以上)',
  },
  // the list of the notice it forwards, each kind cited there
  exclusions: /* @__PURE__ */ JIANGSU_2022_EXCLUSIONS.map(({ kind }) => ({ kind, clause: FORWARDED_ANNEX_1_2 })),
  insuranceCode: { requiredFor: ['drug', 'consumable'], clause: FORWARDED_ANNEX_1_2 },
  dataBasis: { basis: 'inbound', clause: `${SU_2022_38} annex 1 §3 (forwarded)` },
  measures: [
    { id: 'drug', clause: FORWARDED_ANNEX_1_1_1 },
    { id: 'consumable', clause: FORWARDED_ANNEX_1_1_1 },
  ],
  targets: [
    { measure: 'drug', appliesTo: ['institution'], minimum: '0.85', by: '2022-12-31', clause: '§1' },
    { measure: 'consumable', appliesTo: ['institution'], minimum: '0.75', by: '2022-12-31', clause: '§1' },
  ],
  goals: [],
  deadlines: [
    {
      id: 'institution-monthly-report',
      rule: 'monthly',
      day: 15,
      monthsAfter: 1,
      ...MONTHLY_REPORT_LABELS,
      who: '全市二级以上公立医疗机构',
      to: '市医保局',
      clause: `§2(1); ${SU_2022_38} main text §2(1)`,
      note: '§2(1) refers to 通医保发〔2022〕37号 for the reporting rules; the provincial date is used.',
    },
    {
      id: 'quarterly-bulletin',
      rule: 'quarterly',
      day: null,
      label: '定期通报二级以上公立医疗机构网上采购率',
      labelEn: "periodic bulletin of secondary-and-above institutions' rates",
      who: '市医保部门',
      clause: `§2(2); ${SU_2022_38} main text §2(2)`,
      note: 'The document says 定期 (periodically) and gives no date; quarterly follows the provincial notice.',
    },
  ],
  vbp: {},
  source: SEED_002,
} as const satisfies Policy;
