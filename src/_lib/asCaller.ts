import { SunshineInputError } from '../errors';

/**
 * Runs a public function's inner call so that its refusal names the caller's function and field:
 * a SunshineInputError of another function is thrown again as `fn`'s, each path renamed (the inner
 * error kept as the cause). Subclasses (a calendar's coverage) pass unchanged.
 * @internal
 */
export function asCaller<T>(fn: string, rename: (path: string) => string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof SunshineInputError) || e.constructor !== SunshineInputError || e.fn === fn) throw e;
    throw new SunshineInputError(fn, e.issues.map((i) => ({ ...i, path: rename(i.path) })), { cause: e });
  }
}
