import { strictKeys } from '../_lib/options';
import { isCivilDate, CIVIL_DATE } from '../_lib/dates';
import { inputError, keepValue, SunshineInputError } from '../errors';
import { nearest } from '../_lib/suggest';
import { GANZHOU_2023 } from './builtin/ganzhou-2023';
import { HUNAN_2023 } from './builtin/hunan-2023';
import { JIANGSU_2019 } from './builtin/jiangsu-2019';
import { JIANGSU_2022 } from './builtin/jiangsu-2022';
import { NANTONG_2022 } from './builtin/nantong-2022';
import { YUSHE_2020 } from './builtin/yushe-2020';
import { readPolicy } from './readPolicy';
import type { Policy } from './schema';
import { pure } from '../_lib/pure';

/**
 * The built-in policies, by id: one per source document (DOMAIN.md).
 *
 * @category Policies
 * @example
 * Object.keys(POLICIES) //=> ['jiangsu-2019', 'jiangsu-2022', 'nantong-2022', 'hunan-2023', 'ganzhou-2023', 'yushe-2020']
 */
export const POLICIES = {
  'jiangsu-2019': JIANGSU_2019,
  'jiangsu-2022': JIANGSU_2022,
  'nantong-2022': NANTONG_2022,
  'hunan-2023': HUNAN_2023,
  'ganzhou-2023': GANZHOU_2023,
  'yushe-2020': YUSHE_2020,
} as const satisfies Record<string, Policy>;

/** The id of a built-in policy. */
export type PolicyId = keyof typeof POLICIES;

const DEFINED = /* @__PURE__ */ pure(() => new WeakSet<object>());

function isPolicyId(id: string): id is PolicyId {
  return Object.prototype.hasOwnProperty.call(POLICIES, id);
}

function isBuiltin(policy: object): boolean {
  const id = (policy as { id?: unknown }).id;
  return typeof id === 'string' && isPolicyId(id) && POLICIES[id] === policy;
}

/** Options of {@link getPolicy}. */
export interface GetPolicyOptions {
  /** Resolve the policy in force on this date: a family id such as `'jiangsu'` gives the latest of its policies in force. */
  readonly asOf?: string | undefined;
}

/** True when `policy` is in force on `date` (its `effective` period, both ends included; no period: always). */
export function isInForce(policy: Policy, date: string): boolean {
  const eff = policy.effective;
  return (eff?.from === undefined || eff.from <= date) && (eff?.to === undefined || date <= eff.to);
}

/**
 * A built-in policy by its id; with `{ asOf }`, the policy in force on that date, and a family id
 * (`'jiangsu'`) resolves to the latest of the family's policies in force.
 *
 * @category Policies
 * @param id - one of `'jiangsu-2019'`, `'jiangsu-2022'`, `'nantong-2022'`, `'hunan-2023'`, `'ganzhou-2023'`, `'yushe-2020'`, or with `asOf` a family such as `'jiangsu'`
 * @param options - `{ asOf? }`
 * @returns the policy object
 * @throws {SunshineInputError} for an unknown id, or a policy not in force on `asOf`
 * @example
 * getPolicy('jiangsu', { asOf: '2023-05-01' }).id //=> 'jiangsu-2022'
 */
export function getPolicy(id: string, options: GetPolicyOptions = {}): Policy {
  strictKeys(options, ['asOf'], 'getPolicy');
  const asOf = options.asOf;
  if (asOf !== undefined && !isCivilDate(asOf)) {
    throw inputError('getPolicy', 'options.asOf', asOf, CIVIL_DATE, 'invalid-date');
  }
  if (typeof id === 'string' && isPolicyId(id)) {
    const policy: Policy = POLICIES[id];
    if (asOf !== undefined && !isInForce(policy, asOf)) {
      const eff = policy.effective;
      throw inputError('getPolicy', 'options.asOf', asOf, `a date when ${id} is in force (from ${eff?.from ?? 'its issue'}${eff?.to === undefined ? '' : ` to ${eff.to}`})`, 'out-of-range');
    }
    return policy;
  }
  if (typeof id === 'string' && asOf !== undefined) {
    const family = (Object.values(POLICIES) as Policy[]).filter((p) => p.id.startsWith(`${id}-`) && isInForce(p, asOf));
    family.sort((a, b) => ((a.effective?.from ?? '') < (b.effective?.from ?? '') ? 1 : -1));
    if (family[0] !== undefined) return family[0];
  }
  throw new SunshineInputError('getPolicy', [
    {
      code: 'unknown-id',
      path: 'id',
      value: keepValue(id),
      expected: `one of ${Object.keys(POLICIES).map((k) => `"${k}"`).join(', ')} (or, with { asOf }, a family such as "jiangsu" with a policy in force)`,
      suggestion: typeof id === 'string' ? nearest(id, Object.keys(POLICIES)) : undefined,
    },
  ]);
}

/**
 * Validates a policy written as data (JSON or an object literal), e.g. another
 * province's or a city's own rules.
 *
 * @category Policies
 * @param json - the policy; shares such as targets may be strings (`'0.9'`) or numbers
 * @returns the validated policy (shares as canonical decimal strings)
 * @throws {SunshineInputError} naming each field at fault, e.g. `targets[0].minimum`
 * @example
 * definePolicy({ ...getPolicy('jiangsu-2022'), id: 'my-city-2025', targets: [] }).id //=> 'my-city-2025'
 */
export function definePolicy(json: unknown): Policy {
  const policy = readPolicy(json, 'definePolicy');
  DEFINED.add(policy);
  return policy;
}

/**
 * A policy from an id or an object; an object that is neither built-in nor
 * from {@link definePolicy} is validated.
 * @internal
 */
export function resolvePolicy(policy: unknown, fn: string, path = 'policy'): Policy {
  if (typeof policy === 'string') {
    if (isPolicyId(policy)) return POLICIES[policy];
    throw new SunshineInputError(fn, [
      { code: 'unknown-id', path, value: keepValue(policy), expected: `a built-in policy id (${Object.keys(POLICIES).join(', ')}) or a policy object`, suggestion: nearest(policy, Object.keys(POLICIES)) },
    ]);
  }
  if (typeof policy === 'object' && policy !== null && (isBuiltin(policy) || DEFINED.has(policy))) return policy as Policy;
  if (typeof policy !== 'object' || policy === null) {
    throw inputError(fn, path, policy, 'a policy object or a built-in policy id such as "jiangsu-2022"', 'missing');
  }
  const parsed = readPolicy(policy, fn, path);
  DEFINED.add(parsed);
  return parsed;
}
