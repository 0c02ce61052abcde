export {
  CATEGORIES,
  CATEGORY_LABELS,
  CONSUMABLE_KINDS,
  DRUG_KINDS,
  PRODUCT_KINDS,
  type Category,
  type ConsumableKind,
  type DrugKind,
  type ProductKind,
} from './kinds';
export { CategorySchema, ProductKindSchema } from './schema';
