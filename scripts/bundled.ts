/**
 * The packages an esbuild bundle carries, and the check that each has its notice in
 * THIRD_PARTY_NOTICES.md (scripts/notices.ts writes it): the build of a shipped file fails
 * otherwise, so no bundled work ships without its licence.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The node_modules packages with code in the bundle's output, by its metafile. */
export function bundledPackages(metafile: Metafile): string[] {
  return [
    ...new Set(
      Object.values(metafile.outputs)
        .flatMap((output) => Object.entries(output.inputs))
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
        .filter((name): name is string => name !== undefined),
    ),
  ].sort();
}

/** Throws unless every package of `packages` has a section `## <name> <version>` in THIRD_PARTY_NOTICES.md. */
export function assertNoticed(packages: readonly string[], artifact: string): void {
  const notices = readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8');
  const missing = packages.filter((name) => {
    const { version } = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    return !notices.includes(`\n## ${name} ${version}\n`);
  });
  if (missing.length > 0) throw new Error(`${artifact} bundles ${missing.join(', ')} without a notice in THIRD_PARTY_NOTICES.md (at this version): add it to scripts/notices.ts and run it`);
}
