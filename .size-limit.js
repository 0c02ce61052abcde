// Size budgets (issue 18), checked in CI by `npm run size` with size-limit's esbuild plugin:
// minified, not compressed (brotli: false), each a bundle of one import from the built package.
const pkg = 'dist/esm/index.js';
const entry = (name, importText, limit) => ({ name, path: pkg, import: importText, limit, brotli: false });
export default [
  entry('onlinePurchaseRate', '{ onlinePurchaseRate }', '50 kB'),
  entry('measureOnlineRates', '{ measureOnlineRates }', '80 kB'),
  entry('checkTargets', '{ checkTargets }', '80 kB'),
  entry('addWorkdays', '{ addWorkdays }', '40 kB'),
  entry('the whole package (import *)', '*', '200 kB'),
  { name: 'dist/sheets/apps-script.js', path: 'dist/sheets/apps-script.js', limit: '200 kB', brotli: false },
  { name: 'dist/sheets/excel/functions.js', path: 'dist/sheets/excel/functions.js', limit: '200 kB', brotli: false },
];
