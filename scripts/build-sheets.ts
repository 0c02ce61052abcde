/**
 * Builds the spreadsheet wrapper into dist/sheets/:
 * - apps-script.js: one self-contained ES2017 script to paste into Google Apps Script or a WPS JS
 *   macro module: the library bundled inside (IIFE, global `SunshineSheets`), then one top-level
 *   `function` per custom function with its JSDoc (`@customfunction`), as those hosts discover them;
 * - excel/functions.js, excel/functions.json, excel/functions.html: an Excel (and WPS add-in)
 *   custom-functions bundle registered with `CustomFunctions.associate`, with metadata generated
 *   by custom-functions-metadata from the same JSDoc.
 */
import { assertNoticed, bundledPackages } from './bundled';
import { LINE_LIMIT } from './line-limit';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SHEET_FUNCTIONS } from '../src/sheets/metadata';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'sheets');
mkdirSync(join(out, 'excel'), { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const result = await build({
  entryPoints: [join(root, 'src', 'sheets', 'index.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'SunshineSheets',
  platform: 'browser',
  target: 'es2017',
  minify: true,
  lineLimit: LINE_LIMIT,
  legalComments: 'none',
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const bundle = result.outputFiles[0]!.text;
assertNoticed(bundledPackages(result.metafile), 'dist/sheets/');

const jsdoc = (f: (typeof SHEET_FUNCTIONS)[number]) =>
  [
    '/**',
    ` * ${f.zh} ${f.en}`,
    ' * @customfunction',
    ...f.params.map((p) => ` * @param {${p.type}} ${p.optional === true ? `[${p.name}]` : p.name} ${p.zh} / ${p.en}`),
    ` * @returns {${f.returns.type}} ${f.returns.zh} / ${f.returns.en}`,
    ' */',
  ].join('\n');
const stubs = SHEET_FUNCTIONS.map((f) => {
  const args = f.params.map((p) => p.name).join(', ');
  return `${jsdoc(f)}\nfunction ${f.name}(${args}) {\n  return SUNSHINE.${f.name}(${args});\n}`;
}).join('\n\n');

const banner = `/*! sunshine-procurement ${pkg.version} · 阳光采购 custom functions · MIT licence; bundles decimal.js (MIT) and zod (MIT): their licences in THIRD_PARTY_NOTICES.md */`;

writeFileSync(
  join(out, 'apps-script.js'),
  `${banner}
// Paste this whole file into a Google Apps Script project (Extensions › Apps Script) or a WPS JS macro
// module. Google Sheets gets dates back as Date values, Excel and WPS as date serials.
${bundle}
var SUNSHINE = SunshineSheets.createSheetFunctions(typeof SpreadsheetApp !== 'undefined' ? 'date' : 'serial');

${stubs}
`,
);

writeFileSync(
  join(out, 'excel', 'functions.js'),
  `${banner}
${bundle}
var SUNSHINE = SunshineSheets.createSheetFunctions('serial');

${stubs}

if (typeof CustomFunctions !== 'undefined') {
${SHEET_FUNCTIONS.map((f) => `  CustomFunctions.associate('${f.name}', ${f.name});`).join('\n')}
}
`,
);
writeFileSync(
  join(out, 'excel', 'functions.html'),
  `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>sunshine-procurement custom functions</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"></script>
    <script src="functions.js"></script>
  </head>
  <body></body>
</html>
`,
);

// functions.json from the same JSDoc, by custom-functions-metadata
const metaSource = join(out, 'excel', 'functions.meta.js');
writeFileSync(metaSource, `${stubs}\n`);
const cli = join(root, 'node_modules', 'custom-functions-metadata', 'cli.js');
execFileSync(process.execPath, [cli, 'generate', metaSource, join(out, 'excel', 'functions.json')], { stdio: 'pipe' });
rmSync(metaSource);
// the add-in manifest template that docs/spreadsheets.md tells Excel users to adapt, shipped beside the functions
copyFileSync(join(root, 'examples', 'excel-addin', 'manifest.xml'), join(out, 'excel', 'manifest.xml'));
console.log(`dist/sheets: apps-script.js (${Math.round(Buffer.byteLength(bundle) / 1024)} KiB bundle), excel/functions.{js,json,html}, excel/manifest.xml`);
