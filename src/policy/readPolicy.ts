import { D } from '../_lib/decimal';
import { NON_EMPTY_TEXT, AT_LEAST_ONE_SUBJECT, KEBAB_ID, POLICY_ID, AT_LEAST_ONE_ISSUER, AT_LEAST_ONE_OWNERSHIP, AT_LEAST_ONE_LEVEL, EACH_MEASURE_ONCE, EACH_KIND_ONCE, EACH_DEADLINE_ONCE } from './words';
import { isCivilDate, EXPECTED_CIVIL_DATE } from '../_lib/dates';
import { pure } from '../_lib/pure';
import { array, byKey, int, matches, minLength, nul, object, oneOf, optional, push, type Read, readOrThrow, refine, str, withDefault, type WholeCheck } from '../_lib/read';
import { readAmount } from '../amount/readAmount';
import { CATEGORIES, CONSUMABLE_KINDS, DRUG_KINDS } from '../catalog/kinds';
import { readRegion } from '../institution/readInstitutions';
import { LEVELS, OWNERSHIPS } from '../institution/schema';
import { MEASURE_IDS } from './measures';
import type { Policy } from './schema';

/*
 * PolicySchema (./schema.ts) written as readers (../_lib/read.ts): the same fields in the same
 * order, the same messages, the same cross-checks. resolvePolicy and definePolicy read policies
 * with this, so that measureOnlineRates and checkTargets need no zod; test/policy/readPolicy.test.ts
 * holds the two to the same answers on mutated policies.
 */

const date = /* @__PURE__ */ str({}, refine(isCivilDate, EXPECTED_CIVIL_DATE));
const text = /* @__PURE__ */ str({ trim: true }, minLength(1, NON_EMPTY_TEXT));
const kebab = (message: string) => str({}, matches(/^[a-z0-9][a-z0-9-]*$/, message));

const SHARE_EXPECTED = 'a decimal share between 0 and 1 such as "0.85"';
/** A share in [0, 1], a string or a finite number, kept as its canonical string. */
const share: Read<string> = (value, path, issues) => {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return push<string>(issues, path, value, SHARE_EXPECTED, true);
  const d = readAmount(value);
  if (d === null || d.isNegative() || d.greaterThan(1)) return push<string>(issues, path, value, SHARE_EXPECTED, true);
  return d.toFixed();
};

const target = /* @__PURE__ */ object({
  measure: oneOf(MEASURE_IDS),
  appliesTo: array(oneOf(['institution', 'region'] as const), { n: 1, message: AT_LEAST_ONE_SUBJECT }),
  minimum: share,
  by: optional(date),
  clause: text,
  note: optional(str()),
});
const goal = /* @__PURE__ */ object({ text, textEn: text, by: optional(date), clause: text });

const base = /* @__PURE__ */ pure(() => ({
  id: kebab(KEBAB_ID),
  label: text,
  labelEn: text,
  clause: text,
  who: optional(str()),
  to: optional(str()),
  note: optional(str()),
}));
const deadline = /* @__PURE__ */ byKey<unknown>('rule', {
  monthly: object({ ...base, rule: oneOf(['monthly']), day: int(1, 31), monthsAfter: int(0, 12) }),
  quarterly: object({ ...base, rule: oneOf(['quarterly']), day: nul }),
  yearly: object({ ...base, rule: oneOf(['yearly']), month: int(1, 12), day: int(1, 31), yearsAfter: int(0, 5) }),
  'workdays-after-event': object({ ...base, rule: oneOf(['workdays-after-event']), workdays: int(0, 366) }),
  'hours-after-event': object({ ...base, rule: oneOf(['hours-after-event']), hours: int(1, 8784) }),
  'month-after-effect': object({ ...base, rule: oneOf(['month-after-effect']), month: int(1, 24) }),
  fixed: object({ ...base, rule: oneOf(['fixed']), date }),
});

