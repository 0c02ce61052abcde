/**
 * Counting a decimal's significant digits (the 60-digit limit of amounts read from SQL, the 15-digit
 * limit of numbers given as amounts): every count below by hand.
 */
import { describe, expect, it } from 'vitest';
import { readAmount, significantDigits, significantDigitsOfText } from '../../src/amount/readAmount';

describe('significantDigitsOfText', () => {
  it('counts digits without sign, point, exponent, leading or trailing zeros, but with the zeros inside', () => {
    expect(significantDigitsOfText('1234.56')).toBe(6);
    expect(significantDigitsOfText('-0.0012300')).toBe(3); // 123
    expect(significantDigitsOfText('+12300')).toBe(3); // 123
    expect(significantDigitsOfText('1.23E+5')).toBe(3); // the exponent is not a digit of the value
    expect(significantDigitsOfText('4.5e-7')).toBe(2);
    expect(significantDigitsOfText('100.001')).toBe(6); // 100001
    expect(significantDigitsOfText('0.000')).toBe(0);
  });
});

describe('significantDigits', () => {
  it('counts a number’s shortest decimal form', () => {
    expect(significantDigits(1e21)).toBe(1); // '1e+21'
    expect(significantDigits(0.1 + 0.2)).toBe(17); // 0.30000000000000004
    expect(significantDigits(-1234.5)).toBe(5);
    expect(significantDigits(1.5e-7)).toBe(2); // '1.5e-7'
  });
});

describe('readAmount of a number', () => {
  it('takes at most 15 significant digits (MAX_NUMBER_DIGITS), which a double holds faithfully', () => {
    expect(readAmount(123456789012345)?.toFixed()).toBe('123456789012345'); // 15 digits
    expect(readAmount(1234567890.12345)?.toFixed()).toBe('1234567890.12345'); // 15 digits
    expect(readAmount(1234567890123456)).toBeNull(); // 16
  });
});
