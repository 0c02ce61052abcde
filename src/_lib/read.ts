/**
 * Readers: small hand-written validators that give what a zod schema of the same shape gives (the
 * same output, the same issues worded as parseInput words zod's), without zod. The rate engine,
 * checkTargets and the policy functions read their inputs with them, so that a bundle of those
 * needs no zod (issue 18); the public zod schemas stay for callers, and differential property tests
 * hold each reader to its schema (test/_lib/read.test.ts, test/policy/readPolicy.test.ts).
 *
 * zod's order and stops, mirrored: an object reads its fields in order and drops unknown keys; a
 * type, enum or union error stops the value (the refinements of what contains it do not run), a
 * length or refinement error does not (the value is kept, and the container's refinements see it);
 * an array's length check runs even when an element failed. A reader always returns a value, the
 * input itself where it stopped; readOrThrow throws when any issue was found.
 * @internal
 */
import { keepValue, SunshineInputError, type InputIssue, type InputIssueCode } from '../errors';
import { toDotPath } from './path';
import { nearest } from './suggest';

/** A problem found by a reader; `stop` marks a type error, after which refinements do not run. */
export interface ReadIssue {
  readonly path: readonly PropertyKey[];
  readonly value: unknown;
  readonly expected: string;
  readonly stop: boolean;
  /** The issue's code when it is neither `missing` nor `invalid-value` (an unknown key). */
  readonly code?: InputIssueCode;
  readonly suggestion?: string | undefined;
}

export type Read<T> = (value: unknown, path: readonly PropertyKey[], issues: ReadIssue[]) => T;

/** Records an issue; returns the value, so that a reader can stop with `return push(…)`. */
export const push = <T>(issues: ReadIssue[], path: readonly PropertyKey[], value: unknown, expected: string, stop: boolean): T => {
  issues.push({ path, value, expected, stop });
  return value as T;
};
const strip = (message: string) => (message.startsWith('expected ') ? message.slice('expected '.length) : message);
const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A check on a value of the right type: a message (`expected …`) when it fails. A length check
 * (`lengthOf`) also runs on a value of the wrong type that has a length, as zod's do.
 */
export type Check<T> = ((value: T) => string | null) & { readonly lengthOf?: true };

const hasLength = (v: unknown): v is { length: number } => v !== null && v !== undefined && typeof (v as { length?: unknown }).length === 'number';
/** The length checks of `checks` on a value that failed its type, as zod runs them. */
function lengthChecks(checks: readonly Check<never>[], value: unknown, path: readonly PropertyKey[], issues: ReadIssue[]): void {
  if (!hasLength(value)) return;
  for (const check of checks) {
    if (check.lengthOf !== true) continue;
    const message = (check as Check<{ length: number }>)(value);
    if (message !== null) push(issues, path, value, strip(message), false);
  }
}

/** A string, trimmed first if asked, then checked (every check runs). */
export function str(options: { readonly trim?: boolean } = {}, ...checks: Check<string>[]): Read<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string') {
      push(issues, path, value, 'string', true);
      lengthChecks(checks as Check<never>[], value, path, issues);
      return value as string;
    }
    const v = options.trim === true ? value.trim() : value;
    for (const check of checks) {
      const message = check(v);
      if (message !== null) push(issues, path, value, strip(message), false);
    }
    return v;
  };
}
export const minLength = (n: number, message: string): Check<{ length: number }> => Object.assign((v: { length: number }) => (v.length < n ? message : null), { lengthOf: true as const });
export const maxLength = (n: number, message: string): Check<{ length: number }> => Object.assign((v: { length: number }) => (v.length > n ? message : null), { lengthOf: true as const });
export const matches = (re: RegExp, message: string): Check<string> => (v) => (re.test(v) ? null : message);
export const refine = <T>(test: (v: T) => boolean, message: string): Check<T> => (v) => (test(v) ? null : message);

