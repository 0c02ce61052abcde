/**
 * Builds the command line (issue 28): cli/index.ts bundled by esbuild into dist/cli/sunshine-procurement.js (the
 * package's `bin`), one ES module for Node 20+ with its shebang, beside the example files (dist/cli/example/). The
 * library's code comes in from src/ (the library's own bundle, its size and import time do not change: the library
 * entry never loads cli/); decimal.js and zod stay imports of the package's dependencies; commander, papaparse and
 * read-excel-file are bundled, each with its notice in THIRD_PARTY_NOTICES.md.
 */
import { chmodSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { assertNoticed, bundledPackages } from './bundled';
import { LINE_LIMIT } from './line-limit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

// read-excel-file's `import { unzip } from 'fflate'` → the worker-free shim, as on the page (see fflate-sync.ts)
const shim = join(root, 'examples', 'calculator', 'fflate-sync.ts');
const noWorkers: Plugin = {
  name: 'fflate-without-workers',
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [join(root, 'cli', 'index.ts')],
  outfile: join(out, 'sunshine-procurement.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['decimal.js', 'zod', 'zod/*', '@duckdb/node-api'],
  banner: { js: `#!/usr/bin/env node\n// sunshine-procurement ${pkg.version} command line · MIT licence; bundled packages' licences in THIRD_PARTY_NOTICES.md
// commander is CommonJS: its require() of Node's modules, inside an ES module
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);` },
  define: { SUNSHINE_VERSION: JSON.stringify(pkg.version) },
  minifyWhitespace: true,
  minifySyntax: true,
  lineLimit: LINE_LIMIT,
  charset: 'utf8',
  legalComments: 'none',
  plugins: [noWorkers],
  metafile: true,
  logLevel: 'warning',
});
assertNoticed(bundledPackages(result.metafile), 'dist/cli/');
chmodSync(join(out, 'sunshine-procurement.js'), 0o755);
cpSync(join(root, 'cli', 'example'), join(out, 'example'), { recursive: true });
console.log(`written: dist/cli/sunshine-procurement.js (${(result.metafile.outputs['dist/cli/sunshine-procurement.js']?.bytes ?? 0) / 1000} kB), dist/cli/example/`);
