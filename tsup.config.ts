import { defineConfig } from 'tsup';

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
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  noExternal: ['zod'],
  // whitespace and syntax minified (names kept, for readable stack traces; source maps beside):
  // Node compiles the file at load, and its size was most of the import time (measured)
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
});
