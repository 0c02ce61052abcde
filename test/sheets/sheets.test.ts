import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { SHEET_FUNCTIONS } from '../../src/sheets/metadata';

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
/** A date serial as Excel and WPS pass it (days since 1899-12-30). */
const serial = (civil: string) => Date.parse(`${civil}T00:00:00Z`) / 86400000 + 25569;

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

  describe('called as Excel or WPS would (date serials)', () => {
    const x = load();
    it('SUNSHINE_RATE', () => {
      // 850 / 1000 = 0.85; numeric text and thousands separators are read too
      expect(x.SUNSHINE_RATE!(850, 1000)).toBe(0.85);
      expect(x.SUNSHINE_RATE!('1,700', '2,000')).toBe(0.85);
    });
    it('SUNSHINE_REGION_RATE sums ranges and skips blanks (Σ/Σ)', () => {
      // (90 + 500) / (100 + 1000) = 0.536363…
      expect(x.SUNSHINE_REGION_RATE!([[90], [''], [500]], [[100], [null], [1000]])).toBeCloseTo(0.536364, 6);
    });
    it('SUNSHINE_MEETS compares exactly with the policy target', () => {
      expect(x.SUNSHINE_MEETS!(0.85, 'jiangsu-2022', 'drug')).toBe(true);
      expect(x.SUNSHINE_MEETS!(0.849999, 'jiangsu-2022', '药品')).toBe(false);
      expect(x.SUNSHINE_MEETS!(0.8, 'ganzhou-2023', 'consumable-high-value')).toBe(true);
    });
    it('SUNSHINE_SHORTFALL', () => {
      // 0.85 × 1000 − 800 = 50
      expect(x.SUNSHINE_SHORTFALL!(800, 1000, 0.85)).toBe(50);
      expect(x.SUNSHINE_SHORTFALL!(900, 1000, '85%')).toBe(0);
    });
    it('SUNSHINE_TIME_PROGRESS and SUNSHINE_VBP_STATUS', () => {
      // 182 / 366 on 2024-06-30
      expect(x.SUNSHINE_TIME_PROGRESS!(serial('2024-01-01'), serial('2024-12-31'), serial('2024-06-30'))).toBeCloseTo(182 / 366, 12);
      expect(x.SUNSHINE_VBP_STATUS!(366, 182, '2024-01-01', '2024-12-31', '2024-06-30')).toBe('符合序时进度');
      expect(x.SUNSHINE_VBP_STATUS!(1000, 390, '2024/1/1', '2024/12/31', serial('2024-06-30'))).toBe('预警');
    });
    it('SUNSHINE_IS_WORKDAY and SUNSHINE_ADD_WORKDAYS with serials', () => {
      expect(x.SUNSHINE_IS_WORKDAY!(serial('2026-02-14'))).toBe(true);
      expect(x.SUNSHINE_IS_WORKDAY!(serial('2026-02-17'))).toBe(false);
      expect(x.SUNSHINE_ADD_WORKDAYS!(serial('2026-02-14'), 1)).toBe(serial('2026-02-24'));
      expect(x.SUNSHINE_ADD_WORKDAYS!('2026-02-24', -1)).toBe(serial('2026-02-14'));
    });
    it('SUNSHINE_DUE rolls past the Spring Festival', () => {
      expect(x.SUNSHINE_DUE!('jiangsu-2022', 'institution-monthly-report', '2026-01')).toBe(serial('2026-02-24'));
      // any date in January means the January report
      expect(x.SUNSHINE_DUE!('jiangsu-2022', 'institution-monthly-report', serial('2026-01-20'))).toBe(serial('2026-02-24'));
      expect(x.SUNSHINE_DUE!('ganzhou-2023', 'annual-report', '2024')).toBe(serial('2025-01-15'));
    });
    it('gives the figures of the worked sheet in docs/spreadsheets.md', () => {
      // 542.35 / 620.35 = 0.874265…; 348 / 433.5 = 0.802768…; 375 / 450.6 = 0.832224…
      expect(x.SUNSHINE_RATE!(542.35, 620.35)).toBeCloseTo(0.874265, 6);
      expect(x.SUNSHINE_RATE!(348, 433.5)).toBeCloseTo(0.802768, 6);
      expect(x.SUNSHINE_MEETS!(x.SUNSHINE_RATE!(375, 450.6), 'jiangsu-2022', 'drug')).toBe(false);
      // 0.85 × 450.60 − 375.00 = 383.01 − 375.00 = 8.01
      expect(x.SUNSHINE_SHORTFALL!(375, 450.6, 0.85)).toBe(8.01);
    });
    it('throws a bilingual message naming the argument, never a silent 0 or NaN', () => {
      expect(() => x.SUNSHINE_RATE!('abc', 1000)).toThrow(/参数 platform 无效：应为数字或数字文本，实为 "abc" \/ argument platform is invalid/);
      expect(() => x.SUNSHINE_RATE!(0, 0)).toThrow(/院内采购金额为 0/);
      expect(() => x.SUNSHINE_MEETS!(0.9, 'beijing-2030', 'drug')).toThrow(/参数 policyId 无效/);
      expect(() => x.SUNSHINE_MEETS!(0.9, 'hunan-2023', 'drug')).toThrow(/没有数值目标/);
      expect(() => x.SUNSHINE_IS_WORKDAY!(serial('2031-05-06'))).toThrow(/2031 is not covered/);
      expect(() => x.SUNSHINE_ADD_WORKDAYS!('2026-03-02', 1.5)).toThrow(/参数 n 无效：应为整数/);
      expect(() => x.SUNSHINE_DUE!('jiangsu-2022', 'quarterly-bulletin', '2026-Q1')).toThrow(/文件未规定该事项的日期/);
      expect(() => x.SUNSHINE_IS_WORKDAY!(30)).toThrow(/日期序号应在 61/);
    });
  });

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
