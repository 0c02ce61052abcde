import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ratesFromSQL, SunshineInputError, type RatesFromSQLInput, type RatesFromSQLOptions } from '../../src/index';
import { inputError } from '../_helpers/results';

/**
 * ratesFromSQL on hand-written rows: the forms drivers give values in, and every refusal naming
 * the row, the column and the value.
 */
const institutions = [
  { id: 'H1', level: 'tertiary', ownership: 'public' },
  { id: 'H2', level: 'primary', ownership: 'public' }, // out of jiangsu-2022's scope (secondary and above)
] as const;
const options: RatesFromSQLOptions = { policy: 'jiangsu-2022', institutions: [...institutions] };
const zeros = [0, '0', 0, '0', 0, '0'];
/**
 * H1's drugs: 850 on the platform, 30 emergency, 120 offline (3 lines, 1000 included); 50 received
 * outside the period; one line of H2's (primary: out of scope) for 7; a line without an amount and
 * one of an unknown institution for 5.50. Input: 7 lines, 1000 + 50 + 7 + 5.50 = 1062.50.
 */
const good = (): { measures: unknown[][]; ledger: unknown[][] } => ({
  measures: [
    ['H1', 'drug', '850.00', '1000.00', '30.00', 3, 1, '50.00', 0, '0', 0, '0'],
    ['H1', 'consumable', '0', '0', '0', 0, ...zeros],
  ],
  ledger: [
    ['input', null, 7, '1062.50'],
    ['included', null, 3, '1000.00'],
    ['excluded', 'outside-period', 1, '50.00'],
    ['excluded', 'institution-out-of-scope', 1, '7.00'],
    ['rejected', 'invalid:amount', 1, '0'],
    ['rejected', 'unknown-institution', 1, '5.50'],
  ],
});

describe('ratesFromSQL reads', () => {
  it('a hand-worked run: rate, exclusions by reason, the ledger with rejected lines counted by reason', () => {
    const { measures, ledger } = ratesFromSQL(good(), options);
    // 850 / 1000 = 0.85; 30 of the 1000 emergency (jiangsu-2022 annex 2: it stays in the denominator)
    expect(measures.map((m) => [m.institutionId, m.measure, m.rate?.toFixed(), m.status, m.lines])).toEqual([
      ['H1', 'drug', '0.85', 'ok', 3],
      ['H1', 'consumable', undefined, 'no-purchases', 0],
    ]);
    expect(measures[0]!.excluded['outside-period']?.amount.toFixed()).toBe('50');
    expect(measures[0]!.citation).toEqual({ policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: expect.any(String) });
    // 7 lines = 3 included + 2 excluded + 2 rejected; 1062.50 = 1000 + (50 + 7) + (0 + 5.50): balanced
    expect([ledger.input.lines, ledger.included.lines, ledger.excluded.lines, ledger.rejected.lines]).toEqual([7, 3, 2, 2]);
    expect([ledger.excluded.amount.toFixed(), ledger.rejected.amount.toFixed()]).toEqual(['57', '5.5']);
    expect(ledger.balanced).toBe(true);
    expect(ledger.rejected.reasons).toEqual([]);
    expect(Object.entries(ledger.rejected.byReason ?? {}).map(([k, t]) => [k, t.lines, t.amount.toFixed()])).toEqual([
      ['invalid:amount', 1, '0'],
      ['unknown-institution', 1, '5.5'],
    ]);
  });

  it('rows as objects keyed by column name', () => {
    const names = ['institution_id', 'measure', 'platform_amount', 'total_amount', 'emergency_amount', 'included_lines', 'outside_period_lines', 'outside_period_amount', 'excluded_kind_lines', 'excluded_kind_amount', 'missing_insurance_code_lines', 'missing_insurance_code_amount'];
    const g = good();
    const asObjects: RatesFromSQLInput = {
      measures: g.measures.map((r) => Object.fromEntries(names.map((n, k) => [n, r[k]]))),
      ledger: g.ledger.map((r) => ({ outcome: r[0], reason: r[1], lines: r[2], amount: r[3] })),
    };
    expect(ratesFromSQL(asObjects, options)).toEqual(ratesFromSQL(g, options));
  });

  it('rows from any iterable (a Set, a generator), and a reason left undefined where it must be null', () => {
    const g = good();
    function* rows<T>(xs: readonly T[]) {
      yield* xs;
    }
    expect(ratesFromSQL({ measures: new Set(g.measures), ledger: rows(g.ledger) }, options)).toEqual(ratesFromSQL(good(), options));
    g.ledger[0] = ['input', undefined, 7, '1062.50']; // a driver that leaves NULL undefined
    expect(ratesFromSQL(g, options)).toEqual(ratesFromSQL(good(), options));
  });

  it('amounts as safe integers, bigints, strings with an exponent, DuckDB decimal values and decimal.js Decimals; counts as bigints and digit strings', () => {
    const g = good();
    // DuckDB's DECIMAL(18, 2) value 85000 / 10^2 = 850.00; 1E+3 = 1000; 30 a safe integer; 3 lines a bigint; 50.000 a Decimal
    g.measures[0] = ['H1', 'drug', { width: 18, scale: 2, value: BigInt(85000) }, '1E+3', 30, BigInt(3), '1', new Decimal('50.000'), 0, '0', 0, '0'];
    expect(ratesFromSQL(g, options)).toEqual(ratesFromSQL(good(), options));
    g.measures[0]![2] = { width: 18, scale: 2, value: BigInt(-5) }; // -0.05: a return larger than the purchases
    expect(ratesFromSQL(g, options).measures[0]!.platformAmount.toFixed()).toBe('-0.05');
  });
});

