/**
 * Builds dist/esm/: every module of src/ as its own ES module (the sheets wrapper aside), imports
 * kept as imports (with their `.js` extensions), decimal.js and zod left to the user's bundler.
 * This is what bundlers read (the `module` condition of package.json's exports): with the package
 * `"sideEffects": false`, a bundler keeps only the modules an import reaches, so that
 * `import { addWorkdays }` brings neither decimal.js nor the rate engine. Node reads dist/index.js,
 * one file with the used parts of zod inside (tsup.config.ts), which loads faster than many files.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = join(root, 'dist', 'esm');
rmSync(out, { recursive: true, force: true });

const entries = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.startsWith('sheets')).map((f) => join(src, f));

/** Every import stays an import: a relative one points at the built file (`./x.js`, `./dir/index.js`), a package one is left as it is. */
const keepImports: Plugin = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) return { path: args.path, external: true };
      const target = join(args.resolveDir, args.path);
      const isDir = existsSync(target) && statSync(target).isDirectory();
      return { path: `${args.path}${isDir ? '/index' : ''}.js`, external: true };
    });
  },
};

const result = await build({
  entryPoints: entries,
  outdir: out,
  outbase: src,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  plugins: [keepImports],
  logLevel: 'warning',
  metafile: true,
});
console.log(`dist/esm: ${Object.keys(result.metafile.outputs).length} modules from ${relative(root, src)}`);

// dist/index.js (tsup's ESM build) ends with one `export { … }` line of every name, longer than
// esbuild's lineLimit reaches: one name a line, so that no shipped line passes MAX_SHIPPED_LINE
const indexJs = join(root, 'dist', 'index.js');
const text = readFileSync(indexJs, 'utf8');
writeFileSync(indexJs, text.replace(/^export \{ ([^}\n]+) \};$/m, (_, names: string) => `export {\n  ${names.split(', ').join(',\n  ')}\n};`));
