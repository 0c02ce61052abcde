import type { Policy } from '../schema';
import { SEED_002 } from './common';

const FORWARDED_ANNEX_1_2 = '苏医保发〔2022〕38号 annex 1 §2 (forwarded)';
const FORWARDED_ANNEX_1_1_1 = '苏医保发〔2022〕38号 annex 1 §1(1) (forwarded)';

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
  effective: { from: '2022-06-02', clause: 'the copy bears no date; not before the notice it forwards (苏医保发〔2022〕38号, 2022-06-02)' },
  jurisdiction: { province: '江苏省', city: '南通市' },
  scope: {
    ownership: ['public', 'military'],
    levels: ['tertiary', 'secondary'],
    clause: '§1 (含军队驻通医疗机构；二级以上)',
  },
  exclusions: [
    { kind: 'tcm-decoction-pieces', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'formula-granules', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'psychotropic', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'narcotic', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'toxic', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'radiopharmaceutical', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'preventive-biologic', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'family-planning', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'hospital-preparation', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'special-medical-food', clause: FORWARDED_ANNEX_1_2 },
    { kind: 'ivd-reagent', clause: FORWARDED_ANNEX_1_2 },
  ],
  insuranceCode: { requiredFor: ['drug', 'consumable'], clause: FORWARDED_ANNEX_1_2 },
  dataBasis: { basis: 'inbound', clause: '苏医保发〔2022〕38号 annex 1 §3 (forwarded)' },
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
      label: '医疗机构上报上月采购数据',
      labelEn: "institutions report last month's purchases",
      who: '全市二级以上公立医疗机构',
      to: '市医保局',
      clause: '§2(1); 苏医保发〔2022〕38号 main text §2(1)',
      note: '§2(1) refers to 通医保发〔2022〕37号 for the reporting rules; the provincial date is used.',
    },
    {
      id: 'quarterly-bulletin',
      rule: 'quarterly',
      day: null,
      label: '定期通报二级以上公立医疗机构网上采购率',
      labelEn: "periodic bulletin of secondary-and-above institutions' rates",
      who: '市医保部门',
      clause: '§2(2); 苏医保发〔2022〕38号 main text §2(2)',
      note: 'The document says 定期 (periodically) and gives no date; quarterly follows the provincial notice.',
    },
  ],
  vbp: {},
  source: SEED_002,
} as const satisfies Policy;
