/**
 * `npm run docs`, part of: the size of each public export, as a bundler gives it to a web page:
 * `import { name } from 'sunshine-procurement'` bundled alone with esbuild (minified, ESM,
 * browser), from the sources as dist/esm/ ships them (one module per file; decimal.js and zod
 * bundled from node_modules). Writes the table into docs/performance.md between its markers.
 * The budgets themselves are checked in CI by size-limit (`npm run size`, .size-limit.js) on the
 * built package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const api = (await import('../src/index')) as Record<string, unknown>;

async function size(importText: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents: `import ${importText} from './src/index.ts';\nconsole.log(${importText === '* as all' ? 'all' : importText.replace(/[{}]/g, '')});`, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (n: number) => (n / 1000).toFixed(1);
const kindOf = (v: unknown) => (typeof v === 'function' ? (/^class\b/.test(Function.prototype.toString.call(v)) ? 'class' : 'function') : 'constant');
const rows: string[] = [];
const names = Object.keys(api).sort((a, b) => a.localeCompare(b, 'en'));
for (const name of names) {
  const s = await size(`{ ${name} }`);
  rows.push(`| \`${name}\` | ${kindOf(api[name])} | ${kb(s.min)} | ${kb(s.gzip)} |`);
}
const all = await size('* as all');
const table = [
  '<!-- size-table:start (written by scripts/size-table.ts, run by npm run docs) -->',
  `| export | kind | minified (kB) | gzip (kB) |`,
  '|---|---|---|---|',
  `| **the whole package** (\`import *\`) | | **${kb(all.min)}** | **${kb(all.gzip)}** |`,
  ...rows,
  '<!-- size-table:end -->',
].join('\n');
const path = join(root, 'docs', 'performance.md');
const doc = readFileSync(path, 'utf8');
const start = doc.indexOf('<!-- size-table:start');
const end = doc.indexOf('<!-- size-table:end -->');
if (start < 0 || end < 0) throw new Error('docs/performance.md has no size-table markers');
writeFileSync(path, `${doc.slice(0, start)}${table}${doc.slice(end + '<!-- size-table:end -->'.length)}`);
console.log(`docs/performance.md: sizes of ${names.length} exports (the whole package ${kb(all.min)} kB minified)`);
