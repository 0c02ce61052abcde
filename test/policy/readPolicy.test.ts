import fc from 'fast-check';
import Decimal from 'decimal.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { getPolicy, InstitutionSchema, POLICIES, PolicySchema, SunshineInputError } from '../../src/index';
import { PeriodSchema, readPeriod } from '../../src/_lib/period';
import { parseInput } from '../../src/_lib/parseInput';
import { readOrThrow } from '../../src/_lib/read';
import { readInstitutions } from '../../src/institution/readInstitutions';
import { readPolicy } from '../../src/policy/readPolicy';

/**
 * The readers (src/_lib/read.ts) take zod out of measureOnlineRates, checkTargets and the policy
 * functions (issue 18). Each must give what its zod schema gives: the same output (key order
 * included) for what the schema accepts, and the same refusal, issue by issue, for what it
 * refuses. Inputs: real policies, institutions and periods with random parts broken.
 */
function outcome(f: () => unknown): unknown {
  try {
    return { ok: JSON.stringify(f(), (_k, v: unknown) => (v === undefined ? '<undefined>' : v)) };
  } catch (e) {
    if (!(e instanceof SunshineInputError)) throw e;
    return { message: e.message, issues: e.issues };
  }
}

/** Values that break a field in every way the schemas distinguish. */
const JUNK: unknown[] = [
  undefined, null, '', '   ', 'x', ' padded ', 'Drug', 'drug', 'public', 'tertiary', 'narcotic', 'monthly', 'weekly', '2024-02-30', '2024-01-01', '2030-12-31',
  'my-id', 'Bad Id', '0.85', '85', '-0', 0.5, 0, -1, 1, 3, 24, 31, 367, 1.5, 2 ** 60, -(2 ** 60), Number.NaN, Number.POSITIVE_INFINITY, true, false, [], [1], ['x'], {}, { a: 1 },
  new Decimal('0.5'), 'x'.repeat(201), ['drug'], [{}],
];

type Mutable = Record<string, unknown> | unknown[];
/** Every path to a value inside `x` (objects and arrays), the root included. */
function paths(x: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(x)) x.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) for (const [k, v] of Object.entries(x)) out.push(...paths(v, [...at, k]));
  return out;
}
/** `x` with the value at `path` replaced (or deleted when `value` is the DELETE mark), or an element copied. */
const DELETE = Symbol('delete');
const DUPLICATE = Symbol('duplicate');
/** A copy of the arrays and plain objects of `x`; other values (a Decimal) kept as they are. */
function clone(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(clone);
  if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, clone(v)]));
  return x;
}
function mutate(x: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = clone(x);
  if (path.length === 0) return value === DELETE || value === DUPLICATE ? copy : value;
  let parent = copy as Mutable;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[key as string] as Mutable;
  const last = path[path.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete (parent as Record<string, unknown>)[last as string];
  } else if (value === DUPLICATE) {
    if (Array.isArray(parent)) parent.push(clone(parent[last as number]));
  } else {
    (parent as Record<string, unknown>)[last as string] = value;
  }
  return copy;
}

/** A real policy (plain JSON, shares as given), with 1 to 3 random parts broken. */
const brokenPolicy = fc
  .tuple(
    fc.constantFrom(...Object.keys(POLICIES)),
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(DELETE, DUPLICATE), fc.constantFrom(...JUNK.keys()).map((k) => JUNK[k]))), { minLength: 0, maxLength: 3 }),
  )
  .map(([id, changes]) => {
    let p: unknown = JSON.parse(JSON.stringify(getPolicy(id)));
    for (const [pick, value] of changes) {
      const all = paths(p);
      p = mutate(p, all[pick % all.length]!, value);
    }
    return p;
  });

describe('readPolicy', () => {
  it('reads every built-in policy to itself', () => {
    for (const policy of Object.values(POLICIES)) expect(readPolicy(JSON.parse(JSON.stringify(policy)), 'definePolicy')).toEqual(policy);
  });

  it('gives what PolicySchema gives, for real policies with random parts broken (differential)', () => {
    fc.assert(
      fc.property(brokenPolicy, (p) => {
        expect(outcome(() => readPolicy(p, 'definePolicy', 'policy'))).toEqual(outcome(() => parseInput(PolicySchema, p, 'definePolicy', 'policy')));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('readInstitutions and readPeriod', () => {
  const institution = fc.record(
    {
      id: fc.constantFrom('H1', '', 'x'.repeat(200), 'x'.repeat(201), 7, null),
      name: fc.constantFrom('某医院', undefined, 3),
      level: fc.constantFrom('tertiary', 'primary', 'top', undefined),
      ownership: fc.constantFrom('public', 'private', 'state'),
      region: fc.oneof(fc.constantFrom(undefined, null, 'x', {}), fc.record({ province: fc.constantFrom(' 江苏省 ', '', 3, undefined), city: fc.constantFrom('南通市', '  ') }, { requiredKeys: [] })),
      extra: fc.constant(1),
    },
    { requiredKeys: [] },
  );
  it('read institutions as z.array(InstitutionSchema) does (differential)', () => {
    const schema = z.array(InstitutionSchema);
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: fc.array(institution, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(null, {}, 'x') }), (list) => {
        expect(outcome(() => readOrThrow(readInstitutions, list, 'f', 'options.institutions'))).toEqual(outcome(() => parseInput(schema, list, 'f', 'options.institutions')));
      }),
      { numRuns: 2000 },
    );
  });

  it('read a period as PeriodSchema does (differential)', () => {
    const day = fc.constantFrom('2024-01-01', '2024-03-31', '2024-02-30', '2024-1-1', '', 5, undefined, null);
    fc.assert(
      fc.property(fc.oneof(fc.record({ from: day, to: day }, { requiredKeys: [] }), fc.constantFrom(null, 'x', [])), (period) => {
        expect(outcome(() => readOrThrow(readPeriod, period, 'f', 'options.period'))).toEqual(outcome(() => parseInput(PeriodSchema, period, 'f', 'options.period')));
      }),
      { numRuns: 500 },
    );
  });
});