const cited = <T>(value: Read<T>) => object({ value, clause: text });
const vbp = /* @__PURE__ */ object({
  volumeShare: optional(object({ min: share, max: share, clause: text })),
  minimumPrepaymentShare: optional(cited(share)),
  cycleYears: optional(cited(int(1, 10))),
  demandReview: optional(object({ floor: oneOf(['last-year-actual']), explainBelowShare: share, clause: text })),
  monitoringStartMonth: optional(cited(int(1, 24))),
  warningRatio: optional(cited(share)),
});

/** The value at `path` of the caller's input, as parseInput reports it (own properties), else `fallback`. */
function inputAt(input: unknown, path: readonly PropertyKey[], fallback: unknown): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return fallback;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current === undefined ? fallback : current;
}

type Parsed = Omit<Policy, never>;
/** PolicySchema's superRefine: measures, targets, kinds and deadline ids that must agree. */
const crossChecks: WholeCheck<Parsed> = (policy, input, at, issues) => {
  const issue = (path: PropertyKey[], value: unknown, message: string) => push(issues, [...at, ...path], inputAt(input, path, value), message.slice('expected '.length), false);
  const ids = policy.measures.map((m) => m.id);
  for (const required of ['drug', 'consumable'] as const) {
    if (!ids.includes(required)) issue(['measures'], ids, `expected a "${required}" measure (every policy measures drugs and consumables)`);
  }
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issue(['measures', i, 'id'], id, EACH_MEASURE_ONCE);
  });
  policy.targets.forEach((t, i) => {
    if (!ids.includes(t.measure)) issue(['targets', i, 'measure'], t.measure, `expected one of the policy's measures (${ids.join(', ')})`);
  });
  const kinds = policy.exclusions.map((e) => e.kind);
  kinds.forEach((k, i) => {
    if (kinds.indexOf(k) !== i) issue(['exclusions', i, 'kind'], k, EACH_KIND_ONCE);
  });
  const deadlineIds = policy.deadlines.map((d) => d.id);
  deadlineIds.forEach((id, i) => {
    if (deadlineIds.indexOf(id) !== i) issue(['deadlines', i, 'id'], id, EACH_DEADLINE_ONCE);
  });
  const range = policy.vbp.volumeShare;
  if (range !== undefined && new D(range.min).greaterThan(range.max)) issue(['vbp', 'volumeShare', 'max'], range.max, `expected at least min (${range.min})`);
  const eff = policy.effective;
  if (eff?.from !== undefined && eff.to !== undefined && eff.from > eff.to) issue(['effective', 'to'], eff.to, `expected a date on or after effective.from (${eff.from})`);
};

const policyReader = /* @__PURE__ */ pure(() =>
  object(
    {
      id: kebab(POLICY_ID),
      title: text,
      titleEn: text,
      document: text,
      issuer: array(text, { n: 1, message: AT_LEAST_ONE_ISSUER }),
      year: int(1990, 2100),
      issuedOn: optional(date),
      effective: optional(object({ from: optional(date), to: optional(date), clause: text })),
      jurisdiction: readRegion,
      scope: object({
        ownership: array(oneOf(OWNERSHIPS), { n: 1, message: AT_LEAST_ONE_OWNERSHIP }),
        levels: array(oneOf(LEVELS), { n: 1, message: AT_LEAST_ONE_LEVEL }),
        clause: text,
        note: optional(str()),
      }),
      exclusions: array(object({ kind: oneOf([...DRUG_KINDS, ...CONSUMABLE_KINDS]), clause: text })),
      insuranceCode: object({ requiredFor: array(oneOf(CATEGORIES)), clause: str() }),
      dataBasis: object({ basis: oneOf(['inbound']), clause: text }),
      measures: array(object({ id: oneOf(MEASURE_IDS), clause: text, note: optional(str()) })),
      targets: array(target),
      goals: withDefault(array(goal), () => []),
      deadlines: withDefault(array(deadline), () => []),
      vbp: withDefault(vbp, () => ({})),
      source: optional(str()),
    },
    crossChecks as WholeCheck<unknown>,
  ),
);

/**
 * A policy read as PolicySchema reads it, without zod; throws SunshineInputError naming every field at fault.
 * @internal
 */
export function readPolicy(input: unknown, fn: string, prefix = ''): Policy {
  return readOrThrow(policyReader as unknown as Read<Policy>, input, fn, prefix);
}
