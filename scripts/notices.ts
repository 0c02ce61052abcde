/**
 * Writes THIRD_PARTY_NOTICES.md: the licence of every work the package ships inside its own files
 * (issue 25). dist/index.{js,cjs} bundle parts of zod; dist/sheets/ bundles decimal.js and zod;
 * dist/calculator.html also papaparse, read-excel-file and fflate; dist/cli/ those three and commander; the calendar's holiday table is
 * transcribed from the holiday-cn data set. The build scripts check, from esbuild's metafiles, that
 * every package they bundle has its section here (scripts/bundled.ts), so a new one cannot ship
 * without its notice.
 *
 *   tsx scripts/notices.ts   (run when a bundled package or its version changes)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The packages whose code ships inside the package's files, and where. */
const BUNDLED: Readonly<Record<string, string>> = {
  zod: 'dist/index.js, dist/index.cjs, dist/sheets/, dist/calculator.html',
  'decimal.js': 'dist/sheets/, dist/calculator.html (dist/index.* and dist/esm/ import it as a dependency)',
  papaparse: 'dist/calculator.html, dist/cli/',
  'read-excel-file': 'dist/calculator.html, dist/cli/',
  fflate: 'dist/calculator.html, dist/cli/',
  commander: 'dist/cli/ (the command line)',
};

const licenceText = (dir: string): string => {
  for (const name of ['LICENSE', 'LICENCE.md', 'LICENSE.md', 'LICENCE', 'license']) {
    const path = join(dir, name);
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  }
  throw new Error(`no licence file in ${dir}`);
};

const sections = Object.entries(BUNDLED).map(([name, where]) => {
  const dir = join(root, 'node_modules', name);
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license: string; homepage?: string };
  return `## ${name} ${meta.version}\n\nLicence: ${meta.license}${meta.homepage === undefined ? '' : ` · ${meta.homepage}`}\nShipped in: ${where}\n\n\`\`\`text\n${licenceText(dir)}\n\`\`\``;
});

// the holiday table: the State Council notices as transcribed by holiday-cn (../shared/data/holidays/)
const holidays = join(root, '..', 'shared', 'data', 'holidays', 'LICENSE');
const previous = existsSync(join(root, 'THIRD_PARTY_NOTICES.md')) ? readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8') : '';
const kept = /```text\n(MIT License\n\nCopyright \(c\) 2019 NateScarlet[\s\S]*?)\n```/.exec(previous)?.[1];
const holidayLicence = existsSync(holidays) ? readFileSync(holidays, 'utf8').trim() : kept;
if (holidayLicence === undefined) throw new Error('holiday-cn licence not found');
sections.push(
  `## holiday-cn (data)\n\nLicence: MIT · https://github.com/NateScarlet/holiday-cn\nShipped in: the working-day calendar of every build (src/calendar/data/cnHolidays.ts), the State Council's holiday notices of 2019–2026 as holiday-cn transcribes them\n\n\`\`\`text\n${holidayLicence}\n\`\`\``,
);

writeFileSync(
  join(root, 'THIRD_PARTY_NOTICES.md'),
  `# Third-party notices · 第三方许可声明

sunshine-procurement is MIT-licensed (LICENSE). Its files also carry the works below, each under its
own licence, reproduced here as those licences require. 本包自身以 MIT 许可发布；包内文件还含有以下作品，
各按其许可发布，许可全文如下。

${sections.join('\n\n')}
`,
);
console.log(`written: THIRD_PARTY_NOTICES.md (${sections.length} works)`);
