import type { Policy } from '../schema';
import { YUSHE_2020_PLAN } from '../documents';
import { INBOUND_AS_JIANGSU, MILITARY_AS_PUBLIC, NO_CODE_REQUIREMENT } from './common';

/**
 * 榆社县推进药品耗材集中带量采购和使用工作实施方案 (Yushe county, 2020-03-31): VBP volume
 * at least 50%–70% of yearly usage, at least 30% prepaid, a one-year cycle.
 *
 * @category Policies
 * @see seeds/003
 * @example
 * YUSHE_2020.vbp.minimumPrepaymentShare.value //=> '0.3'
 */
export const YUSHE_2020 = {
  id: 'yushe-2020',
  title: YUSHE_2020_PLAN,
  titleEn: 'Yushe county plan for volume-based procurement and use of drugs and consumables',
  document: YUSHE_2020_PLAN,
  issuer: ['榆社县人民政府办公室'],
  year: 2020,
  issuedOn: '2020-03-31',
  effective: { from: '2020-03-31', clause: 'date of issue (no end named)' },
  jurisdiction: { province: '山西省', city: '晋中市', county: '榆社县' },
  scope: {
    ownership: ['public', 'military'],
    levels: ['tertiary', 'secondary', 'primary', 'unrated'],
    clause: '§2(1) (全县所有公立医疗机构)',
    note: MILITARY_AS_PUBLIC,
  },
  exclusions: [],
  insuranceCode: { requiredFor: [], clause: NO_CODE_REQUIREMENT },
  dataBasis: { basis: 'inbound', clause: INBOUND_AS_JIANGSU },
  measures: [
    { id: 'drug', clause: '§3(1) (山西省药械集中采购平台)' },
    { id: 'consumable', clause: '§3(1)' },
  ],
  targets: [],
  goals: [],
  deadlines: [],
  vbp: {
    volumeShare: { min: '0.5', max: '0.7', clause: '§3(1) (不低于…年度使用量的50%—70%)' },
    minimumPrepaymentShare: { value: '0.3', clause: '§3(2) (不低于采购金额的30%)' },
    cycleYears: { value: 1, clause: '§2(3), §3(3)' },
  },
  source: 'the published text of the document (seed copy 003)',
} as const satisfies Policy;
