import { inspect } from 'node:util';
import Decimal from 'decimal.js';
import { describe, expect, it, vi } from 'vitest';
import { keepValue, showValue } from '../src/errors';
import { aggregateRates, CalendarCoverageError, measureOnlineRates, SunshineInputError } from '../src/index';
import { refusal } from './_helpers/refusal';

describe('how a refusal shows the value it refused', () => {
  it('quotes strings, and cuts one of over 120 characters to 80 with its length', () => {
    expect(showValue('abc')).toBe('"abc"');
    expect(showValue('x'.repeat(120))).toBe(`"${'x'.repeat(120)}"`);
    // 121 characters: the first 80, an ellipsis, the length
    expect(showValue('x'.repeat(121))).toBe(`"${'x'.repeat(80)}… (121 characters)"`);
    expect(keepValue('y'.repeat(121))).toBe(`${'y'.repeat(80)}… (121 characters)`);
    expect(keepValue('y'.repeat(120))).toBe('y'.repeat(120));
    expect(keepValue(7)).toBe(7);
  });

  it('writes numbers, bigints, booleans, null and undefined as they are', () => {
    expect([showValue(1.5), showValue(10n), showValue(false), showValue(null), showValue(undefined), showValue(Number.NaN)]).toEqual(['1.5', '10', 'false', 'null', 'undefined', 'NaN']);
  });

  it('writes a Decimal as its digits, other objects as JSON cut to 80 characters, and what JSON cannot write by its type', () => {
    expect(showValue(new Decimal('12.50'))).toBe('12.5');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    const long = { text: 'z'.repeat(100) };
    expect(showValue(long)).toBe(`${JSON.stringify(long).slice(0, 80)}…`);
    // 80 characters exactly are not cut
    const eighty = { t: 'z'.repeat(80 - 8) };
    expect(JSON.stringify(eighty).length).toBe(80);
    expect(showValue(eighty)).toBe(JSON.stringify(eighty));
    expect(showValue(() => 1)).toBe('function');
    expect(showValue(Symbol('s'))).toBe('symbol');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(showValue(circular)).toBe('[object Object]');
    // a Decimal-like whose toString throws falls back to JSON
    const broken = { toFixed: () => '1', toString: () => { throw new Error('no'); } };
    expect(showValue(broken)).toBe('{}');
  });

  it('words every issue as "path expected …, got …", the whole input as "input"', () => {
    const e = new SunshineInputError('f', [
      { code: 'invalid-value', path: 'a.b', value: 'x', expected: 'a number' },
      { code: 'missing', path: '', value: undefined, expected: 'an object' },
    ]);
    expect(e.message).toBe('f: a.b expected a number, got "x"; input expected an object, got undefined');
    expect(e.name).toBe('SunshineInputError');
    expect(e.fn).toBe('f');
  });
});

describe('how a refusal names what it got (issue 25)', () => {
  it('names a Date, a Map and a Set as such, never as a string the caller passed', () => {
    expect(showValue(new Date(Date.UTC(2024, 0, 5)))).toBe('a Date (2024-01-05T00:00:00.000Z)');
    expect(showValue(new Date(Number.NaN))).toBe('an invalid Date');
    expect(showValue(new Map([['H01', {}], ['H02', {}]]))).toBe('a Map of 2 entries');
    expect(showValue(new Map([['H01', {}]]))).toBe('a Map of 1 entry');
    expect(showValue(new Set([1, 2, 3]))).toBe('a Set of 3 values');
    expect(showValue(new Set([1]))).toBe('a Set of 1 value');
  });

  it('says which in the messages of the functions that meet them', () => {
    const institutions = new Map([['H01', { id: 'H01', level: 'tertiary', ownership: 'public' }]]);
    expect(refusal(() => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: institutions as never }))).toBe(
      'measureOnlineRates: options.institutions expected array, got a Map of 1 entry',
    );
    const dated = [{ institutionId: 'H01', receivedOn: new Date(Date.UTC(2024, 0, 5)), category: 'drug', channel: 'platform', amount: '1' }];
    expect(refusal(() => measureOnlineRates(dated as never, { policy: 'jiangsu-2022', institutions: [...institutions.values()] as never, strict: true }))).toBe(
      'measureOnlineRates: lines[0].receivedOn expected a real civil date "YYYY-MM-DD", got a Date (2024-01-05T00:00:00.000Z)',
    );
  });

  it('words a choice as its choices, and names the one meant (no "expected Invalid input")', () => {
    expect(refusal(() => aggregateRates([], { by: 'City' as never }))).toBe(
      'aggregateRates: options.by expected "province", "city", "county" or a function (measure) => region key, got "City"; did you mean "city"?',
    );
    expect(refusal(() => aggregateRates([], { by: 'town' as never }))).toBe(
      'aggregateRates: options.by expected "province", "city", "county" or a function (measure) => region key, got "town"',
    );
    expect(refusal(() => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [{ id: 'A', level: 'Tertiary' as never, ownership: 'public' }] }))).toBe(
      'measureOnlineRates: options.institutions[0].level expected one of "tertiary", "secondary", "primary", "unrated", got "Tertiary"; did you mean "tertiary"?',
    );
  });
});

