import { defineConfig } from 'tsup';
import { LINE_LIMIT } from './scripts/line-limit';

/**
 * dist/index.js (ESM) and dist/index.cjs (CJS), one file each, for Node: they bundle the parts of zod
 * that the package uses, since zod's entry points load all of zod (every locale, JSON Schema), about
 * 40 ms of a bare `require` (measured); the types still come from zod. Bundlers read dist/esm/
 * instead, one module per source file (scripts/build-modules.ts), so that they keep only what an
 * import reaches.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // no source maps: the code below keeps its names and short lines, so a stack trace reads as it is;
  // the maps were 950 kB each (zod's sources and ours inside), ten times the code they mapped
  sourcemap: false,
  clean: true,
  target: 'es2022',
  treeshake: true,
  noExternal: ['zod'],
  // whitespace and syntax minified (names kept, for readable stack traces): Node compiles the file
  // at load, and its size was most of the import time (measured); lines broken at LINE_LIMIT
  // characters, so that Node, printing the line an uncaught error came from, prints a line of code
  // and not the whole bundle (a one-line bundle wrote 65 kB to the terminal; issue 25)
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
    options.lineLimit = LINE_LIMIT;
  },
});
