import { describe, expect, it } from 'vitest';
import { loadFixtures, loadRules } from './fixtures/load';
import { FIXTURE_FUNCTIONS, project, runFixture } from './fixtures/run';

const rules = loadRules();
const fixtures = loadFixtures();

describe('audit fixtures', () => {
  it('every rule of DOMAIN.md has at least one fixture', () => {
    const covered = new Set(fixtures.flatMap((f) => f.rules));
    expect(rules.filter((r) => !covered.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('every fixture names known rules, a citation, a bilingual title, reasoning and a known function', () => {
    const known = new Set(rules.map((r) => r.id));
    const ids = new Set<string>();
    for (const f of fixtures) {
      expect(ids.has(f.id), `duplicate fixture id ${f.id}`).toBe(false);
      ids.add(f.id);
      expect(f.rules.length, f.file).toBeGreaterThan(0);
      for (const r of f.rules) expect(known.has(r), `${f.file}: unknown rule ${r}`).toBe(true);
      expect(f.title.zh.length * f.title.en.length, f.file).toBeGreaterThan(0);
      expect(f.citation.clause.length, f.file).toBeGreaterThan(0);
      expect(f.reasoning.length, f.file).toBeGreaterThan(0);
      expect(FIXTURE_FUNCTIONS, f.file).toContain(f.fn);
    }
  });

  for (const f of fixtures) {
    it(`${f.id}: ${f.title.en} (${f.citation.policyId} ${f.citation.clause})`, () => {
      const actual = runFixture(f.fn, f.input);
      expect(project(actual, f.expected)).toEqual(f.expected);
    });
  }
});
