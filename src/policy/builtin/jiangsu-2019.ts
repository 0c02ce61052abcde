import type { Policy } from '../schema';
import { SU_2022_38 } from '../documents';
import { NO_CODE_REQUIREMENT } from './common';


const ALL_CATEGORIES_CLAUSE = '§3 (药品、普通医用耗材采购要参照高值医用耗材阳光采购要求)';
/**
 * 苏医保发〔2019〕77号 关于推进全省高值医用耗材阳光采购有关工作的通知 (Jiangsu, 2019-09-27):
 * platform purchasing from 2019-10-01, data interfaces and settlement milestones; no numeric target.
 *
 * @category Policies
 * @see seeds/000
 * @example
 * JIANGSU_2019.deadlines[0].date //=> '2019-10-01'
 */
export const JIANGSU_2019 = {
  id: 'jiangsu-2019',
  title: '关于推进全省高值医用耗材阳光采购有关工作的通知',
  titleEn: 'Notice on advancing sunshine procurement of high-value medical consumables in Jiangsu',
  document: '苏医保发〔2019〕77号',
  issuer: ['中共江苏省纪委办公厅', '江苏省监委办公厅', '江苏省医疗保障局', '江苏省卫生健康委员会'],
  year: 2019,
  issuedOn: '2019-09-27',
  effective: { from: '2019-09-27', clause: 'date of issue (the notice names no end)' },
  jurisdiction: { province: '江苏省' },
  scope: {
    ownership: ['public', 'military'],
    levels: ['tertiary', 'secondary', 'primary', 'unrated'],
    clause: '§2(1) (全省公立医疗机构)',
    note: 'The document says 公立医疗机构 without naming military ones; they are counted as public as in the other policies. Define a policy without "military" to leave them out.',
  },
  exclusions: [],
  insuranceCode: { requiredFor: [], clause: NO_CODE_REQUIREMENT },
  dataBasis: { basis: 'inbound', clause: `§2(2) (采购和使用数据); inbound basis as in ${SU_2022_38} annex 1 §3` },
  measures: [
    { id: 'drug', clause: ALL_CATEGORIES_CLAUSE },
    { id: 'consumable', clause: ALL_CATEGORIES_CLAUSE },
    { id: 'consumable-high-value', clause: '§1, §2(1)' },
  ],
  targets: [],
  goals: [
    { text: '确保应上尽上、应采尽采', textEn: 'everything that should be on the platform is bought there', clause: '§2(1)' },
  ],
  deadlines: [
    { id: 'platform-purchasing', rule: 'fixed', date: '2019-10-01', label: '全省公立医疗机构在省平台开展阳光采购', labelEn: 'public institutions buy on the provincial platform', clause: '§2(1)' },
    { id: 'tertiary-data-interface', rule: 'fixed', date: '2019-12-31', label: '三级公立医疗机构完成采购使用数据对接', labelEn: 'tertiary institutions connect their purchase data', clause: '§2(2)' },
    { id: 'secondary-data-interface', rule: 'fixed', date: '2020-06-30', label: '二级公立医疗机构完成数据对接', labelEn: 'secondary institutions connect their purchase data', clause: '§2(2)' },
    { id: 'platform-settlement', rule: 'fixed', date: '2020-01-01', label: '采购费用全部通过省平台结算', labelEn: 'all purchases are settled through the platform', clause: '§2(3)' },
  ],
  vbp: {},
  source: 'the published text of the document (seed copy 000)',
} as const satisfies Policy;