describe('SunshineInputError in a console (issue 25)', () => {
  it('prints the message and the issue, never a Decimal constructor or the whole input', () => {
    const e = new SunshineInputError('checkTargets', [{ code: 'invalid-value', path: 'measures[0].rate', value: new Decimal('0.5'), expected: 'a rate' }]);
    const shown = inspect(e);
    expect(shown.split('\n')[0]).toBe('SunshineInputError: checkTargets: measures[0].rate expected a rate, got 0.5');
    expect(shown).toContain('\n  fn: checkTargets, code: invalid-value');
    expect(shown).not.toMatch(/constructor|precision|ROUND_/);
    // a whole input given as the value is shown as the message shows it: cut to 80 characters
    const big = new SunshineInputError('f', [{ code: 'invalid-type', path: 'input', value: { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) }, expected: 'x' }]);
    expect(inspect(big).split('\n')[0]!.length).toBeLessThan(140);
  });

  it('lists each issue on a line of its own when there are several', () => {
    const e = new SunshineInputError('f', [
      { code: 'invalid-value', path: 'a', value: 1, expected: 'x' },
      { code: 'unknown-key', path: 'options.peroid', value: 1, expected: 'one of "period"', suggestion: 'period' },
    ]);
    const lines = inspect(e).split('\n');
    expect(lines).toContain('  fn: f, code: invalid-value, unknown-key');
    expect(lines).toContain('    - a expected x, got 1');
    expect(lines).toContain('    - options.peroid is not an option; did you mean "period"?');
  });
});

describe('instanceof across copies of the package (issue 25)', () => {
  it('holds for an error of another copy of the classes (as the ESM and CJS builds each define them)', async () => {
    vi.resetModules();
    // the same source loaded again under another URL: a second copy of every class, as a second build has
    const [errorsCopy, calendarCopy] = ['../src/errors?copy', '../src/calendar/calendar?copy'];
    const other = (await import(errorsCopy)) as typeof import('../src/errors');
    const otherCalendar = (await import(calendarCopy)) as typeof import('../src/calendar/calendar');
    expect(other.SunshineInputError).not.toBe(SunshineInputError);
    const theirs = new other.SunshineInputError('f', []);
    expect(theirs instanceof SunshineInputError).toBe(true);
    expect(theirs instanceof Error).toBe(true);
    expect(theirs instanceof CalendarCoverageError).toBe(false);
    const coverage = new otherCalendar.CalendarCoverageError('f', 'date', '2031-01-01', 2031, { from: 2019, to: 2026 });
    expect(coverage instanceof CalendarCoverageError).toBe(true);
    expect(coverage instanceof SunshineInputError).toBe(true);
    // and the reverse
    expect(new SunshineInputError('f', []) instanceof other.SunshineInputError).toBe(true);
    expect(new SunshineInputError('f', []) instanceof otherCalendar.CalendarCoverageError).toBe(false);
    // a plain object that only looks like one is not one
    expect(({ name: 'SunshineInputError', fn: 'f', issues: [] } as object) instanceof SunshineInputError).toBe(false);
    expect((null as unknown) instanceof SunshineInputError).toBe(false);
  });
});
