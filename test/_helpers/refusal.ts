import { expect } from 'vitest';
import { SunshineInputError } from '../../src/index';

/** The message of the package's refusal that `f` throws; fails if it throws anything else or nothing. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SunshineInputError);
    return (e as SunshineInputError).message;
  }
  throw new Error('accepted');
}

/** The message of whatever `f` throws (the spreadsheet functions throw plain Errors); fails if it answers. */
export function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('answered');
}
