/**
 * A vitest reporter that ends the run with every skipped test and why (issue 25): a test that
 * cannot run here (a server or browser not installed, the project's shared data not beside the
 * clone) is skipped with the reason and what to install in its title, and this list repeats them
 * after the summary, so that a green run that skipped something says so where it is read.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    // the tests skipped for want of something say so in their title: "(skipped: why; what to install)"
    // (tests left out by a filter such as -t are skipped too, and are not listed)
    const skipped = testModules.flatMap((m) => [...m.children.allTests()].filter((t) => t.result().state === 'skipped' && t.fullName.includes('(skipped: ')).map((t) => `${m.moduleId.replace(`${process.cwd()}/`, '')} › ${t.fullName}`));
    if (skipped.length === 0) return;
    const lines = [`\n${skipped.length} test${skipped.length === 1 ? '' : 's'} skipped, each with why and what to install (README: "Optional prerequisites"):`, ...skipped.map((s) => `  ↓ ${s}`), ''];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
