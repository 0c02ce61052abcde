import * as z from 'zod/mini';
import { CATEGORIES, CONSUMABLE_KINDS, DRUG_KINDS } from './kinds';
import { pure } from '../_lib/pure';

/**
 * A product category.
 *
 * @category Catalog
 * @example
 * CategorySchema.parse('drug') //=> 'drug'
 */
export const CategorySchema = /* @__PURE__ */ pure(() => z.enum(CATEGORIES));

/**
 * A product kind that a policy may exclude.
 *
 * @category Catalog
 * @example
 * ProductKindSchema.parse('narcotic') //=> 'narcotic'
 */
export const ProductKindSchema = /* @__PURE__ */ pure(() => z.enum([...DRUG_KINDS, ...CONSUMABLE_KINDS]));
