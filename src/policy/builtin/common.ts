import { SU_2022_38 } from '../documents';
/** Phrases that several built-in policies share, written once (each repeated literal cost every bundle its bytes). @internal */
export const MILITARY_AS_PUBLIC = 'The document says 公立医疗机构 without naming military ones; they are counted as public as in the other policies.';
/** @internal */
export const NO_CODE_REQUIREMENT = 'the document names no code requirement';
/** @internal */
export const INBOUND_AS_JIANGSU = `not stated; inbound basis as in ${SU_2022_38} annex 1 §3`;
/** @internal */
export const SEED_002 = 'the published text of the document (seed copy 002)';
