import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/index';
import { refusal } from '../_helpers/refusal';

describe('toCsv', () => {
  it('matches the JSDoc example', () => {
    expect(toCsv([['name', 'amount'], ['=1+1', '-36500.00']], { bom: false })).toBe("name,amount\r\n'=1+1,-36500.00\r\n");
  });

  it('neutralises a text that would start a formula with a leading \' (OWASP), and leaves numbers numbers (issue 26)', () => {
    const row = ['=HYPERLINK("x")', '+86 10', '-x', '@SUM(1)', '\t=1', '\r=1', '-36500.00', '+12.5', '1e3', '-.5', 'a=b', ' =1'];
    // quoted where a cell holds a quote or a line break; numbers (signed, exponent, a bare point) as they are
    expect(toCsv([row], { bom: false })).toBe(`"'=HYPERLINK(""x"")",'+86 10,'-x,'@SUM(1),'\t=1,"'\r=1",-36500.00,+12.5,1e3,-.5,a=b, =1\r\n`);
  });

  it('writes a BOM and CRLF by default, Decimals exactly, null and undefined empty, commas quoted', () => {
    expect(toCsv([['a', null, undefined, new Decimal('0.1000'), 'x,y', 7]])).toBe('\uFEFFa,,,0.1,"x,y",7\r\n');
    expect(toCsv([])).toBe('\uFEFF');
  });

  it('refuses what is not rows of cells', () => {
    expect(refusal(() => toCsv('a,b' as never))).toBe('toCsv: rows expected an array of rows, each an array of cells, got "a,b"');
    expect(refusal(() => toCsv([['a'], 'b'] as never))).toBe('toCsv: rows[1] expected a row: an array of cells, got "b"');
    expect(refusal(() => toCsv([], { bom: true, utf8: true } as never))).toBe('toCsv: options.utf8 is not an option (expected one of "bom")');
  });
});
