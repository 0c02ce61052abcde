import { SunshineInputError } from '../errors';
import { parseInput } from '../_lib/parseInput';
import { GANZHOU_2023 } from './builtin/ganzhou-2023';
import { HUNAN_2023 } from './builtin/hunan-2023';
import { JIANGSU_2019 } from './builtin/jiangsu-2019';
import { JIANGSU_2022 } from './builtin/jiangsu-2022';
import { NANTONG_2022 } from './builtin/nantong-2022';
import { YUSHE_2020 } from './builtin/yushe-2020';
import { PolicySchema, type Policy } from './schema';

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

const DEFINED = new WeakSet<object>();

function isPolicyId(id: string): id is PolicyId {
  return Object.prototype.hasOwnProperty.call(POLICIES, id);
}

function isBuiltin(policy: object): boolean {
  const id = (policy as { id?: unknown }).id;
  return typeof id === 'string' && isPolicyId(id) && POLICIES[id] === policy;
}

/**
 * A built-in policy by its id.
 *
 * @category Policies
 * @param id - one of `'jiangsu-2019'`, `'jiangsu-2022'`, `'nantong-2022'`, `'hunan-2023'`, `'ganzhou-2023'`, `'yushe-2020'`
 * @returns the policy object
 * @throws {SunshineInputError} for an unknown id
 * @example
 * getPolicy('jiangsu-2022').document //=> '苏医保发〔2022〕38号'
 */
export function getPolicy(id: string): Policy {
  if (typeof id === 'string' && isPolicyId(id)) return POLICIES[id];
  throw new SunshineInputError('getPolicy', [
    { code: 'unknown-id', path: 'id', value: id, expected: `one of ${Object.keys(POLICIES).map((k) => `"${k}"`).join(', ')} (or a policy from definePolicy)` },
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
  const policy = parseInput(PolicySchema, json, 'definePolicy');
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
      { code: 'unknown-id', path, value: policy, expected: `a built-in policy id (${Object.keys(POLICIES).join(', ')}) or a policy object` },
    ]);
  }
  if (typeof policy === 'object' && policy !== null && (isBuiltin(policy) || DEFINED.has(policy))) return policy as Policy;
  if (typeof policy !== 'object' || policy === null) {
    throw new SunshineInputError(fn, [{ code: 'missing', path, value: policy, expected: 'a policy object or a built-in policy id such as "jiangsu-2022"' }]);
  }
  const parsed = parseInput(PolicySchema, policy, fn, path);
  DEFINED.add(parsed);
  return parsed;
}
