/**
 * Type-checks the package as its users compile it (issue 25), and runs its command line as users run it (issue 28): the tarball `npm pack` makes is
 * unpacked into scratch projects, one per module setup, and test/consumers/consumer.ts plus every
 * TypeScript block of the README are compiled there by each TypeScript of test/consumers/
 * (the oldest the README states, and the latest 5.x), strict and WITHOUT skipLibCheck, so that
 * errors in dist/*.d.ts, or in the .d.ts of zod and decimal.js as our types reach them, count.
 *
 * Run after `npm run build`: `npm run check:consumers` (CI does). Needs `npm ci --prefix test/consumers`.
 * Exits 1 on any error, printing each setup's errors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const harness = join(root, 'test', 'consumers');
const compilers = ['typescript-oldest', 'typescript-latest'].map((name) => ({ name, tsc: join(harness, 'node_modules', name, 'bin', 'tsc') }));
for (const c of compilers) {
  if (!existsSync(c.tsc)) {
    console.error(`${c.tsc} is missing: run npm ci --prefix test/consumers`);
    process.exit(1);
  }
}
if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}

/** Every ```ts block of the README, as a module of its own. */
function readmeBlocks(): string[] {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => `${m[1]}\nexport {};\n`);
}

/** The setups: module and moduleResolution, the consumer's package type, and the options a user of that setup sets. */
const SETUPS = [
  { name: 'nodenext, ESM', type: 'module', options: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { name: 'nodenext, CJS', type: 'commonjs', options: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { name: 'node16, ESM', type: 'module', options: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'node16, CJS', type: 'commonjs', options: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'bundler', type: 'module', options: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022' } },
  { name: 'node10, esModuleInterop', type: 'commonjs', options: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, target: 'es2022' } },
] as const;

const work = mkdtempSync(join(tmpdir(), 'sunshine-consumers-'));
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })) as { filename: string }[];
  const modules = join(work, 'node_modules');
  mkdirSync(modules);
  execFileSync('tar', ['xzf', join(work, packed[0]!.filename), '-C', work]);
  cpSync(join(work, 'package'), join(modules, 'sunshine-procurement'), { recursive: true });
  // the package's dependencies, as npm would install them beside it
  for (const dep of ['decimal.js', 'zod']) symlinkSync(join(root, 'node_modules', dep), join(modules, dep), 'dir');

  const sources = { 'consumer.ts': readFileSync(join(harness, 'consumer.ts'), 'utf8'), ...Object.fromEntries(readmeBlocks().map((b, i) => [`readme-${i + 1}.ts`, b])) };
  let failed = 0;
  for (const setup of SETUPS) {
    const dir = join(work, setup.name.replace(/\W+/g, '-'));
    mkdirSync(dir);
    symlinkSync(modules, join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: setup.type }));
    for (const [file, text] of Object.entries(sources)) writeFileSync(join(dir, file), text);
    const compilerOptions = { ...setup.options, strict: true, noEmit: true, skipLibCheck: false, types: [] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(sources) }, null, 2));
    for (const c of compilers) {
      const version = execFileSync(process.execPath, [c.tsc, '--version'], { encoding: 'utf8' }).trim();
      const run = spawnSync(process.execPath, [c.tsc, '-p', dir], { encoding: 'utf8' });
      const errors = (run.stdout.match(/error TS\d+/g) ?? []).length;
      console.log(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${version.padEnd(18)} ${setup.name.padEnd(24)} ${Object.keys(sources).length} files, ${errors} errors`);
      if (run.status !== 0) {
        failed++;
        console.log(run.stdout.split("\n").slice(0, 30).map((l) => l.slice(0, 400)).join("\n"));
      }
    }
  }
  // the command line as the package ships it (issue 28): its bin, run through its shebang, with only the package's
  // dependencies beside it, on the example files it carries
  const bin = join(modules, 'sunshine-procurement', 'dist', 'cli', 'sunshine-procurement.js');
  const ran = spawnSync(bin, ['rates', '--example', '--out', join(work, 'example-out'), '--json', '--format', 'csv'], { encoding: 'utf8', cwd: work });
  const summary = ran.status === 0 ? (JSON.parse(ran.stdout) as { ledger: { balanced: boolean }; belowTarget: { id: string }[] }) : null;
  const binOk = summary !== null && summary.ledger.balanced && summary.belowTarget.map((b) => b.id).join() === 'H0002';
  console.log(`${binOk ? 'ok  ' : 'FAIL'} the packed bin: sunshine-procurement rates --example${binOk ? '' : `\n${ran.stderr || ran.error?.message || ''}`}`);
  if (!binOk) failed++;
  // DuckDB is an optional peer dependency: without it, --engine duckdb says how to install it (exit 2); beside it (as
  // `npm install @duckdb/node-api` puts it), the packed bin finds it
  const without = spawnSync(bin, ['rates', '--example', '--engine', 'duckdb', '--out', join(work, 'duckdb-out')], { encoding: 'utf8', cwd: work });
  const saysHow = without.status === 2 && without.stderr.includes('npm install @duckdb/node-api@');
  console.log(`${saysHow ? 'ok  ' : 'FAIL'} the packed bin without DuckDB: --engine duckdb says how to install it${saysHow ? '' : `\n${without.status} ${without.stderr}`}`);
  if (!saysHow) failed++;
  mkdirSync(join(modules, '@duckdb'));
  for (const dep of readdirSync(join(root, 'node_modules', '@duckdb'))) symlinkSync(join(root, 'node_modules', '@duckdb', dep), join(modules, '@duckdb', dep), 'dir');
  const withIt = spawnSync(bin, ['rates', '--example', '--engine', 'duckdb', '--out', join(work, 'duckdb-out'), '--json', '--format', 'csv'], { encoding: 'utf8', cwd: work });
  // the example has rows DuckDB cannot list (a date that is none, an institution not in the list): DuckDB counted
  // them, then the JavaScript engine read the file to list them, and says so
  const ranDuckDB = withIt.status === 0 && (JSON.parse(withIt.stdout) as { engineNote?: string }).engineNote?.includes('rows must be listed') === true;
  console.log(`${ranDuckDB ? 'ok  ' : 'FAIL'} the packed bin with DuckDB installed beside it: --engine duckdb runs${ranDuckDB ? '' : `\n${withIt.stderr}`}`);
  if (!ranDuckDB) failed++;
  if (failed > 0) {
    console.error(`${failed} of ${SETUPS.length * compilers.length} consumer setups failed`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
