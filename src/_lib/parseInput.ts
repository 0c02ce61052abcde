import * as z from 'zod/mini';
import { keepValue, SunshineInputError, type InputIssue } from '../errors';
import { keyPath } from './options';
import { toDotPath } from './path';
import { nearest } from './suggest';

export { toDotPath } from './path';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** What zod/mini says of an issue without a message of ours (it loads no locale). */
const NO_MESSAGE = 'Invalid input';

const SIZED: Readonly<Record<string, string>> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };

/**
 * What an issue expected, in words. The package's schemas give their own message (`expected …`)
 * wherever a user may err; for the other issues the words are those of zod's English locale
 * (`Too small: expected number to be >=0`), written here from the issue's fields, so that zod's
 * locale is not bundled, no global zod setting is touched, and a locale that the caller set for
 * their own zod does not change the package's messages.
 */
function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  // the package's own messages all begin with "expected "; any other is zod's (a locale that the
  // caller's zod may have set globally, or none), and is worded here from the issue's fields
  if (issue.message.startsWith('expected ')) return issue.message.slice('expected '.length);
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'nan' ? 'NaN' : issue.expected;
    case 'too_big':
    case 'too_small': {
      const [word, bound, sign] = issue.code === 'too_big' ? ['Too big', issue.maximum, '<'] : ['Too small', issue.minimum, '>'];
      const adj = issue.exact === true ? 'exactly ' : issue.inclusive === true ? `${sign}=` : sign;
      const unit = SIZED[issue.origin];
      return `${word}: expected ${issue.origin ?? 'value'} to ${unit === undefined ? 'be' : 'have'} ${adj}${String(bound)}${unit === undefined ? '' : ` ${unit}`}`;
    }
    case 'invalid_union': {
      // a discriminated union names the discriminator's values
      const options = (issue as { options?: readonly unknown[] }).options;
      return options !== undefined && options.length > 0 ? `Invalid discriminator value. Expected ${options.map((o) => `'${String(o)}'`).join(' | ')}` : NO_MESSAGE;
    }
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_element':
      return `Invalid value in ${issue.origin}`;
    default:
      return NO_MESSAGE;
  }
}

/** The keys of the object schema at `path` inside `schema` (through arrays, optionals, defaults and pipes). */
function shapeKeysAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  type Def = { shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType; innerType?: z.ZodMiniType; in?: z.ZodMiniType };
  const defOf = (s: z.ZodMiniType) => (s as unknown as { _zod: { def: Def } })._zod.def;
  const unwrap = (s: z.ZodMiniType): z.ZodMiniType => {
    const def = defOf(s);
    const inner = def.innerType ?? def.in;
    return inner === undefined ? s : unwrap(inner);
  };
  let at = unwrap(schema);
  for (const key of path) {
    const def = defOf(at);
    const next = typeof key === 'number' ? def.element : def.shape?.[String(key)];
    if (next === undefined) return [];
    at = unwrap(next);
  }
  return Object.keys(defOf(at).shape ?? {});
}

/**
 * Parses `input` with a zod schema at a public boundary; on failure raises
 * {@link SunshineInputError} naming each field path, the value and what was expected.
 * @internal
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, fn: string, prefix = ''): z.output<S> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.flatMap((issue): InputIssue[] => {
    const path = toDotPath(issue.path, prefix);
    if (issue.code === 'unrecognized_keys') {
      // a strict object's unknown keys, each named with the nearest known one (as the readers' strictObject does)
      const owner = valueAt(input, issue.path) as Record<string, unknown>;
      const known = shapeKeysAt(schema, issue.path);
      const expected = `one of ${known.map((k) => JSON.stringify(k)).join(', ')}`;
      return issue.keys.map((key) => ({ code: 'unknown-key', path: keyPath(path, key), value: keepValue(owner[key]), expected, suggestion: nearest(key, known) }));
    }
    const at = valueAt(input, issue.path);
    const value = at !== undefined || !('input' in issue) ? at : issue.input;
    const suggestion = issue.code === 'invalid_value' && typeof value === 'string' ? nearest(value, issue.values.filter((v): v is string => typeof v === 'string')) : undefined;
    return [
      {
        code: value === undefined ? 'missing' : 'invalid-value',
        path,
        value: keepValue(value),
        expected: expectedOf(issue),
        ...(suggestion === undefined ? {} : { suggestion }),
      },
    ];
  });
  throw new SunshineInputError(fn, issues, { cause: result.error });
}
