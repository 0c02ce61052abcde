import type { Policy } from '../schema';
import { GAN_2023_28 } from '../documents';
import { INBOUND_AS_JIANGSU, MILITARY_AS_PUBLIC, NO_CODE_REQUIREMENT } from './common';


/** 市医疗保障局各分局: the bureau's branches, who answer for several deadlines. */
const BRANCHES = '市医疗保障局各分局';
/**
 * 赣市医保字〔2023〕28号 关于进一步加强药品和医用耗材集中带量采购监管的通知 (Ganzhou, 2023):
 * drugs ≥ 90% and high-value consumables ≥ 80% for institutions and for each bureau branch;
 * VBP demand review, monitoring and deadlines.
 *
 * @category Policies
 * @see seeds/004
 * @example
 * GANZHOU_2023.targets.map((t) => `${t.measure} ${t.minimum}`) //=> ['drug 0.9', 'consumable-high-value 0.8']
 */
export const GANZHOU_2023 = {
  id: 'ganzhou-2023',
  title: '关于进一步加强药品和医用耗材集中带量采购监管的通知',
  titleEn: 'Notice on further strengthening the supervision of volume-based procurement of drugs and medical consumables',
  document: GAN_2023_28,
  issuer: ['赣州市医疗保障局', '赣州市财政局', '赣州市卫生健康委员会'],
  year: 2023,
  effective: { from: '2023-01-01', clause: 'the copy bears no date: the year of the document number' },
  jurisdiction: { province: '江西省', city: '赣州市' },
  scope: {
    ownership: ['public', 'military'],
    levels: ['tertiary', 'secondary', 'primary', 'unrated'],
    clause: 'annex 1 (各级公立医疗机构); §2(4) (全市各级公立医疗机构)',
    note: MILITARY_AS_PUBLIC,
  },
  exclusions: [],
  insuranceCode: { requiredFor: [], clause: NO_CODE_REQUIREMENT },
  dataBasis: { basis: 'inbound', clause: INBOUND_AS_JIANGSU },
  measures: [
    { id: 'drug', clause: 'annex 1 (药品网采率)' },
    { id: 'consumable', clause: '§2(4) (全品种、全数量)' },
    { id: 'consumable-high-value', clause: 'annex 1 (高值医用耗材网采率)' },
  ],
  targets: [
    { measure: 'drug', appliesTo: ['institution', 'region'], minimum: '0.9', clause: 'annex 1 (药品网采率≥90%)' },
    { measure: 'consumable-high-value', appliesTo: ['institution', 'region'], minimum: '0.8', clause: 'annex 1 (高值医用耗材网采率≥80%)' },
  ],
  goals: [
    { text: '所有药品和医用耗材原则上全部在省医药采购服务平台采购', textEn: 'in principle every drug and consumable is bought on the provincial platform', clause: 'annex 1; §2(4)' },
  ],
  deadlines: [
    { id: 'negotiated-purchase-filing', rule: 'workdays-after-event', workdays: 7, label: '议价采购备案', labelEn: 'file a negotiated off-platform purchase', who: '医疗机构', to: '市医疗保障局基金管理中心', clause: '§2(4)' },
    { id: 'order-unanswered-report', rule: 'hours-after-event', hours: 48, label: '订单超过48小时未响应，书面报备', labelEn: 'report an order unanswered for 48 hours', who: '医疗机构', to: '同级医疗保障部门', clause: '§2(6)' },
    { id: 'delayed-response-list', rule: 'workdays-after-event', workdays: 1, label: '汇总形成延迟响应清单', labelEn: 'compile the delayed-response list', who: '医疗保障部门', clause: '§2(6)' },
    { id: 'distributor-escalation', rule: 'hours-after-event', hours: 24, label: '再次超过24小时仍未响应，报告市医疗保障局', labelEn: 'escalate a distributor still silent 24 hours later', who: BRANCHES, clause: '§2(6)' },
    { id: 'selected-product-check', rule: 'month-after-effect', month: 3, label: '中选产品进院及使用情况排查', labelEn: 'check of selected products in hospitals', who: BRANCHES, clause: '§2(2) (从中选结果落地执行第3个月起)' },
    { id: 'annual-report', rule: 'yearly', month: 1, day: 15, yearsAfter: 1, label: '报送年度加强集采监管工作情况报告', labelEn: 'yearly report on VBP supervision', who: BRANCHES, to: '市医疗保障局', clause: '§3(2)' },
  ],
  vbp: {
    demandReview: { floor: 'last-year-actual', explainBelowShare: '0.8', clause: '§2(1)' },
    monitoringStartMonth: { value: 3, clause: '§2(2)' },
    warningRatio: { value: '0.8', clause: 'practice of provincial monitoring (not in the document)' },
  },
  source: 'the published text of the document (seed copy 004)',
} as const satisfies Policy;
