import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { keepValue, showValue } from '../src/errors';
import { SunshineInputError } from '../src/index';

describe('how a refusal shows the value it refused', () => {
  it('quotes strings, and cuts one of over 120 characters to 80 with its length', () => {
    expect(showValue('abc')).toBe('"abc"');
    expect(showValue('x'.repeat(120))).toBe(`"${'x'.repeat(120)}"`);
    // 121 characters: the first 80, an ellipsis, the length
    expect(showValue('x'.repeat(121))).toBe(`"${'x'.repeat(80)}… (121 characters)"`);
    expect(keepValue('y'.repeat(121))).toBe(`${'y'.repeat(80)}… (121 characters)`);
    expect(keepValue('y'.repeat(120))).toBe('y'.repeat(120));
    expect(keepValue(7)).toBe(7);
  });

  it('writes numbers, bigints, booleans, null and undefined as they are', () => {
    expect([showValue(1.5), showValue(10n), showValue(false), showValue(null), showValue(undefined), showValue(Number.NaN)]).toEqual(['1.5', '10', 'false', 'null', 'undefined', 'NaN']);
  });

  it('writes a Decimal as its digits, other objects as JSON cut to 80 characters, and what JSON cannot write by its type', () => {
    expect(showValue(new Decimal('12.50'))).toBe('12.5');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    const long = { text: 'z'.repeat(100) };
    expect(showValue(long)).toBe(`${JSON.stringify(long).slice(0, 80)}…`);
    // 80 characters exactly are not cut
    const eighty = { t: 'z'.repeat(80 - 8) };
    expect(JSON.stringify(eighty).length).toBe(80);
    expect(showValue(eighty)).toBe(JSON.stringify(eighty));
    expect(showValue(() => 1)).toBe('function');
    expect(showValue(Symbol('s'))).toBe('symbol');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(showValue(circular)).toBe('[object Object]');
    // a Decimal-like whose toString throws falls back to JSON
    const broken = { toFixed: () => '1', toString: () => { throw new Error('no'); } };
    expect(showValue(broken)).toBe('{}');
  });

  it('words every issue as "path expected …, got …", the whole input as "input"', () => {
    const e = new SunshineInputError('f', [
      { code: 'invalid-value', path: 'a.b', value: 'x', expected: 'a number' },
      { code: 'missing', path: '', value: undefined, expected: 'an object' },
    ]);
    expect(e.message).toBe('f: a.b expected a number, got "x"; input expected an object, got undefined');
    expect(e.name).toBe('SunshineInputError');
    expect(e.fn).toBe('f');
  });
});
