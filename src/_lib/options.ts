/**
 * Options are strict, data is lenient (DESIGN.md): an options object (or an argument object such
 * as onlinePurchaseRate's) with a key the function does not know is refused, naming the key and
 * the nearest known one, so that a misspelt `peroid` cannot silently count every date. Lines,
 * institutions and rows keep ignoring extra fields: real exports carry more columns.
 * @internal
 */
import { keepValue, SunshineInputError, type InputIssue } from '../errors';
import { nearest } from './suggest';

const isIdentifier = (key: string) => /^[A-Za-z_$][\w$]*$/.test(key);

/** `options.key`, or `options["a key"]` when the key is not an identifier. */
export const keyPath = (path: string, key: string): string => (!isIdentifier(key) ? `${path}[${JSON.stringify(key)}]` : path === '' ? key : `${path}.${key}`);

/** The unknown-key issues of `value` (an object; anything else has none here: its type is refused elsewhere). */
export function unknownKeys(value: unknown, known: readonly string[], path: string): InputIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const issues: InputIssue[] = [];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    issues.push({
      code: 'unknown-key',
      path: keyPath(path, key),
      value: keepValue((value as Record<string, unknown>)[key]),
      expected: `one of ${known.map((k) => JSON.stringify(k)).join(', ')}`,
      suggestion: nearest(key, known),
    });
  }
  return issues;
}

/**
 * Refuses an options object with a key not in `known`: `fn: options.peroid is not an option; did
 * you mean "period"?`. Anything but a plain object passes (its type is checked where it is read).
 */
export function strictKeys(value: unknown, known: readonly string[], fn: string, path = 'options'): void {
  const issues = unknownKeys(value, known, path);
  if (issues.length > 0) throw new SunshineInputError(fn, issues);
}
