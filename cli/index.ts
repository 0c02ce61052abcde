/**
 * The `bin` of the package: `npx sunshine-procurement …` (cli/program.ts has the commands). Built by
 * scripts/build-cli.ts into dist/cli/sunshine-procurement.js, beside its example files.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleDirOf, run } from './program';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  today: () => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
  exampleDir: exampleDirOf(dirname(fileURLToPath(import.meta.url))),
});
