/**
 * How ratesFromSQL reads a result cell: the exact decimal text of each form a driver gives a
 * DECIMAL or integer in (pg and mysql2: strings; DuckDB: its decimal value; bigints, safe
 * integers), and the line counts. Every expected text below is written out by hand.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { decimalText, readSqlAmount, readSqlCount } from '../../src/sql/readValues';

/** `n` digits 1–9 repeated, none of them 0 (so none is leading or trailing). */
const digits = (n: number) => '123456789'.repeat(Math.ceil(n / 9)).slice(0, n);

describe('decimalText', () => {
  it('reads strings, trimmed, in plain or scientific form', () => {
    expect(decimalText('1234.56')).toBe('1234.56');
    expect(decimalText(' 12.50 ')).toBe('12.50'); // a CHAR column's padding
    expect(decimalText('-0.000001')).toBe('-0.000001');
    expect(decimalText('1E+3')).toBe('1E+3');
    expect(decimalText('+.5')).toBe('+.5');
    expect(decimalText('.55')).toBe('.55');
    expect(decimalText('1E3')).toBe('1E3');
    expect(decimalText('-2.5e-3')).toBe('-2.5e-3');
    for (const bad of ['1,000.00', '', ' ', '0x10', '1e1000', 'Infinity', 'NaN', '1.2.3', '--1']) expect(decimalText(bad), bad).toBeNull();
  });

  it('reads safe integers and bigints, never a fractional or unsafe number', () => {
    expect(decimalText(42)).toBe('42');
    expect(decimalText(-7)).toBe('-7');
    expect(decimalText(BigInt('123456789012345678901234567890'))).toBe('123456789012345678901234567890');
    // 999.99 as a double is 999.990000000000009094947017729282379150390625: digits may be lost already
    for (const bad of [999.99, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) expect(decimalText(bad), String(bad)).toBeNull();
  });

  it('reads DuckDB’s decimal value from its scaled integer and scale', () => {
    // value / 10^scale: 85000 / 10^2 = 850.00; -5 / 10^2 = -0.05 (the zeros padded in front)
    expect(decimalText({ width: 18, scale: 2, value: BigInt(85000) })).toBe('850.00');
    expect(decimalText({ width: 18, scale: 2, value: BigInt(-5) })).toBe('-0.05');
    expect(decimalText({ width: 18, scale: 2, value: BigInt(0) })).toBe('0.00'); // no sign on zero
    expect(decimalText({ width: 18, scale: 0, value: BigInt(5) })).toBe('5'); // no point without a scale
    expect(decimalText({ width: 38, scale: 6, value: BigInt(1) })).toBe('0.000001');
    // the largest scale DuckDB allows is 38; up to 76 is read (a wider engine), 77 is not
    expect(decimalText({ scale: 76, value: BigInt(1) })).toBe(`0.${'0'.repeat(75)}1`);
    expect(decimalText({ scale: 77, value: BigInt(1) })).toBeNull();
    // a scale that is negative, fractional or not a number, a value that is not a bigint: not DuckDB's
    for (const bad of [{ scale: -1, value: BigInt(5) }, { scale: 1.5, value: BigInt(5) }, { scale: '2', value: BigInt(5) }, { scale: 2, value: 5 }]) {
      expect(decimalText(bad), JSON.stringify(bad, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).toBeNull();
    }
  });

  it('reads a value by its own text (decimal.js’s Decimal, a driver’s number type), never Object’s "[object Object]"', () => {
    expect(decimalText(new Decimal('50.000'))).toBe('50');
    expect(decimalText(new Decimal('1e-7'))).toBe('1e-7');
    expect(decimalText({ toString: () => '12.50' })).toBe('12.50');
    // a text that cannot be had: a toString that throws, or that gives an object (String then throws a TypeError)
    expect(decimalText({ toString: () => { throw new Error('no text'); } })).toBeNull();
    expect(decimalText({ toString: () => ({}) })).toBeNull();
    for (const bad of [new Decimal(Infinity), new Decimal(NaN), {}, Object.create(null), [], null, undefined, true, Symbol('x')]) expect(decimalText(bad), String(typeof bad)).toBeNull();
  });

  it('reads at most 200 characters', () => {
    // 0. then 197 zeros then 1: 200 characters, one significant digit; one more zero: 201
    expect(decimalText(`0.${'0'.repeat(197)}1`)).toBe(`0.${'0'.repeat(197)}1`);
    expect(decimalText(`0.${'0'.repeat(198)}1`)).toBeNull();
  });

  it('reads at most 76 significant digits (a sum: 46 before the point, 30 after), counted without sign, point, exponent, leading and trailing zeros', () => {
    expect(decimalText(digits(76))).toBe(digits(76));
    expect(decimalText(digits(77))).toBeNull();
    // 46 + 30 digits with a sign and a point: 76
    const signed = `-${digits(46)}.${digits(30)}`;
    expect(decimalText(signed)).toBe(signed);
    expect(decimalText(`-${digits(46)}.${digits(31)}`)).toBeNull();
    // an exponent is not a digit of the value: 76 digits then E+100
    expect(decimalText(`${digits(76)}E+100`)).toBe(`${digits(76)}E+100`);
    // leading zeros (0.0000000000 then 76 digits) and trailing zeros (76 digits then 20 zeros) are not significant
    expect(decimalText(`0.${'0'.repeat(10)}${digits(76)}`)).toBe(`0.${'0'.repeat(10)}${digits(76)}`);
    expect(decimalText(`${digits(76)}${'0'.repeat(20)}`)).toBe(`${digits(76)}${'0'.repeat(20)}`);
    expect(decimalText(`${digits(76)}${'0'.repeat(20)}1`)).toBeNull(); // 97 significant
    // zeros inside a number are significant: 1, 00, then 75 digits is 78 digits
    expect(decimalText(`1${'00'}${digits(75)}`)).toBeNull();
    expect(decimalText(`0.001${'00'}${digits(73)}`)).toBe(`0.001${'00'}${digits(73)}`); // 1 + 2 + 73 = 76
  });
});

describe('readSqlAmount', () => {
  it('gives the exact sum of the text, or null', () => {
    expect(readSqlAmount('1062.50')?.toDecimal().toFixed()).toBe('1062.5');
    expect(readSqlAmount('12345678901234567890123.456789')?.toDecimal().toFixed()).toBe('12345678901234567890123.456789');
    expect(readSqlAmount(999.99)).toBeNull();
  });

  it('reads a sum up to the engine\'s limit: below 10^46, at most 30 decimals (issue 26)', () => {
    // 46 nines and 30 nines after the point: the largest sum; 47 digits before the point, or 31 after, are beyond it
    const largest = `${'9'.repeat(46)}.${'9'.repeat(30)}`;
    expect(readSqlAmount(largest)?.toDecimal().toFixed()).toBe(largest);
    expect(readSqlAmount(`-${largest}`)?.toDecimal().toFixed()).toBe(`-${largest}`);
    expect(readSqlAmount(`1${'0'.repeat(46)}`)).toBeNull();
    expect(readSqlAmount(`0.${'0'.repeat(30)}1`)).toBeNull();
    // a scientific text within the limit is read exactly
    expect(readSqlAmount('1E+45')?.toDecimal().toFixed()).toBe(`1${'0'.repeat(45)}`);
    expect(readSqlAmount('1E+46')).toBeNull();
  });
});

describe('readSqlCount', () => {
  it('reads a non-negative safe integer as a number, a bigint or a string of digits', () => {
    expect(readSqlCount(3)).toBe(3);
    expect(readSqlCount(BigInt(3))).toBe(3);
    expect(readSqlCount('3')).toBe(3);
    expect(readSqlCount('+3')).toBe(3);
    // PostgreSQL's SUM of integers is a NUMERIC: '3' or, after arithmetic, '3.00'
    expect(readSqlCount('3.00')).toBe(3);
    expect(readSqlCount({ width: 38, scale: 0, value: BigInt(12) })).toBe(12);
    expect(readSqlCount(String(2 ** 53 - 1))).toBe(2 ** 53 - 1);
  });

  it('refuses a negative, fractional, scientific or unsafe count, and what is not a number', () => {
    // 1E+3 is a thousand, but no driver writes a count that way: a text that does is not a count
    for (const bad of [-1, '-1', '3.5', '6.50', '1E+3', String(2 ** 53), 2 ** 53, 1.5, null, undefined, 'three', {}]) expect(readSqlCount(bad), String(bad)).toBeNull();
  });
});
