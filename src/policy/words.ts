/**
 * The words of a policy's refusals, shared by PolicySchema (zod) and readPolicy, which must word them
 * alike (test/policy/readPolicy.test.ts) and need not carry them twice.
 * @internal
 */
export const NON_EMPTY_TEXT = 'expected a non-empty text';
export const AT_LEAST_ONE_SUBJECT = 'expected at least one of "institution", "region"';
export const KEBAB_ID = 'expected a kebab-case id';
export const POLICY_ID = 'expected a kebab-case id such as "zhejiang-2024"';
export const AT_LEAST_ONE_ISSUER = 'expected at least one issuer';
export const AT_LEAST_ONE_OWNERSHIP = 'expected at least one ownership';
export const AT_LEAST_ONE_LEVEL = 'expected at least one level';
export const EACH_MEASURE_ONCE = 'expected each measure once';
export const EACH_KIND_ONCE = 'expected each kind once';
export const EACH_DEADLINE_ONCE = 'expected each deadline id once';
