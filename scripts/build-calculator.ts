/**
 * Builds the offline calculator page (issue 19): examples/calculator/main.ts bundled by esbuild
 * (the library from src/, papaparse, read-excel-file) into one classic script, inlined into
 * examples/calculator/index.html. The result is one self-contained file that opens from file://
 * and whose Content-Security-Policy forbids every request.
 *
 *   tsx scripts/build-calculator.ts [out.html …]   (default: dist/calculator.html)
 *
 * `npm run build` writes dist/calculator.html (shipped in the package); `npm run docs` writes
 * docs/calculator.html (committed, so CI's staleness check covers it).
 */
import { assertNoticed, bundledPackages } from './bundled';
import { LINE_LIMIT } from './line-limit';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'examples', 'calculator');
const outputs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [join(root, 'dist', 'calculator.html')];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

// read-excel-file's `import { unzip } from 'fflate'` → the worker-free shim (see fflate-sync.ts)
const shim = join(dir, 'fflate-sync.ts');
const noWorkers: Plugin = {
  name: 'fflate-without-workers',
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

const result = await build({
  entryPoints: [join(dir, 'main.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Chrome/Edge 90+ (360 and QQ browsers' current cores), Firefox 90+
  target: ['chrome90', 'edge90', 'firefox90'],
  // SUNSHINE_NO_MINIFY=1 keeps the names, for a profile in the browser's tools
  minify: process.env.SUNSHINE_NO_MINIFY !== '1',
  lineLimit: LINE_LIMIT,
  charset: 'utf8',
  legalComments: 'none',
  plugins: [noWorkers],
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const script = result.outputFiles[0]!.text.trim();
// the bundle goes inside <script>…</script>: nothing in it may close the element
if (/<\/script|<!--/i.test(script)) throw new Error('the bundle contains "</script" or "<!--"; it cannot be inlined');

const template = readFileSync(join(dir, 'index.html'), 'utf8');
const [before, after, ...rest] = template.split('/*APP*/');
if (before === undefined || after === undefined || rest.length > 0) throw new Error('index.html must hold exactly one /*APP*/ placeholder');
// the packages with code in the bundle (by the metafile), each with the licence its package.json names and its notice
const packages = bundledPackages(result.metafile);
assertNoticed(packages, 'dist/calculator.html');
const licences = [...packages].sort().map((name) => {
  const meta = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license?: string };
  return `${name} ${meta.version} (${meta.license ?? 'see its package'})`;
});
const banner = `/*! sunshine-procurement ${pkg.version} calculator · MIT licence; bundles ${licences.join(', ')}: their licences in THIRD_PARTY_NOTICES.md */`;
const html = `${before}${banner}\n${script}${after}`;

for (const out of outputs) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`written: ${relative(root, out)} (${(Buffer.byteLength(html) / 1000).toFixed(1)} kB)`);
}
