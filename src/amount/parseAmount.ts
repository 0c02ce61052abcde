import { strictKeys } from '../_lib/options';
import type { Decimal } from 'decimal.js';
import { D } from '../_lib/decimal';
import { SunshineInputError, inputError } from '../errors';
import { AMOUNT_EXPECTED, readAmount } from './readAmount';
import { pure } from '../_lib/pure';

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions {
  /**
   * Accept what spreadsheets and hospital exports write: blanks around the number, full-width
   * digits and signs (１２３．４５), thousands separators in groups of three (1,234.56), a currency
   * sign (¥, ￥, RMB, CNY) or a 元 suffix, an accounting negative in parentheses ((1,234.00)), and a
   * 万元 or 万 suffix (× 10,000). Off by default: the strict form is a plain decimal.
   */
  readonly lenient?: boolean | undefined;
  /** The column's unit when the text has no suffix: `'yuan'` (default) or `'wan-yuan'` (万元, × 10,000). */
  readonly unit?: 'yuan' | 'wan-yuan' | undefined;
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
  '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9',
  '．': '.', '，': ',', '－': '-', '−': '-', '＋': '+', '（': '(', '）': ')', '　': ' ', '￥': '¥',
};
const GROUPED = /^[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/;
const TEN_THOUSAND = /* @__PURE__ */ pure(() => new D(10000));

function fail(text: unknown, expected: string): SunshineInputError {
  return inputError('parseAmount', 'text', text, expected, 'invalid-amount');
}

/**
 * Reads an amount in 元 exactly. Strict by default (a plain decimal such as `'1234.56'`);
 * with `{ lenient: true }` it also reads the forms hospital exports use, and refuses what stays
 * ambiguous (`'12,3'`: a comma that does not separate groups of three digits).
 *
 * @category Amounts
 * @param text - the amount as written (numbers and Decimals are read as in the rest of the library)
 * @param options - `{ lenient = false, unit = 'yuan' }`
 * @returns the amount in 元, a `Decimal`
 * @throws {SunshineInputError} naming the text and what was expected
 * @example
 * parseAmount('１,２３４.５万元', { lenient: true }).toFixed() //=> '12345000'
 */
export function parseAmount(text: string | number | Decimal, options: ParseAmountOptions = {}): Decimal {
  strictKeys(options, ['lenient', 'unit'], 'parseAmount');
  const unit = options.unit ?? 'yuan';
  if (unit !== 'yuan' && unit !== 'wan-yuan') {
    throw inputError('parseAmount', 'options.unit', unit, 'one of "yuan", "wan-yuan"');
  }
  let wan = unit === 'wan-yuan';
  let value: Decimal | null;
  if (options.lenient === true && typeof text === 'string') {
    if (text.length > 200) throw fail(text, 'an amount of at most 200 characters');
    let s = '';
    for (const ch of text) s += FULL_WIDTH[ch] ?? ch;
    s = s.trim();
    let negative = false;
    if (s.startsWith('(') && s.endsWith(')')) {
      negative = true;
      s = s.slice(1, -1).trim();
    }
    if (s.endsWith('万元')) {
      wan = true;
      s = s.slice(0, -2);
    } else if (s.endsWith('万')) {
      wan = true;
      s = s.slice(0, -1);
    } else if (s.endsWith('元')) {
      s = s.slice(0, -1);
    }
    s = s.trim().replace(/^(?:¥|RMB|CNY)\s*/i, '').replace(/^([+-])\s*(?:¥|RMB|CNY)\s*/i, '$1').trim();
    if (/[, ]/.test(s)) {
      if (!GROUPED.test(s)) throw fail(text, 'thousands separators between groups of three digits, such as "1,234.56" ("12,3" is ambiguous)');
      s = s.replace(/[, ]/g, '');
    }
    value = readAmount(s);
    if (value !== null && negative) value = value.negated();
    if (value === null) throw fail(text, `${AMOUNT_EXPECTED}, possibly with full-width digits, thousands separators, ¥ or 元, or a 万元 unit`);
  } else {
    value = readAmount(text);
    if (value === null) throw fail(text, options.lenient === true ? AMOUNT_EXPECTED : `${AMOUNT_EXPECTED} (or pass { lenient: true } for exported forms such as "1,234.56" or "12.5万元")`);
  }
  return wan ? value.times(TEN_THOUSAND) : value;
}