describe('ratesFromSQL refuses', () => {
  const refuse = (change: (g: ReturnType<typeof good>) => void) => {
    const g = good();
    change(g);
    return inputError(() => ratesFromSQL(g, options)).message;
  };

  it('a result that is not the rows of the two queries', () => {
    expect(inputError(() => ratesFromSQL(null as never, options)).message).toBe('ratesFromSQL: result expected { measures, ledger }: the rows of the compiled measures and ledger queries, got null');
    expect(inputError(() => ratesFromSQL({ measures: 'rows', ledger: [] } as never, options)).message).toBe('ratesFromSQL: result.measures expected the rows of the compiled measures query (an array), got "rows"');
    expect(refuse((g) => (g.measures[1] = 'H1' as never))).toBe('ratesFromSQL: result.measures[1] expected a row: an array in column order or an object keyed by column name, got "H1"');
    expect(() => ratesFromSQL(good(), { policy: 'jiangsu-2099' as never, institutions: [] })).toThrow(SunshineInputError);
  });

  it('rows that are not an iterable of rows, naming the result set or the row', () => {
    const g = good();
    for (const [bad, shown] of [[null, 'null'], [undefined, 'undefined'], [42, '42'], [{ length: 0 }, '{"length":0}']] as const) {
      expect(inputError(() => ratesFromSQL({ measures: bad, ledger: g.ledger } as never, options)).message).toBe(`ratesFromSQL: result.measures expected the rows of the compiled measures query (an array), got ${shown}`);
      expect(inputError(() => ratesFromSQL({ measures: g.measures, ledger: bad } as never, options)).message).toBe(`ratesFromSQL: result.ledger expected the rows of the compiled ledger query (an array), got ${shown}`);
    }
    expect(refuse((g) => (g.measures[1] = null as never))).toBe('ratesFromSQL: result.measures[1] expected a row: an array in column order or an object keyed by column name, got null');
    expect(refuse((g) => (g.ledger[0] = 7 as never))).toBe('ratesFromSQL: result.ledger[0] expected a row: an array in column order or an object keyed by column name, got 7');
  });

  it('a result or options that are not objects, naming them', () => {
    for (const bad of ['rows', 42]) {
      expect(inputError(() => ratesFromSQL(bad as never, options)).message).toBe(`ratesFromSQL: result expected { measures, ledger }: the rows of the compiled measures and ledger queries, got ${JSON.stringify(bad)}`);
    }
    // the policy id where the options belong, and no options at all
    expect(inputError(() => ratesFromSQL(good(), 'jiangsu-2022' as never)).message).toBe('ratesFromSQL: options expected an options object { policy, institutions, period? }, got "jiangsu-2022"');
    expect(inputError(() => ratesFromSQL(good(), null as never)).message).toBe('ratesFromSQL: options expected an options object { policy, institutions, period? }, got null');
  });

  it('an id or a measure that is not a text', () => {
    expect(refuse((g) => (g.measures[0]![0] = 1))).toBe('ratesFromSQL: result.measures[0].institution_id expected a text, got 1');
    expect(refuse((g) => (g.measures[1]![1] = null))).toBe('ratesFromSQL: result.measures[1].measure expected a text, got null');
    expect(refuse((g) => (g.ledger[1]![0] = null))).toBe('ratesFromSQL: result.ledger[1].outcome expected a text, got null');
  });

  it('a row without a needed column, naming the column', () => {
    expect(refuse((g) => (g.measures[0] = g.measures[0]!.slice(0, 5)))).toBe(
      'ratesFromSQL: result.measures[0].included_lines expected a value in column 6 (included_lines) of 12: institution_id, measure, platform_amount, total_amount, emergency_amount, included_lines, outside_period_lines, outside_period_amount, excluded_kind_lines, excluded_kind_amount, missing_insurance_code_lines, missing_insurance_code_amount, got undefined',
    );
    expect(inputError(() => ratesFromSQL({ measures: [], ledger: [{ outcome: 'input', reason: null, amount: '1' }] }, { ...options, institutions: [] })).message).toBe(
      'ratesFromSQL: result.ledger[0].lines expected a column "lines" (the ledger query returns outcome, reason, lines, amount), got undefined',
    );
  });

  it('an amount that is not an exact decimal, or a count that is not a line count', () => {
    expect(refuse((g) => (g.measures[0]![3] = '1,000.00'))).toMatch(/^ratesFromSQL: result\.measures\[0\]\.total_amount expected an exact decimal below 10\^46 with at most 30 decimals: .*, got "1,000.00"$/);
    // a double such as 999.99 may already have lost digits (getRowsJS, decimalNumbers): refused
    expect(refuse((g) => (g.measures[0]![3] = 999.99))).toMatch(/total_amount expected an exact decimal.*got 999\.99$/);
    expect(refuse((g) => (g.measures[0]![3] = null))).toMatch(/total_amount expected an exact decimal.*got null$/);
    expect(refuse((g) => (g.measures[0]![5] = -1))).toBe('ratesFromSQL: result.measures[0].included_lines expected a line count: a non-negative safe integer, as a number, a bigint or a string of digits, got -1');
    expect(refuse((g) => (g.ledger[0]![2] = '6.5'))).toMatch(/result\.ledger\[0\]\.lines expected a line count.*got "6.5"$/);
  });

  it('an amount where no line was counted: a sum of no lines is 0', () => {
    expect(refuse((g) => (g.measures[0]![6] = 0))).toBe('ratesFromSQL: result.measures[0].outside_period_amount expected 0: the sum of no lines (outside_period_lines is 0), got "50.00"');
    expect(refuse((g) => (g.measures[1]![3] = '5'))).toBe('ratesFromSQL: result.measures[1].total_amount expected 0: the sum of no lines (included_lines is 0), got "5"');
    expect(refuse((g) => (g.ledger[5]![2] = 0))).toBe('ratesFromSQL: result.ledger[5].amount expected 0: the sum of no lines (lines is 0), got "5.50"');
    // a zero written any way is 0: '0.00', '-0', DuckDB's 0 at scale 2
    expect(() => ratesFromSQL({ ...good(), measures: [good().measures[0]!, ['H1', 'consumable', '0.00', '-0', { width: 18, scale: 2, value: BigInt(0) }, 0, ...zeros]] }, options)).not.toThrow();
  });

  it('an institution that is not in options.institutions, or out of the policy’s scope', () => {
    expect(refuse((g) => (g.measures[0]![0] = 'H9'))).toBe('ratesFromSQL: result.measures[0].institution_id expected the id of one of options.institutions (the queries ran on another institutions table?), got "H9"');
    expect(refuse((g) => (g.measures[0]![0] = 'H2'))).toBe('ratesFromSQL: result.measures[0].institution_id expected an institution in the scope of jiangsu-2022 (the queries were compiled from another policy?), got "H2"');
  });

  it('an unknown measure, outcome or reason', () => {
    expect(refuse((g) => (g.measures[1]![1] = 'consumable-high-value'))).toBe('ratesFromSQL: result.measures[1].measure expected one of the measures of jiangsu-2022: "drug", "consumable", got "consumable-high-value"');
    expect(refuse((g) => (g.ledger[1]![0] = 'kept'))).toBe('ratesFromSQL: result.ledger[1].outcome expected one of "input", "included", "excluded", "rejected", got "kept"');
    expect(refuse((g) => (g.ledger[4]![1] = 'invalid:price'))).toMatch(/^ratesFromSQL: result\.ledger\[4\]\.reason expected one of "invalid:institutionId", .*"unknown-institution", got "invalid:price"$/);
    expect(refuse((g) => (g.ledger[2]![1] = 'too-expensive'))).toMatch(/result\.ledger\[2\]\.reason expected one of "institution-out-of-scope", .*, got "too-expensive"$/);
    expect(refuse((g) => (g.ledger[1]![1] = 'outside-period'))).toBe('ratesFromSQL: result.ledger[1].reason expected null for the included row, got "outside-period"');
  });

  it('a repeated or missing row', () => {
    expect(refuse((g) => g.measures.push([...g.measures[0]!]))).toBe('ratesFromSQL: result.measures[2] expected one row per institution and measure (is institutions.id unique?), got "H1 drug"');
    expect(refuse((g) => g.measures.pop())).toBe(
      'ratesFromSQL: result.measures expected a row for every in-scope institution of options.institutions and every measure of the policy (the queries ran on another institutions table?), got "H1 consumable"',
    );
    expect(refuse((g) => g.ledger.shift())).toBe('ratesFromSQL: result.ledger expected an "input" row (the rows of the compiled ledger query), got undefined');
    expect(refuse((g) => g.ledger.push(['included', null, 3, '1000.00']))).toBe('ratesFromSQL: result.ledger[6] expected one row per outcome and reason, got "included/"');
  });

  it('a ledger that does not agree with the measures (rows of two different runs)', () => {
    // the same 3 included lines, but 999.00 of them where the measures rows sum to 850 + 150 = 1000.00
    expect(refuse((g) => (g.ledger[1]![3] = '999.00'))).toBe(
      'ratesFromSQL: result.ledger[1] expected 3 lines, 1000, as the measures rows give (were both queries run on the same data, policy and period?), got "included: 3 lines, 999"',
    );
    expect(refuse((g) => (g.ledger[1]![2] = 4))).toBe(
      'ratesFromSQL: result.ledger[1] expected 3 lines, 1000, as the measures rows give (were both queries run on the same data, policy and period?), got "included: 4 lines, 1000"',
    );
    expect(refuse((g) => g.ledger.splice(2, 1))).toBe(
      'ratesFromSQL: result.ledger expected 1 lines, 50, as the measures rows give (were both queries run on the same data, policy and period?), got "excluded/outside-period: 0 lines, 0"',
    );
  });
});

