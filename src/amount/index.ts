export { AmountSchema } from './schema';
export { parseAmount, type ParseAmountOptions } from './parseAmount';
export { readAmount, AMOUNT_EXPECTED, type AmountInput } from './readAmount';