/** A safe integer from `min` to `max` (zod's `z.int().check(z.gte(min), z.lte(max))`). */
export function int(min: number, max: number): Read<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return push(issues, path, value, 'number', true);
    if (!Number.isInteger(value)) return push(issues, path, value, 'int', true);
    const found = [
      value > Number.MAX_SAFE_INTEGER ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` : null,
      value < Number.MIN_SAFE_INTEGER ? `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}` : null,
      value < min ? `Too small: expected number to be >=${min}` : null,
      value > max ? `Too big: expected number to be <=${max}` : null,
    ].filter((m): m is string => m !== null);
    for (const message of found) push(issues, path, value, message, false);
    return value;
  };
}

export const bool: Read<boolean> = (value, path, issues) => (typeof value === 'boolean' ? value : push(issues, path, value, 'boolean', true));
export const nul: Read<null> = (value, path, issues) => (value === null ? null : push(issues, path, value, 'null', true));

/** One of `values` (zod's enum or literal); a string near one of them is named (`"City"`: did you mean "city"?). */
export function oneOf<const V extends string>(values: readonly V[]): Read<V> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return (value, path, issues) => {
    if ((values as readonly unknown[]).includes(value)) return value as V;
    issues.push({ path, value, expected, stop: true, suggestion: typeof value === 'string' ? nearest(value, values) : undefined });
    return value as V;
  };
}

export const optional =
  <T>(read: Read<T>): Read<T | undefined> =>
  (value, path, issues) =>
    value === undefined ? undefined : read(value, path, issues);

/** `make()` for an absent value (a fresh one each time, as zod's default). */
export const withDefault =
  <T>(read: Read<T>, make: () => T): Read<T> =>
  (value, path, issues) =>
    value === undefined ? make() : read(value, path, issues);

/** An array of `read`, at least `min` long when a message is given. */
export function array<T>(read: Read<T>, min?: { readonly n: number; readonly message: string }): Read<T[]> {
  const checks = min === undefined ? [] : [minLength(min.n, min.message)];
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      push(issues, path, value, 'array', true);
      lengthChecks(checks as Check<never>[], value, path, issues);
      return value as T[];
    }
    const out = value.map((v, i) => read(v, [...path, i], issues));
    for (const check of checks) {
      const message = check(value);
      if (message !== null) push(issues, path, value, strip(message), false);
    }
    return out;
  };
}

type Shape = Readonly<Record<string, Read<unknown>>>;
type Out<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/**
 * An object of the fields of `shape`, in its order (a key in the output when the input has it or
 * its value is defined; other keys dropped); then `checks` on the whole, unless a field stopped.
 */
export type WholeCheck<O> = (out: O, input: Record<PropertyKey, unknown>, path: readonly PropertyKey[], issues: ReadIssue[]) => void;
export function object<S extends Shape>(shape: S, ...checks: WholeCheck<Out<S>>[]): Read<Out<S>> {
  return readObject(shape, false, checks);
}

/** {@link object}, refusing keys outside the shape (an options object, a period): each named with the nearest known key. */
export function strictObject<S extends Shape>(shape: S, ...checks: WholeCheck<Out<S>>[]): Read<Out<S>> {
  return readObject(shape, true, checks);
}

function readObject<S extends Shape>(shape: S, strict: boolean, checks: readonly WholeCheck<Out<S>>[]): Read<Out<S>> {
  const known = Object.keys(shape);
  return (value, path, issues) => {
    if (!isObject(value)) return push(issues, path, value, 'object', true);
    const first = issues.length;
    const out: Record<string, unknown> = {};
    for (const key of known) {
      const r = shape[key]!(value[key], [...path, key], issues);
      if (r !== undefined || key in value) out[key] = r;
    }
    if (strict) {
      for (const key of Object.keys(value)) {
        if (known.includes(key)) continue;
        const expected = `one of ${known.map((k) => JSON.stringify(k)).join(', ')}`;
        issues.push({ path: [...path, key], value: value[key], expected, stop: false, code: 'unknown-key', suggestion: nearest(key, known) });
      }
    }
    if (checks.length > 0 && !issues.slice(first).some((i) => i.stop)) for (const check of checks) check(out as Out<S>, value, path, issues);
    return out as Out<S>;
  };
}

/** One of several object shapes chosen by the value of `key` (zod's discriminatedUnion). */
export function byKey<T>(key: string, options: Readonly<Record<string, Read<T>>>): Read<T> {
  const names = Object.keys(options);
  return (value, path, issues) => {
    if (!isObject(value)) return push(issues, path, value, 'object', true);
    const tag = value[key];
    const read = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag] : undefined;
    // the value reported is the tag, or the whole object when it has none of its own (as parseInput reports zod's issue)
    if (read === undefined) return push(issues, [...path, key], Object.hasOwn(value, key) && tag !== undefined ? tag : value, `Invalid discriminator value. Expected ${names.map((n) => `'${n}'`).join(' | ')}`, true);
    return read(value, path, issues);
  };
}

/**
 * A record of string keys (zod's `z.record`): each key read with `key` (a refused key is reported
 * as zod reports it, at the key, with the entry's value), each value with `read`.
 */
export function record<T>(key: Read<string>, read: Read<T>): Read<Record<string, T>> {
  return (value, path, issues) => {
    if (!isObject(value)) return push(issues, path, value, 'record', true);
    const out: Record<string, T> = {};
    for (const k of Object.keys(value)) {
      const keyIssues: ReadIssue[] = [];
      key(k, [...path, k], keyIssues);
      if (keyIssues.length > 0) {
        push(issues, [...path, k], value[k], 'Invalid key in record', true);
        continue;
      }
      out[k] = read(value[k], [...path, k], issues);
    }
    return out;
  };
}

/**
 * The first of `reads` that takes the value without an issue (zod's union); none: `expected`,
 * with the suggestion of the first read that had one (a near miss of an enum among the choices).
 */
export function either<T>(expected: string, ...reads: Read<T>[]): Read<T> {
  return (value, path, issues) => {
    let suggestion: string | undefined;
    for (const read of reads) {
      const tried: ReadIssue[] = [];
      const out = read(value, path, tried);
      if (tried.length === 0) return out;
      suggestion ??= tried.find((i) => i.suggestion !== undefined)?.suggestion;
    }
    issues.push({ path, value, expected, stop: true, suggestion });
    return value as T;
  };
}

/** A value that passes `test` (zod's `z.custom`), else the message. */
export const custom =
  <T>(test: (v: unknown) => boolean, message: string): Read<T> =>
  (value, path, issues) =>
    test(value) ? (value as T) : push(issues, path, value, strip(message), true);

/** Reads `value` with `read`, or throws SunshineInputError with every issue worded as parseInput words zod's. */
export function readOrThrow<T>(read: Read<T>, value: unknown, fn: string, prefix = ''): T {
  const issues: ReadIssue[] = [];
  const out = read(value, [], issues);
  if (issues.length === 0) return out;
  throw new SunshineInputError(
    fn,
    issues.map(
      (i): InputIssue => ({
        code: i.code ?? (i.value === undefined ? 'missing' : 'invalid-value'),
        path: toDotPath(i.path, prefix),
        value: keepValue(i.value),
        expected: i.expected,
        ...(i.suggestion === undefined ? {} : { suggestion: i.suggestion }),
      }),
    ),
  );
}
