import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SHIPPED_LINE } from '../scripts/line-limit';

/**
 * The package as npm would publish it (issue 25): what `npm pack` lists, the files' lines, the
 * exports, the links of its documents, and the built files at work in Node (one error class across
 * the ESM and CJS builds, an uncaught error that prints a line and not the bundle). Needs the
 * build: `npm test` runs `npm run build` first.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
let files: string[] = [];

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'calculator.html'))) throw new Error('dist/ is not built: run npm run build (npm test does it first)');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
}, 60_000);

/** Runs a script in a scratch directory inside the package (so that its own name resolves through `exports`). */
function run(name: string, text: string): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(root, 'tmp-package-test-'));
  try {
    writeFileSync(join(dir, name), text);
    const r = spawnSync(process.execPath, [join(dir, name)], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the packed file list (npm pack --dry-run --json)', () => {
  it('has the licence, the notices, the builds, the spreadsheet scripts with the Excel manifest, the page and the guides', () => {
    for (const f of [
      'LICENSE',
      'THIRD_PARTY_NOTICES.md',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
      'dist/esm/index.js',
      'dist/sheets/apps-script.js',
      'dist/sheets/excel/functions.js',
      'dist/sheets/excel/functions.json',
      'dist/sheets/excel/functions.html',
      'dist/sheets/excel/manifest.xml',
      'dist/calculator.html',
      'dist/cli/sunshine-procurement.js',
      'dist/cli/example/采购明细.csv',
      'dist/cli/example/机构名单.csv',
      'docs/concepts.md',
      'docs/spreadsheets.md',
      'docs/calculator.md',
      'docs/api/README.md',
    ]) {
      expect(files, f).toContain(f);
    }
  });

  it('has no source maps, sources, tests, examples or scratch files', () => {
    expect(files.filter((f) => f.endsWith('.map') || /^(src|test|examples|scripts|bench|tmp)\//.test(f) || f.startsWith('tmp-'))).toEqual([]);
  });

  it('names in THIRD_PARTY_NOTICES.md every work bundled into a shipped file, with its licence text', () => {
    const notices = readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8');
    for (const work of ['zod', 'decimal.js', 'papaparse', 'read-excel-file', 'fflate', 'commander', 'holiday-cn']) expect(notices).toMatch(new RegExp(`^## ${work.replace('.', '\\.')} `, 'm'));
    expect(notices.match(/Permission is hereby granted/g)?.length).toBe(7);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('points every export at a shipped file', () => {
    const values = (v: unknown): string[] => (typeof v === 'string' ? [v] : Object.values(v as object).flatMap(values));
    const targets = values(pkg.exports).map((t) => t.slice(2));
    for (const t of targets) {
      if (t.includes('*')) expect(files.some((f) => f.startsWith(t.slice(0, t.indexOf('*')))), t).toBe(true);
      else if (t !== 'package.json') expect(files, t).toContain(t);
    }
  });

  it('leads every relative link of the README and of the shipped guides to a shipped file', () => {
    const documents = files.filter((f) => f.endsWith('.md'));
    const broken: string[] = [];
    for (const doc of documents) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!) || target!.startsWith('#')) continue;
        const path = normalize(join(dirname(doc), decodeURIComponent(target!.split('#')[0]!))).replace(/\\/g, '/');
        if (!files.includes(path)) broken.push(`${doc} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it(`has no line of a shipped .js or .cjs file longer than ${MAX_SHIPPED_LINE} characters`, () => {
    const long: string[] = [];
    for (const f of files.filter((p) => /\.c?js$/.test(p))) {
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.length > MAX_SHIPPED_LINE) long.push(`${f}:${i + 1} (${line.length})`);
        });
    }
    expect(long).toEqual([]);
  });
});

describe('the built files at work', () => {
  it('resolves the spreadsheet scripts, the Excel manifest and the page through exports', () => {
    const r = run(
      'resolve.cjs',
      `for (const p of ['sunshine-procurement/dist/sheets/apps-script.js', 'sunshine-procurement/sheets/apps-script.js', 'sunshine-procurement/sheets/excel/manifest.xml', 'sunshine-procurement/dist/sheets/excel/functions.json', 'sunshine-procurement/calculator.html', 'sunshine-procurement/dist/calculator.html']) console.log(require.resolve(p).replace(${JSON.stringify(root)}, ''));`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([
      '/dist/sheets/apps-script.js',
      '/dist/sheets/apps-script.js',
      '/dist/sheets/excel/manifest.xml',
      '/dist/sheets/excel/functions.json',
      '/dist/calculator.html',
      '/dist/calculator.html',
    ]);
  });

  it('is one error class for both builds: thrown by the CJS build and caught in ESM, and the reverse', () => {
    const r = run(
      'dual.mjs',
      `import { createRequire } from 'node:module';
import * as esm from 'sunshine-procurement';
const cjs = createRequire(import.meta.url)('sunshine-procurement');
const caught = (f) => { try { f(); } catch (e) { return e; } };
const fromCjs = caught(() => cjs.getPolicy('jiangsu-2099'));
const fromEsm = caught(() => esm.getPolicy('jiangsu-2099'));
const coverage = caught(() => cjs.addWorkdays('2031-01-02', 1));
console.log(JSON.stringify({
  distinct: esm.SunshineInputError !== cjs.SunshineInputError,
  cjsInEsm: fromCjs instanceof esm.SunshineInputError,
  esmInCjs: fromEsm instanceof cjs.SunshineInputError,
  coverageInEsm: [coverage instanceof esm.CalendarCoverageError, coverage instanceof esm.SunshineInputError],
  notCoverage: fromCjs instanceof esm.CalendarCoverageError,
  plainError: new Error('x') instanceof esm.SunshineInputError,
}));`,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ distinct: true, cjsInEsm: true, esmInCjs: true, coverageInEsm: [true, true], notCoverage: false, plainError: false });
  });

  it.each([
    ['ESM', 'uncaught.mjs', `import { formatRate } from 'sunshine-procurement';\nimport Decimal from 'decimal.js';\nformatRate(new Decimal(NaN));\n`],
    ['CJS', 'uncaught.cjs', `const { formatRate } = require('sunshine-procurement');\nconst Decimal = require('decimal.js');\nformatRate(new Decimal(NaN));\n`],
  ])('prints an uncaught error of the %s build as a line of code and the message, not the bundle or a Decimal class', (_, name, text) => {
    const r = run(name, text);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SunshineInputError: formatRate: rate expected a finite decimal fraction such as "0.85", or null, got NaN');
    // the stack and one line of code: was 65 kB of bundle, and a Decimal's class (ROUND_HALF_UP…) after it
    expect(r.stderr.length).toBeLessThan(2_000);
    expect(r.stderr).not.toContain('ROUND_HALF_UP');
  });
});
