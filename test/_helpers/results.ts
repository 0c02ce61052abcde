import { SunshineInputError } from '../../src/index';

/** A result as plain comparable data: Decimals as their strings, undefined fields dropped. */
export const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x)) as unknown;

/** The SunshineInputError (or subclass) that fn throws; any other outcome fails the test. */
export function inputError(fn: () => unknown): SunshineInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SunshineInputError) return e;
    throw e;
  }
  throw new Error('expected a SunshineInputError');
}
