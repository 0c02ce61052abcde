import { z } from 'zod';
import { CATEGORIES, CONSUMABLE_KINDS, DRUG_KINDS } from './kinds';

/**
 * A product category.
 *
 * @category Catalog
 * @example
 * CategorySchema.parse('drug') //=> 'drug'
 */
export const CategorySchema = z.enum(CATEGORIES);

/**
 * A product kind that a policy may exclude.
 *
 * @category Catalog
 * @example
 * ProductKindSchema.parse('narcotic') //=> 'narcotic'
 */
export const ProductKindSchema = z.enum([...DRUG_KINDS, ...CONSUMABLE_KINDS]);
