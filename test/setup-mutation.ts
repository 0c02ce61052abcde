// Used by the mutation run only (vitest.stryker.config.ts): fewer property-test runs per mutant,
// so that a few thousand mutants finish in minutes. The normal suite keeps fast-check's defaults.
import fc from 'fast-check';

fc.configureGlobal({ numRuns: 25 });
