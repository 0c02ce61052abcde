import { describe, expect, it } from 'vitest';
import { DRUG_KINDS, measureOnlineRates, SunshineInputError, type InstitutionMeasure, type PurchaseLineInput } from '../../src/index';
import { inst, line } from '../_helpers/lines';

const find = (measures: readonly InstitutionMeasure[], id: string, measure: string) => {
  const m = measures.find((x) => x.institutionId === id && x.measure === measure);
  if (m === undefined) throw new Error(`no measure ${id}/${measure}`);
  return m;
};

describe('measureOnlineRates', () => {
  it('matches the JSDoc example', () => {
    const { measures } = measureOnlineRates(
      [
        { institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '850', insuranceCode: 'XA01' },
        { institutionId: 'H1', receivedOn: '2024-01-06', category: 'drug', channel: 'offline', amount: '150', insuranceCode: 'XA02' },
      ],
      { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] },
    );
    expect(measures[0]?.rate?.toFixed(2)).toBe('0.85');
  });

  describe('sums per institution and measure (jiangsu-2022 annex 1 §1(1), annex 2)', () => {
    const { measures, ledger } = measureOnlineRates(
      [
        line({ institutionId: 'A', amount: '600.10' }),
        line({ institutionId: 'A', amount: '100', channel: 'emergency' }),
        line({ institutionId: 'A', amount: '299.90', channel: 'offline' }),
        line({ institutionId: 'A', amount: '-100.10' }), // a return on the platform
        line({ institutionId: 'A', amount: '300', category: 'consumable' }),
        line({ institutionId: 'A', amount: '200', category: 'consumable', channel: 'offline' }),
      ],
      { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] },
    );
    it('puts platform lines in numerator and denominator, others in the denominator only', () => {
      const drug = find(measures, 'A', 'drug');
      // platform: 600.10 − 100.10 = 500; total: 600.10 + 100 + 299.90 − 100.10 = 899.90
      expect(drug.platformAmount.toFixed(2)).toBe('500.00');
      expect(drug.totalAmount.toFixed(2)).toBe('899.90');
      // 500 / 899.90 = 0.555617290810090010001111234581620180020002222469163240360040…
      expect(drug.rate?.toFixed(6)).toBe('0.555617');
      expect(drug.lines).toBe(4);
      expect(drug.status).toBe('ok');
    });
    it('reports emergency purchases apart while keeping them in the total', () => {
      expect(find(measures, 'A', 'drug').emergencyAmount.toFixed(2)).toBe('100.00');
    });
    it('measures consumables separately', () => {
      const c = find(measures, 'A', 'consumable');
      // 300 / (300 + 200) = 0.6
      expect(c.rate?.toString()).toBe('0.6');
      expect(c.lines).toBe(2);
    });
    it('cites the clause of the formula', () => {
      expect(find(measures, 'A', 'drug').citation).toEqual({ policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: 'annex 1 §1(1)' });
    });
    it('balances the ledger', () => {
      // 6 lines; 600.10 + 100 + 299.90 − 100.10 + 300 + 200 = 1399.90
      expect(ledger.input.lines).toBe(6);
      expect(ledger.input.amount.toFixed(2)).toBe('1399.90');
      expect(ledger.included.lines).toBe(6);
      expect(ledger.included.amount.toFixed(2)).toBe('1399.90');
      expect(ledger.balanced).toBe(true);
    });
  });

  describe('exclusions (jiangsu-2022 annex 1 §2)', () => {
    it.each([...DRUG_KINDS])('leaves the drug kind %s out of numerator and denominator', (kind) => {
      const { measures, ledger } = measureOnlineRates(
        [line({ institutionId: 'A', amount: '800' }), line({ institutionId: 'A', amount: '200', channel: 'offline' }), line({ institutionId: 'A', amount: '5000', kind, channel: 'offline' })],
        { policy: 'jiangsu-2022', institutions: [inst('A', 'secondary')] },
      );
      const drug = find(measures, 'A', 'drug');
      // the 5000 of the excluded kind leave: 800 / 1000 = 0.8 (with it: 800 / 6000)
      expect(drug.rate?.toString()).toBe('0.8');
      expect(drug.excluded['excluded-kind']).toEqual({ lines: 1, amount: expect.objectContaining({}) });
      expect(drug.excluded['excluded-kind']?.amount.toString()).toBe('5000');
      expect(ledger.excluded.byReason['excluded-kind'].lines).toBe(1);
      expect(ledger.excluded.byReason['excluded-kind'].amount.toString()).toBe('5000');
    });

    it('leaves IVD reagents out of consumables', () => {
      const { measures } = measureOnlineRates(
        [line({ institutionId: 'A', amount: '750', category: 'consumable' }), line({ institutionId: 'A', amount: '250', category: 'consumable', channel: 'offline' }), line({ institutionId: 'A', amount: '1000', category: 'consumable', kind: 'ivd-reagent', channel: 'offline' })],
        { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] },
      );
      // 750 / 1000 = 0.75 without the IVD reagents (with them: 750 / 2000 = 0.375)
      expect(find(measures, 'A', 'consumable').rate?.toString()).toBe('0.75');
    });

    it('keeps IVD reagents in scope under hunan-2023 (§5, §8)', () => {
      const { measures, ledger } = measureOnlineRates(
        [line({ institutionId: 'A', amount: '750', category: 'consumable' }), line({ institutionId: 'A', amount: '250', category: 'consumable', channel: 'offline' }), line({ institutionId: 'A', amount: '1000', category: 'consumable', kind: 'ivd-reagent' })],
        { policy: 'hunan-2023', institutions: [inst('A', 'primary')] },
      );
      // (750 + 1000) / (750 + 250 + 1000) = 1750 / 2000 = 0.875
      expect(find(measures, 'A', 'consumable').rate?.toString()).toBe('0.875');
      expect(ledger.excluded.lines).toBe(0);
    });

    it('excludes lines without an insurance code where the policy requires one (jiangsu-2022 annex 1 §2)', () => {
      const lines = [
        line({ institutionId: 'A', amount: '900' }),
        line({ institutionId: 'A', amount: '100', channel: 'offline' }),
        line({ institutionId: 'A', amount: '400', channel: 'offline', insuranceCode: undefined }),
        line({ institutionId: 'A', amount: '300', channel: 'offline', insuranceCode: '  ' }),
        line({ institutionId: 'A', amount: '200', channel: 'offline', insuranceCode: null }),
      ];
      const js = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] });
      // jiangsu: 900 / (900 + 100) = 0.9; the 400 + 300 + 200 = 900 without a code leave
      expect(find(js.measures, 'A', 'drug').rate?.toString()).toBe('0.9');
      expect(js.ledger.excluded.byReason['missing-insurance-code']).toMatchObject({ lines: 3 });
      expect(js.ledger.excluded.byReason['missing-insurance-code'].amount.toString()).toBe('900');
      // ganzhou names no code requirement: 900 / (900 + 100 + 400 + 300 + 200) = 900 / 1900
      const gz = measureOnlineRates(lines, { policy: 'ganzhou-2023', institutions: [inst('A', 'tertiary')] });
      expect(find(gz.measures, 'A', 'drug').rate?.toFixed(10)).toBe('0.4736842105'); // 9/19 = 0.47368421052631…
      expect(gz.ledger.excluded.lines).toBe(0);
    });

    it('requires a code only for consumables under hunan-2023 (§4)', () => {
      const { measures } = measureOnlineRates(
        [
          line({ institutionId: 'A', amount: '100', insuranceCode: undefined }),
          line({ institutionId: 'A', amount: '100', channel: 'offline', insuranceCode: undefined }),
          line({ institutionId: 'A', amount: '100', category: 'consumable' }),
          line({ institutionId: 'A', amount: '100', category: 'consumable', channel: 'offline', insuranceCode: undefined }),
        ],
        { policy: 'hunan-2023', institutions: [inst('A', 'secondary')] },
      );
      // drugs without a code count: 100 / 200 = 0.5; the uncoded consumable leaves: 100 / 100 = 1
      expect(find(measures, 'A', 'drug').rate?.toString()).toBe('0.5');
      expect(find(measures, 'A', 'consumable').rate?.toString()).toBe('1');
      expect(find(measures, 'A', 'consumable').excluded['missing-insurance-code']?.lines).toBe(1);
    });

    it('places a line in a period by its inbound date, both ends included (jiangsu-2022 annex 1 §3)', () => {
      const { measures, ledger } = measureOnlineRates(
        [
          line({ institutionId: 'A', amount: '1', receivedOn: '2023-12-31' }),
          line({ institutionId: 'A', amount: '10', receivedOn: '2024-01-01' }),
          line({ institutionId: 'A', amount: '100', receivedOn: '2024-03-31', channel: 'offline' }),
          line({ institutionId: 'A', amount: '1000', receivedOn: '2024-04-01' }),
        ],
        { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')], period: { from: '2024-01-01', to: '2024-03-31' } },
      );
      // in the quarter: 10 on the platform, 100 offline: 10 / 110
      const drug = find(measures, 'A', 'drug');
      expect(drug.platformAmount.toString()).toBe('10');
      expect(drug.totalAmount.toString()).toBe('110');
      expect(ledger.excluded.byReason['outside-period']).toMatchObject({ lines: 2 });
      expect(ledger.excluded.byReason['outside-period'].amount.toString()).toBe('1001');
    });

    it('gives each line one reason, the first that applies', () => {
      const { ledger } = measureOnlineRates(
        [
          // outside the period, of an excluded kind and without a code: outside-period comes first
          line({ institutionId: 'A', amount: '1', receivedOn: '2025-01-01', kind: 'narcotic', insuranceCode: undefined }),
          // an excluded kind without a code: excluded-kind comes before missing-insurance-code
          line({ institutionId: 'A', amount: '2', kind: 'narcotic', insuranceCode: undefined }),
          // a private institution's line of an excluded kind: institution-out-of-scope first
          line({ institutionId: 'P', amount: '4', kind: 'narcotic' }),
        ],
        { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary'), inst('P', 'tertiary', 'private')], period: { from: '2024-01-01', to: '2024-12-31' } },
      );
      expect(ledger.excluded.byReason['outside-period'].lines).toBe(1);
      expect(ledger.excluded.byReason['excluded-kind'].lines).toBe(1);
      expect(ledger.excluded.byReason['institution-out-of-scope'].lines).toBe(1);
      expect(ledger.excluded.byReason['missing-insurance-code'].lines).toBe(0);
      // 1 + 2 + 4 = 7, each counted once
      expect(ledger.excluded.amount.toString()).toBe('7');
      expect(ledger.excluded.lines).toBe(3);
    });
  });

  describe('institution scope', () => {
    const institutions = [
      inst('PUB3', 'tertiary', 'public'),
      inst('MIL2', 'secondary', 'military'),
      inst('PRI3', 'tertiary', 'private'),
      inst('PUB1', 'primary', 'public'),
      inst('PUBU', 'unrated', 'public'),
    ];
    const lines = institutions.flatMap((i) => [line({ institutionId: i.id, amount: '90' }), line({ institutionId: i.id, amount: '10', channel: 'offline' })]);

    it('counts military institutions as public and measures only secondary and above under jiangsu-2022 (§1(1), §1(3))', () => {
      const { measures, ledger } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions });
      expect([...new Set(measures.map((m) => m.institutionId))]).toEqual(['PUB3', 'MIL2']);
      expect(find(measures, 'MIL2', 'drug').rate?.toString()).toBe('0.9');
      // private, primary and unrated: 3 institutions × 2 lines, 3 × 100 = 300
      expect(ledger.excluded.byReason['institution-out-of-scope'].lines).toBe(6);
      expect(ledger.excluded.byReason['institution-out-of-scope'].amount.toString()).toBe('300');
    });

    it('measures public institutions of every level under ganzhou-2023, but not private ones (annex 1)', () => {
      const { measures, ledger } = measureOnlineRates(lines, { policy: 'ganzhou-2023', institutions });
      expect([...new Set(measures.map((m) => m.institutionId))]).toEqual(['PUB3', 'MIL2', 'PUB1', 'PUBU']);
      expect(find(measures, 'PUB1', 'drug').rate?.toString()).toBe('0.9');
      expect(ledger.excluded.byReason['institution-out-of-scope'].lines).toBe(2);
    });

    it('gives an in-scope institution without lines a measure with no rate', () => {
      const { measures } = measureOnlineRates([], { policy: 'ganzhou-2023', institutions: [inst('X', 'primary')] });
      expect(measures.map((m) => [m.measure, m.status, m.rate, m.lines])).toEqual([
        ['drug', 'no-purchases', null, 0],
        ['consumable', 'no-purchases', null, 0],
        ['consumable-high-value', 'no-purchases', null, 0],
      ]);
    });
  });

  it('counts high-value consumables in both consumable measures under ganzhou-2023 (annex 1)', () => {
    const { measures, ledger } = measureOnlineRates(
      [
        line({ institutionId: 'A', amount: '800', category: 'consumable', highValue: true }),
        line({ institutionId: 'A', amount: '200', category: 'consumable', highValue: true, channel: 'offline' }),
        line({ institutionId: 'A', amount: '500', category: 'consumable', channel: 'offline' }),
      ],
      { policy: 'ganzhou-2023', institutions: [inst('A', 'secondary')] },
    );
    // high-value: 800 / (800 + 200) = 0.8; all consumables: 800 / 1500 = 0.5333…
    expect(find(measures, 'A', 'consumable-high-value').rate?.toString()).toBe('0.8');
    expect(find(measures, 'A', 'consumable').rate?.toFixed(4)).toBe('0.5333');
    // a line is counted once in the ledger, whatever the measures it feeds
    expect(ledger.included.lines).toBe(3);
    expect(ledger.included.amount.toString()).toBe('1500');
  });

  it('flags an institution whose returns exceed its purchases as inconsistent', () => {
    const { measures } = measureOnlineRates(
      [line({ institutionId: 'A', amount: '100' }), line({ institutionId: 'A', amount: '-300' })],
      { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] },
    );
    const drug = find(measures, 'A', 'drug');
    // 100 − 300 = −200 on the platform and in total
    expect(drug.status).toBe('inconsistent');
    expect(drug.rate).toBeNull();
    expect(drug.warnings.map((w) => w.code)).toEqual(['negative-total', 'negative-platform']);
  });

  it('keeps sums beyond 2^53 fen exact', () => {
    // 2^53 fen = 90071992547409.92 yuan; three lines of it plus 0.01 each
    const big = '90071992547409.93';
    const { measures, ledger } = measureOnlineRates(
      [line({ institutionId: 'A', amount: big }), line({ institutionId: 'A', amount: big }), line({ institutionId: 'A', amount: big, channel: 'offline' })],
      { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] },
    );
    const drug = find(measures, 'A', 'drug');
    // 2 × 90071992547409.93 = 180143985094819.86; 3 × = 270215977642229.79
    expect(drug.platformAmount.toFixed(2)).toBe('180143985094819.86');
    expect(drug.totalAmount.toFixed(2)).toBe('270215977642229.79');
    // 2/3 to 20 places
    expect(drug.rate?.toFixed(20)).toBe('0.66666666666666666667');
    expect(ledger.input.amount.toFixed(2)).toBe('270215977642229.79');
  });

  describe('rejected lines', () => {
    const lines = [
      line({ institutionId: 'A', amount: '100' }), // 0 included
      line({ institutionId: 'ZZ', amount: '7' }), // 1 unknown institution
      line({ institutionId: 'A', amount: 'NaN' }), // 2 amount unreadable
      line({ institutionId: 'A', amount: '3', receivedOn: '2026-02-30' }), // 3 impossible date
      line({ institutionId: 'A', amount: '5', category: 'device' as never }), // 4 unknown category
      line({ institutionId: 'A', amount: '11', channel: 'phone' as never }), // 5 unknown channel
      line({ institutionId: 'A', amount: '13', kind: 'ivd-reagent' }), // 6 consumable kind on a drug
      null, // 7 not an object
      line({ institutionId: 'A', amount: Number.POSITIVE_INFINITY }), // 8
    ] as PurchaseLineInput[];

    it('rejects each with the reason, the field, the value and what was expected', () => {
      const { ledger } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] });
      expect(ledger.rejected.reasons.map((r) => [r.index, r.reason, r.field])).toEqual([
        [1, 'unknown-institution', 'institutionId'],
        [2, 'invalid', 'amount'],
        [3, 'invalid', 'receivedOn'],
        [4, 'invalid', 'category'],
        [5, 'invalid', 'channel'],
        [6, 'invalid', 'kind'],
        [7, 'invalid', ''],
        [8, 'invalid', 'amount'],
      ]);
      expect(ledger.rejected.reasons[2]).toMatchObject({ value: '2026-02-30', expected: 'a real civil date "YYYY-MM-DD"' });
    });

    it('balances: rejected lines with a readable amount count in amount, the others in lines only', () => {
      const { ledger } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] });
      // readable rejected amounts: 7 + 3 + 5 + 11 + 13 = 39; NaN, null and Infinity add nothing
      expect(ledger.rejected.lines).toBe(8);
      expect(ledger.rejected.amount.toString()).toBe('39');
      // input: 9 lines, 100 + 39 = 139
      expect(ledger.input.lines).toBe(9);
      expect(ledger.input.amount.toString()).toBe('139');
      expect(ledger.included.lines + ledger.excluded.lines + ledger.rejected.lines).toBe(ledger.input.lines);
      expect(ledger.included.amount.plus(ledger.excluded.amount).plus(ledger.rejected.amount).toString()).toBe('139');
      expect(ledger.balanced).toBe(true);
    });

    it('throws on the first bad line in strict mode', () => {
      const run = () => measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')], strict: true });
      expect(run).toThrow(SunshineInputError);
      expect(run).toThrow('measureOnlineRates: lines[1].institutionId expected the id of one of options.institutions, got "ZZ"');
    });
  });

  it('rejects an unknown kind and a missing field, naming what was expected', () => {
    const noChannel: Record<string, unknown> = { ...line({ institutionId: 'A', amount: '2' }) };
    delete noChannel.channel;
    const { ledger } = measureOnlineRates([line({ institutionId: 'A', amount: '1', kind: 'herbs' as never }), noChannel as never], {
      policy: 'jiangsu-2022',
      institutions: [inst('A', 'tertiary')],
    });
    expect(ledger.rejected.reasons).toEqual([
      { index: 0, reason: 'invalid', field: 'kind', value: 'herbs', expected: expect.stringContaining('absent or one of "tcm-decoction-pieces"') },
      { index: 1, reason: 'invalid', field: 'channel', value: undefined, expected: 'one of "platform", "emergency", "offline"' },
    ]);
    // both amounts readable: 1 + 2 = 3
    expect(ledger.rejected.amount.toString()).toBe('3');
  });

  it('treats "__proto__" and "constructor" as ordinary institution ids', () => {
    const { measures } = measureOnlineRates(
      [line({ institutionId: '__proto__', amount: '3' }), line({ institutionId: 'constructor', amount: '4' }), line({ institutionId: 'constructor', amount: '4', channel: 'offline' })],
      { policy: 'jiangsu-2022', institutions: [inst('__proto__', 'tertiary'), inst('constructor', 'secondary')] },
    );
    expect(find(measures, '__proto__', 'drug').rate?.toString()).toBe('1');
    // 4 / 8 = 0.5
    expect(find(measures, 'constructor', 'drug').rate?.toString()).toBe('0.5');
    expect(({} as Record<string, unknown>).level).toBeUndefined();
  });

  it('accepts any iterable of lines', () => {
    function* gen() {
      yield line({ institutionId: 'A', amount: '1' });
      yield line({ institutionId: 'A', amount: '3', channel: 'offline' });
    }
    const { measures } = measureOnlineRates(gen(), { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary')] });
    expect(find(measures, 'A', 'drug').rate?.toString()).toBe('0.25');
  });

  describe('bad options', () => {
    it('refuses an unknown policy id', () => {
      expect(() => measureOnlineRates([], { policy: 'jiangsu-2099' as never, institutions: [] })).toThrow(/options\.policy expected a built-in policy id/);
    });
    it('refuses duplicate institution ids', () => {
      expect(() => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [inst('A', 'tertiary'), inst('A', 'secondary')] })).toThrow(
        'measureOnlineRates: options.institutions[1].id expected each institution id once, got "A"',
      );
    });
    it('refuses a period that ends before it starts', () => {
      expect(() => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [], period: { from: '2024-03-01', to: '2024-02-01' } })).toThrow(
        'options.period.to expected period.to on or after period.from, got "2024-02-01"',
      );
    });
    it('refuses an impossible period date', () => {
      expect(() => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [], period: { from: '2024-02-30', to: '2024-03-01' } })).toThrow(
        'options.period.from expected a real civil date "YYYY-MM-DD", got "2024-02-30"',
      );
    });
    it('refuses lines that are not iterable', () => {
      expect(() => measureOnlineRates(42 as never, { policy: 'jiangsu-2022', institutions: [] })).toThrow(SunshineInputError);
    });
    it('refuses an institution with an unknown level', () => {
      expect(() => measureOnlineRates([], { policy: 'jiangsu-2022', institutions: [{ id: 'A', level: 'top' as never, ownership: 'public' }] })).toThrow(
        'options.institutions[0].level expected one of "tertiary", "secondary", "primary", "unrated", got "top"',
      );
    });
  });
});
