/**
 * Document numbers (文号) and names cited in several places, written once (each repeated literal
 * cost every bundle its bytes, Chinese ones six a character).
 * @internal
 */
export const SU_2022_38 = '苏医保发〔2022〕38号';
/** @internal */
export const GAN_2023_28 = '赣市医保字〔2023〕28号';
/** @internal */
export const YUSHE_2020_PLAN = '榆社县推进药品耗材集中带量采购和使用工作实施方案';
