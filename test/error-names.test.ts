/**
 * Issue 20: "an error always names the caller's own function and field, never an inner one".
 * Every public function is called with a spread of wrong arguments; whenever it refuses with
 * SunshineInputError, the error must name that function (renderBulletin once let
 * reportingCompleteness's refusal through; formatPeriod once took the name to report as an argument).
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index';
import { SunshineInputError } from '../src/index';

const WRONG: unknown[][] = [
  [],
  [undefined],
  [null],
  [{}],
  ['x'],
  [[null]],
  [[{}]],
  [[], null],
  [[], {}],
  [[], 'x'],
  [[], { policy: 'nowhere-2099' }],
  [[], { by: 'town' }],
  [{}, {}],
  [{ from: '2024-02-30', to: '2024-03-31' }],
  ['2024-01-01', 'x'],
  [[{ institutionId: 1 }], { policy: 'jiangsu-2022', institutions: [{ id: 'A', level: 'x' }] }],
  [[{ period: 'x', measures: [null] }]],
  [[{ period: { from: 'x' }, measures: [] }]],
  [[{}], { policy: 'jiangsu-2022' }],
  [{ policy: 'jiangsu-2022', measures: [{}], by: 'city', period: { from: '2024-01-01' } }, { format: 'html', title: 't', asOf: '2024-01-01' }],
  [{ policy: 'jiangsu-2022', measures: [null], by: 'city', period: 'q' }, { format: 'html', title: 't', asOf: '2024-01-01' }],
  [{ policy: 'jiangsu-2022', measures: [], by: 'town', period: 'q' }, { format: 'html', title: 't', asOf: '2024-01-01' }],
];

describe('refusals name the function that was called', () => {
  const functions = Object.entries(api).filter(([name, f]) => typeof f === 'function' && /^[a-z]/.test(name));

  it('covers every public function', () => {
    expect(functions.length).toBeGreaterThan(40);
  });

  it('names the called function, whatever is wrong and wherever it is found', () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const [name, f] of functions) {
      for (const args of WRONG) {
        try {
          const out = (f as (...a: unknown[]) => unknown)(...args);
          // a generator refuses when first asked
          if (out !== null && typeof out === 'object' && typeof (out as Iterator<unknown>).next === 'function' && !(Symbol.asyncIterator in out)) (out as Iterator<unknown>).next();
        } catch (e) {
          if (!(e instanceof SunshineInputError)) continue;
          refusals++;
          if (e.fn !== name) wrong.push(`${name}(${JSON.stringify(args).slice(0, 60)}) refused as ${e.fn}: ${e.issues[0]?.path}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // most calls above are refused: the sweep is not vacuous
    expect(refusals).toBeGreaterThan(500);
  });
});