describe('ratesFromSQL’s refusals carry the code of the issue', () => {
  const code = (change: (g: ReturnType<typeof good>) => void) => {
    const g = good();
    change(g);
    return inputError(() => ratesFromSQL(g, options)).issues.map((i) => [i.code, i.path]);
  };

  it('for each kind of problem', () => {
    expect(inputError(() => ratesFromSQL(null as never, options)).issues.map((i) => [i.code, i.path])).toEqual([['invalid-type', 'result']]);
    expect(code((g) => (g.measures = 'rows' as never))).toEqual([['invalid-type', 'result.measures']]);
    expect(code((g) => (g.measures[1] = 'H1' as never))).toEqual([['invalid-type', 'result.measures[1]']]);
    expect(code((g) => (g.measures[0] = g.measures[0]!.slice(0, 5)))).toEqual([['missing', 'result.measures[0].included_lines']]);
    expect(code((g) => (g.measures[0]![6] = 0))).toEqual([['invalid-value', 'result.measures[0].outside_period_amount']]);
    expect(code((g) => (g.ledger[0] = { outcome: 'input', reason: null, amount: '1' } as never))).toEqual([['missing', 'result.ledger[0].lines']]);
    expect(code((g) => (g.measures[0]![0] = 1))).toEqual([['invalid-value', 'result.measures[0].institution_id']]);
    expect(code((g) => (g.measures[0]![3] = '1,000.00'))).toEqual([['invalid-amount', 'result.measures[0].total_amount']]);
    expect(code((g) => (g.measures[0]![5] = -1))).toEqual([['invalid-value', 'result.measures[0].included_lines']]);
    expect(code((g) => (g.measures[0]![0] = 'H9'))).toEqual([['unknown-id', 'result.measures[0].institution_id']]);
    expect(code((g) => (g.measures[0]![0] = 'H2'))).toEqual([['invalid-value', 'result.measures[0].institution_id']]);
    expect(code((g) => (g.measures[1]![1] = 'consumable-high-value'))).toEqual([['invalid-value', 'result.measures[1].measure']]);
    expect(code((g) => g.measures.push([...g.measures[0]!]))).toEqual([['duplicate', 'result.measures[2]']]);
    expect(code((g) => g.measures.pop())).toEqual([['missing', 'result.measures']]);
    expect(code((g) => (g.ledger[1]![0] = 'kept'))).toEqual([['invalid-value', 'result.ledger[1].outcome']]);
    expect(code((g) => (g.ledger[1]![1] = 'outside-period'))).toEqual([['invalid-value', 'result.ledger[1].reason']]);
    expect(code((g) => (g.ledger[4]![1] = 'invalid:price'))).toEqual([['invalid-value', 'result.ledger[4].reason']]);
    expect(code((g) => g.ledger.push(['included', null, 3, '1000.00']))).toEqual([['duplicate', 'result.ledger[6]']]);
    expect(code((g) => g.ledger.shift())).toEqual([['missing', 'result.ledger']]);
    expect(code((g) => (g.ledger[1]![2] = 4))).toEqual([['invalid-value', 'result.ledger[1]']]);
  });
});
