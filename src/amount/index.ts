export { AmountSchema } from './schema';
export { readAmount, AMOUNT_EXPECTED, type AmountInput } from './readAmount';
