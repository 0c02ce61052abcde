import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { SHEET_FUNCTIONS } from '../../src/sheets/metadata';
import { excelCases } from './cases';

const SCRIPT = new URL('../../dist/sheets/apps-script.js', import.meta.url);
const META = new URL('../../dist/sheets/excel/functions.json', import.meta.url);
if (!existsSync(SCRIPT)) throw new Error('dist/sheets is not built: run `npm run build:sheets` (npm test does it first)');
const source = readFileSync(SCRIPT, 'utf8');

type Fn = (...args: unknown[]) => unknown;

/** A bare context, as Apps Script or a WPS macro module gives: no require, process or module. */
function load(globals: Record<string, unknown> = {}): Record<string, Fn> {
  const context = vm.createContext({ ...globals });
  vm.runInContext(source, context, { filename: 'apps-script.js' });
  return context as Record<string, Fn>;
}

/** A date cell as Google Sheets passes it from a sheet in Asia/Shanghai: midnight at +08:00. */
const cell = (civil: string) => new Date(`${civil}T00:00:00+08:00`);

describe('dist/sheets/apps-script.js', () => {
  it('is one ES2017 script without module syntax or Node APIs', () => {
    expect(() => parse(source, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
    expect(source).not.toMatch(/\brequire\(|\bprocess\.|\bmodule\.exports|^\s*(import|export)\s/m);
    const ctx = load();
    expect(typeof ctx.require).toBe('undefined');
  });

  it('declares every custom function at top level with its JSDoc', () => {
    const ctx = load();
    for (const f of SHEET_FUNCTIONS) {
      expect(typeof ctx[f.name], f.name).toBe('function');
      expect(source).toContain(`@customfunction\n * @param`);
      expect(source).toMatch(new RegExp(`\\*/\\nfunction ${f.name}\\(`));
    }
  });

  describe('called as Excel or WPS would (date serials)', () => excelCases(load()));

  describe('called as Google Sheets would (Date cells and results)', () => {
    const g = load({ SpreadsheetApp: {} });
    it('reads a Date cell as the civil date at +08:00 and answers with a Date at midnight +08:00', () => {
      expect(g.SUNSHINE_IS_WORKDAY!(cell('2026-02-14'))).toBe(true);
      const due = g.SUNSHINE_ADD_WORKDAYS!(cell('2026-02-14'), 1) as Date;
      expect(Object.prototype.toString.call(due)).toBe('[object Date]');
      expect(due.getTime()).toBe(Date.parse('2026-02-24T00:00:00+08:00'));
    });
    it('does not depend on the host time zone', () => {
      // the same instant, whatever TZ the test runs under (CI runs it under three)
      expect(g.SUNSHINE_TIME_PROGRESS!(cell('2024-01-01'), cell('2024-12-31'), cell('2024-06-30'))).toBeCloseTo(182 / 366, 12);
      expect(g.SUNSHINE_IS_WORKDAY!(cell('2026-10-08'))).toBe(true);
    });
  });
});

describe('dist/sheets/excel/functions.json', () => {
  it('lists the same functions and parameters as the JSDoc', () => {
    const meta = JSON.parse(readFileSync(META, 'utf8')) as { functions: Array<{ id: string; name: string; parameters: Array<{ name: string; dimensionality?: string }> }> };
    expect(meta.functions.map((f) => f.id)).toEqual(SHEET_FUNCTIONS.map((f) => f.name));
    for (const f of SHEET_FUNCTIONS) {
      const m = meta.functions.find((x) => x.id === f.name)!;
      expect(m.parameters.map((p) => p.name)).toEqual(f.params.map((p) => p.name));
      for (const p of f.params) {
        if (p.type.endsWith('[][]')) expect(m.parameters.find((x) => x.name === p.name)?.dimensionality).toBe('matrix');
      }
    }
  });
  it('registers every function with CustomFunctions.associate', () => {
    const calls: string[] = [];
    const context = vm.createContext({ CustomFunctions: { associate: (id: string) => calls.push(id) } });
    vm.runInContext(readFileSync(new URL('../../dist/sheets/excel/functions.js', import.meta.url), 'utf8'), context);
    expect(calls).toEqual(SHEET_FUNCTIONS.map((f) => f.name));
  });
});
