// Size budgets of issues 18 and 19, checked in CI by `npm run size` (size-limit with its esbuild plugin) on
// the built package: minified, not compressed (brotli: false); each a bundle of one import from
// dist/esm/, what bundlers read (the `module` condition of package.json's exports).
// docs/performance.md lists every export's size (scripts/size-table.ts).
const pkg = 'dist/esm/index.js';
const entry = (name, importText, limit) => ({ name, path: pkg, import: importText, limit, brotli: false });
const file = (path, limit = '200 kB') => ({ name: path, path, limit, brotli: false });
export default [
  entry('onlinePurchaseRate', '{ onlinePurchaseRate }', '50 kB'),
  entry('addWorkdays', '{ addWorkdays }', '40 kB'),
  // 200 kB until issue 25, which added 7.5 kB (strict options in every function, with the nearest key; the warnings of a
  // run in which nothing counts; one error class across builds; row and index in the adapters): see docs/performance.md;
  // 210 kB until issue 27, whose bulletin charts read alone (a title, the target labelled once, values beside the plot,
  // bars by rate) and whose tables say 未报送 / 无采购 as reportingCompleteness does: 0.7 kB more
  entry('the whole package (import *)', '*', '215 kB'),
  file('dist/sheets/apps-script.js'),
  file('dist/sheets/excel/functions.js'),
  // 80 kB until issue 25 (+5.8 kB: the options checked by name, the nothing-counted warnings, the error class's console form and brand)
  entry('measureOnlineRates', '{ measureOnlineRates }', '85 kB'),
  entry('checkTargets', '{ checkTargets }', '80 kB'),
  // issue 19: the offline calculator page, one self-contained file
  // (the file as it is: not bundled, which the esbuild plugin would try)
  { ...file('dist/calculator.html', '400 kB'), disablePlugins: ['@size-limit/esbuild'] },
];
