import type { Policy } from '../schema';
import { INBOUND_AS_JIANGSU } from './common';

/**
 * 湘医保发〔2023〕43号 关于深入推进医用耗材阳光挂网集中采购的实施意见 (Hunan, 2023-12-13;
 * in force from 2023-11-01 for 5 years). IVD reagents are in scope; consumables need a
 * healthcare-security code; no numeric target.
 *
 * @category Policies
 * @see seeds/001
 * @example
 * HUNAN_2023.exclusions.length //=> 0
 */
export const HUNAN_2023 = {
  id: 'hunan-2023',
  title: '关于深入推进医用耗材阳光挂网集中采购的实施意见',
  titleEn: 'Implementing opinions on sunshine listing and centralised procurement of medical consumables',
  document: '湘医保发〔2023〕43号',
  issuer: ['湖南省医疗保障局', '湖南省卫生健康委员会', '湖南省市场监督管理局', '湖南省药品监督管理局', '湖南省公共资源交易中心'],
  year: 2023,
  issuedOn: '2023-12-13',
  effective: { from: '2023-11-01', to: '2028-10-31', clause: 'closing paragraph (自2023年11月1日起施行，有效期5年)' },
  jurisdiction: { province: '湖南省' },
  scope: {
    ownership: ['public', 'military'],
    levels: ['tertiary', 'secondary', 'primary', 'unrated'],
    clause: '§5 (公立医疗机构（含军队医疗机构）)',
    note: '§5 covers consumables charged separately to patients (面向患者单独收费); lines carry no such flag, so the caller filters them.',
  },
  exclusions: [],
  insuranceCode: { requiredFor: ['consumable'], clause: '§4 (应获得国家医保医用耗材分类及代码), §8' },
  dataBasis: { basis: 'inbound', clause: INBOUND_AS_JIANGSU },
  measures: [
    { id: 'drug', clause: '§12 (坚持网上采购)', note: 'The document is about consumables; the drug rate is measured for completeness and has no target.' },
    { id: 'consumable', clause: '§5, §8 (含体外诊断试剂)' },
  ],
  targets: [],
  goals: [
    { text: '坚持网上采购，杜绝网外采购', textEn: 'buy online; no purchases off the platform', clause: '§12' },
  ],
  deadlines: [
    { id: 'single-platform', rule: 'fixed', date: '2023-12-31', label: '全省医用耗材挂网平台向招采管理系统集中统一', labelEn: 'one listing platform for the whole province', clause: '§3' },
    { id: 'in-force', rule: 'fixed', date: '2023-11-01', label: '本意见施行（有效期5年）', labelEn: 'the opinions take effect (valid 5 years)', clause: 'closing paragraph' },
    { id: 'validity-end', rule: 'fixed', date: '2028-10-31', label: '本意见有效期届满', labelEn: 'the opinions expire (5 years from 2023-11-01)', clause: 'closing paragraph' },
  ],
  vbp: {},
  source: 'the published text of the document (seed copy 001)',
} as const satisfies Policy;
