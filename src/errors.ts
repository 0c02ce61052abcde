/**
 * The package's own errors. Every bad input raises {@link SunshineInputError}
 * (or a subclass) whose message names the field path, the value and what was
 * expected; never a bare `TypeError`, `NaN` or `Infinity`.
 */

/** What went wrong with one input field. */
export type InputIssueCode =
  | 'invalid-type'
  | 'invalid-value'
  | 'invalid-date'
  | 'invalid-amount'
  | 'missing'
  | 'unknown-id'
  | 'duplicate'
  | 'out-of-range';

/**
 * One problem with one input field, zod-style: a code, a dot path
 * (`lines[41].amount`), the value seen and what was expected.
 */
export interface InputIssue {
  readonly code: InputIssueCode;
  /** Dot path of the field, e.g. `lines[41].amount`; `''` for the whole input. */
  readonly path: string;
  /** The value seen (strings over 120 characters are cut to 80, with their length). */
  readonly value: unknown;
  /** What was expected, in words, e.g. `a decimal amount such as "1234.56"`. */
  readonly expected: string;
}

const MAX_SHOWN = 80;
/** Strings already cut by keepValue are at most this long. */
const MAX_KEPT = 120;

/** Shows a value in a message: strings quoted and cut, other values JSON-like. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    const cut = value.length > MAX_KEPT ? `${value.slice(0, MAX_SHOWN)}… (${value.length} characters)` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (typeof value === 'object' && value !== null && typeof (value as { toFixed?: unknown }).toFixed === 'function') {
    // a Decimal; a broken one (its constructor replaced) falls through to JSON below
    try {
      return String(value);
    } catch {
      // shown below
    }
  }
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return typeof value;
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Keeps a value for an issue, cutting very long strings (with their length) so errors stay small. */
export function keepValue(value: unknown): unknown {
  if (typeof value === 'string' && value.length > MAX_KEPT) return `${value.slice(0, MAX_SHOWN)}… (${value.length} characters)`;
  return value;
}

function describeIssue(issue: InputIssue): string {
  const at = issue.path === '' ? 'input' : issue.path;
  return `${at} expected ${issue.expected}, got ${showValue(issue.value)}`;
}

/**
 * Bad input: raised by every public function for invalid options, policies and
 * (in strict mode) purchase lines.
 *
 * @category Errors
 * @example
 * try { getPolicy('jiangsu-2099'); } catch (e) { e instanceof SunshineInputError; } //=> true
 */
export class SunshineInputError extends Error {
  override readonly name: string = 'SunshineInputError';
  /** The public function that refused the input. */
  readonly fn: string;
  /** Every problem found, each with its field path, value and expectation. */
  readonly issues: readonly InputIssue[];

  constructor(fn: string, issues: readonly InputIssue[], options?: ErrorOptions) {
    super(`${fn}: ${issues.map(describeIssue).join('; ')}`, options);
    this.fn = fn;
    this.issues = issues;
  }
}

/**
 * The refusal of one field: `new SunshineInputError(fn, [{ code, path, value, expected }])`, written
 * once (the package refuses in about a hundred places).
 * @internal
 */
export const inputError = (fn: string, path: string, value: unknown, expected: string, code: InputIssueCode = 'invalid-value'): SunshineInputError =>
  new SunshineInputError(fn, [{ code, path, value, expected }]);
