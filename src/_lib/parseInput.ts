import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { keepValue, SunshineInputError, type InputIssue } from '../errors';

/** Formats a zod path as a dot path: `['lines', 3, 'amount']` → `lines[3].amount`. */
export function toDotPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

let english: z.core.$ZodErrorMap | undefined;
/** zod's English error map, made on first use. */
function englishErrors(): z.core.$ZodErrorMap {
  return (english ??= en().localeError);
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  const msg = issue.message.replace(/^Invalid input: /, '').replace(/, received .*$/, '');
  return msg.startsWith('expected ') ? msg.slice('expected '.length) : msg;
}

/**
 * Parses `input` with a zod schema at a public boundary; on failure raises
 * {@link SunshineInputError} naming each field path, the value and what was expected.
 * @internal
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, fn: string, prefix = ''): z.output<S> {
  // zod's English messages for this parse only (zod/mini loads no locale, and z.config would change the caller's zod)
  const result = z.safeParse(schema, input, { reportInput: true, error: englishErrors() });
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => {
    const at = valueAt(input, issue.path);
    const value = at !== undefined || !('input' in issue) ? at : issue.input;
    return {
      code: value === undefined ? 'missing' : 'invalid-value',
      path: toDotPath(issue.path, prefix),
      value: keepValue(value),
      expected: expectedOf(issue),
    };
  });
  throw new SunshineInputError(fn, issues, { cause: result.error });
}
