import type { Category } from '../catalog/kinds';

/**
 * The measures a policy can ask for: drugs (药品), consumables (医用耗材) and,
 * where a policy names them, high-value consumables (高值医用耗材, a subset of
 * consumables: lines with `highValue: true`).
 *
 * @category Policies
 * @see jiangsu-2022 annex 1 §1(1); ganzhou-2023 annex 1
 * @example
 * MEASURE_IDS //=> ['drug', 'consumable', 'consumable-high-value']
 */
export const MEASURE_IDS = ['drug', 'consumable', 'consumable-high-value'] as const;
/** A measure id. */
export type MeasureId = (typeof MEASURE_IDS)[number];

/** What a measure counts: its category, whether only high-value lines, and its labels. */
export interface MeasureDefinition {
  readonly category: Category;
  readonly highValueOnly: boolean;
  readonly label: string;
  readonly labelEn: string;
}

/**
 * The definition of each measure.
 *
 * @category Policies
 * @example
 * MEASURES['consumable-high-value'].label //=> '高值医用耗材'
 */
export const MEASURES = {
  drug: { category: 'drug', highValueOnly: false, label: '药品', labelEn: 'drugs' },
  consumable: { category: 'consumable', highValueOnly: false, label: '医用耗材', labelEn: 'medical consumables' },
  'consumable-high-value': {
    category: 'consumable',
    highValueOnly: true,
    label: '高值医用耗材',
    labelEn: 'high-value medical consumables',
  },
} as const satisfies Record<MeasureId, MeasureDefinition>;
