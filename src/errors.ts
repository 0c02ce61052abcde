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
  | 'unknown-key'
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
  /** The known key or value nearest the one given, when one is near (`'period'` for `'peroid'`). */
  readonly suggestion?: string | undefined;
}

const MAX_SHOWN = 80;
/** Strings already cut by keepValue are at most this long. */
const MAX_KEPT = 120;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Shows a value in a message: strings quoted and cut, a Decimal by its digits, a Date, Map or Set
 * named as such (so that none reads like a string the caller passed), other values JSON-like.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    const cut = value.length > MAX_KEPT ? `${value.slice(0, MAX_SHOWN)}… (${value.length} characters)` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : `a Date (${value.toISOString()})`;
  if (value instanceof Map) return `a Map of ${plural(value.size, 'entry', 'entries')}`;
  if (value instanceof Set) return `a Set of ${plural(value.size, 'value', 'values')}`;
  if (typeof value === 'object' && typeof (value as { toFixed?: unknown }).toFixed === 'function') {
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

/**
 * A value as JSON can carry it: itself where JSON keeps it as it is, else its text (a bigint's digits,
 * `'NaN'`, a Decimal's digits, a Date's ISO text, a Map's or a function's description). The JSON state
 * of an accumulator keeps rejected values so, and a warning shows them so, alike on every path.
 * @internal
 */
export function jsonValue(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'object' && !(value instanceof Map) && !(value instanceof Set)) {
    try {
      const text = JSON.stringify(value);
      const back: unknown = JSON.parse(text);
      // kept when JSON gives it back as it wrote it (not {"a":NaN} → {"a":null}, which a second trip would keep)
      if (JSON.stringify(back) === text) return back;
    } catch {
      // a bigint inside, a cycle: its description below
    }
  }
  return typeof value === 'bigint' ? String(value) : showValue(value);
}

/** Keeps a value for an issue, cutting very long strings (with their length) so errors stay small. */
export function keepValue(value: unknown): unknown {
  if (typeof value === 'string' && value.length > MAX_KEPT) return `${value.slice(0, MAX_SHOWN)}… (${value.length} characters)`;
  return value;
}

/** The object a key belongs to, for "is not an option" / "is not a field of …". */
function ownerOf(path: string): string {
  const parent = path.replace(/(\.[^.[\]]*|\[[^\]]*\])$/, '');
  return parent === 'options' ? 'an option' : `a field of ${parent === '' || parent === path ? 'the input' : parent}`;
}

function describeIssue(issue: InputIssue): string {
  const at = issue.path === '' ? 'input' : issue.path;
  const hint = issue.suggestion === undefined ? '' : `; did you mean ${JSON.stringify(issue.suggestion)}?`;
  if (issue.code === 'unknown-key') return `${at} is not ${ownerOf(issue.path)}${hint || ` (expected ${issue.expected})`}`;
  return `${at} expected ${issue.expected}, got ${showValue(issue.value)}${hint}`;
}

/** Brands that make `instanceof` hold for the package's errors from any copy of it (the ESM and CJS builds, two versions). */
/** @internal */
export const ERROR_KIND: unique symbol = Symbol.for('sunshine-procurement.error-kind') as never;
const KINDS = Symbol.for('sunshine-procurement.error-kinds');
const ordinaryInstanceOf = Function.prototype[Symbol.hasInstance];

/** The kinds of a class and of the classes it extends, e.g. `['CalendarCoverageError', 'SunshineInputError']`. */
function kindsOf(cls: unknown): string[] {
  const kinds: string[] = [];
  for (let c = cls; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, ERROR_KIND)) kinds.push((c as unknown as Record<symbol, string>)[ERROR_KIND]!);
  }
  return kinds;
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
  /** @internal */
  static readonly [ERROR_KIND]: string = 'SunshineInputError';

  /**
   * True for an error of this class (or a subclass) thrown by any copy of the package: the ESM and
   * CJS builds each define the class, and an application that both imports and requires the
   * package meets both.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // a class of the package has its own kind; a caller's subclass has none, and is tested as usual
    const kind = (Object.hasOwn(this, ERROR_KIND) && (this as unknown as Record<symbol, string>)[ERROR_KIND]) || '';
    return ordinaryInstanceOf.call(this, value) || (kind !== '' && ((value as Record<symbol, string[]> | null)?.[KINDS]?.includes(kind) ?? false));
  }

  override readonly name: string = 'SunshineInputError';
  /** The public function that refused the input. */
  declare readonly fn: string;
  /** Every problem found, each with its field path, value and expectation. */
  declare readonly issues: readonly InputIssue[];

  constructor(fn: string, issues: readonly InputIssue[], options?: ErrorOptions) {
    super(`${fn}: ${issues.map(describeIssue).join('; ')}`, options);
    // not enumerable: Node prints an uncaught error's own enumerable fields without custom
    // inspection, and an issue's value (a Decimal, with decimal.js's whole class as its own
    // `constructor` field, or a whole input) would follow the message by the kilobyte
    Object.defineProperties(this, {
      fn: { value: fn, enumerable: false },
      issues: { value: issues, enumerable: false },
      [KINDS]: { value: kindsOf(new.target) },
    });
  }

  /** `JSON.stringify` of the error: its name, message, function and issues (values as the message shows them). */
  toJSON(): { name: string; message: string; fn: string; issues: readonly InputIssue[] } {
    return { name: this.name, message: this.message, fn: this.fn, issues: this.issues.map((i) => ({ ...i, value: showValue(i.value) })) };
  }

  /**
   * How Node's `console.log` and `util.inspect` show the error: the stack (the message first), the
   * function and the issues' codes, and each issue on a line when there are several; values as the
   * message shows them, never a Decimal's class or a whole input.
   * @internal
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const list = this.issues.length > 1 ? this.issues.map((i) => `\n    - ${describeIssue(i)}`).join('') : '';
    return `${this.stack}\n  fn: ${this.fn}, code: ${this.issues.map((i) => i.code).join(', ')}${list}`;
  }
}

/**
 * The refusal of one field: `new SunshineInputError(fn, [{ code, path, value, expected }])`, written
 * once (the package refuses in about a hundred places).
 * @internal
 */
export const inputError = (fn: string, path: string, value: unknown, expected: string, code: InputIssueCode = 'invalid-value'): SunshineInputError =>
  new SunshineInputError(fn, [{ code, path, value, expected }]);
