/**
 * Product categories and the kinds of product that policies exclude
 * (jiangsu-2022 annex 1 §2).
 */

/**
 * The two product categories every policy measures: drugs (药品) and medical consumables (医用耗材).
 *
 * @category Catalog
 * @see jiangsu-2022 annex 1 §1(1)
 * @example
 * CATEGORIES //=> ['drug', 'consumable']
 */
export const CATEGORIES = ['drug', 'consumable'] as const;
/** A product category: `'drug'` (药品) or `'consumable'` (医用耗材). */
export type Category = (typeof CATEGORIES)[number];

/**
 * Drug kinds that jiangsu-2022 annex 1 §2 leaves out of the rate "for now" (暂不包含).
 *
 * @category Catalog
 * @see jiangsu-2022 annex 1 §2
 * @example
 * DRUG_KINDS.length //=> 10
 */
export const DRUG_KINDS = [
  'tcm-decoction-pieces',
  'formula-granules',
  'psychotropic',
  'narcotic',
  'toxic',
  'radiopharmaceutical',
  'preventive-biologic',
  'family-planning',
  'hospital-preparation',
  'special-medical-food',
] as const;

/**
 * Consumable kinds that a policy may name: in-vitro diagnostic reagents.
 *
 * @category Catalog
 * @see jiangsu-2022 annex 1 §2; hunan-2023 §5, §8
 * @example
 * CONSUMABLE_KINDS //=> ['ivd-reagent']
 */
export const CONSUMABLE_KINDS = ['ivd-reagent'] as const;

/** A drug kind (one of {@link DRUG_KINDS}). */
export type DrugKind = (typeof DRUG_KINDS)[number];
/** A consumable kind (one of {@link CONSUMABLE_KINDS}). */
export type ConsumableKind = (typeof CONSUMABLE_KINDS)[number];
/** Any product kind. */
export type ProductKind = DrugKind | ConsumableKind;

/**
 * Every product kind with its category and its Chinese and English labels.
 *
 * @category Catalog
 * @see jiangsu-2022 annex 1 §2
 * @example
 * PRODUCT_KINDS['ivd-reagent'].label //=> '体外诊断试剂'
 */
export const PRODUCT_KINDS = {
  'tcm-decoction-pieces': { category: 'drug', label: '中药饮片', labelEn: 'TCM decoction pieces' },
  'formula-granules': { category: 'drug', label: '配方颗粒', labelEn: 'formula granules' },
  psychotropic: { category: 'drug', label: '精神药品', labelEn: 'psychotropic drugs' },
  narcotic: { category: 'drug', label: '麻醉药品', labelEn: 'narcotic drugs' },
  toxic: { category: 'drug', label: '医疗用毒性药品', labelEn: 'toxic drugs for medical use' },
  radiopharmaceutical: { category: 'drug', label: '放射性药品', labelEn: 'radiopharmaceuticals' },
  'preventive-biologic': { category: 'drug', label: '预防用生物制品', labelEn: 'preventive biologics (vaccines)' },
  'family-planning': { category: 'drug', label: '计划生育药品', labelEn: 'family-planning drugs' },
  'hospital-preparation': { category: 'drug', label: '医疗机构制剂', labelEn: 'hospital preparations' },
  'special-medical-food': { category: 'drug', label: '特殊医学用途配方食品', labelEn: 'foods for special medical purposes' },
  'ivd-reagent': { category: 'consumable', label: '体外诊断试剂', labelEn: 'in-vitro diagnostic reagents' },
} as const satisfies Record<ProductKind, { category: Category; label: string; labelEn: string }>;

/**
 * Chinese labels of the categories.
 *
 * @category Catalog
 * @example
 * CATEGORY_LABELS.drug.label //=> '药品'
 */
export const CATEGORY_LABELS = {
  drug: { label: '药品', labelEn: 'drugs' },
  consumable: { label: '医用耗材', labelEn: 'medical consumables' },
} as const satisfies Record<Category, { label: string; labelEn: string }>;
