import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  aggregateRates,
  checkTargets,
  comparePeers,
  compileRatesSQL,
  definePolicy,
  getPolicy,
  measureOnlineRates,
  PRODUCT_KINDS,
  ratesFromSQL,
  renderBulletin,
  type InstitutionInput,
  type MeasureOnlineRatesResult,
  type Policy,
  type PolicyId,
  type PurchaseLineInput,
} from '../../src/index';
import { openDuckDB, openMariaDB, openPGlite, type LineRow, type TestDatabase } from './databases';

/** Hand tallies in the test: decimal.js with enough digits for any sum here. */
const Decimal = DecimalJs.clone({ precision: 100 });

/** Institutions of every level and ownership (A, B in the scope of every policy; C primary; P private). */
const institutions: InstitutionInput[] = [
  { id: 'A', name: '甲医院', level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '南通市' } },
  { id: 'B', level: 'secondary', ownership: 'military', region: { province: '江苏省', city: '南通市' } },
  { id: 'C', level: 'primary', ownership: 'public', region: { province: '江苏省', city: '扬州市' } },
  { id: 'P', level: 'tertiary', ownership: 'private', region: { province: '江苏省', city: '扬州市' } },
];

/** A policy of a user's own (definePolicy): every level, drugs need a code, only narcotics excluded. */
const OWN: Policy = definePolicy({
  ...getPolicy('ganzhou-2023'),
  id: 'own-2025',
  document: '自定义〔2025〕1号',
  scope: { ownership: ['public', 'military'], levels: ['tertiary', 'secondary', 'primary', 'unrated'], clause: '§1' },
  exclusions: [{ kind: 'narcotic', clause: '§2' }],
  insuranceCode: { requiredFor: ['drug'], clause: '§3' },
});
const POLICY_CHOICES: readonly (PolicyId | Policy)[] = ['jiangsu-2019', 'jiangsu-2022', 'nantong-2022', 'hunan-2023', 'ganzhou-2023', 'yushe-2020', OWN];

/**
 * Lines with every outcome, and the traps of each database: texts that differ only in case or a
 * trailing space (equal under MySQL's default collations, different in JavaScript), codes of
 * spaces, a code that begins with a space, a date before 1900, NULLs in every column.
 */
const rowArb: fc.Arbitrary<LineRow> = fc.record({
  institutionId: fc.constantFrom('A', 'A', 'B', 'C', 'P', 'Z', 'a', 'A ', '', null),
  receivedOn: fc.constantFrom('2023-12-31', '2024-01-01', '2024-02-29', '2024-03-31', '2024-04-01', '1899-12-31', null),
  category: fc.constantFrom('drug', 'drug', 'consumable', 'consumable', 'Drug', 'drug ', 'device', null),
  kind: fc.constantFrom(null, null, null, 'narcotic', 'tcm-decoction-pieces', 'ivd-reagent', 'herbs', 'Narcotic', 'ivd-reagent '),
  highValue: fc.constantFrom(null, true, false),
  insuranceCode: fc.constantFrom(null, 'XA01', 'XA01', '', '  ', ' X1'),
  channel: fc.constantFrom('platform', 'platform', 'emergency', 'offline', 'Platform', 'offline ', 'fax', null),
  amount: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -100_000_00, max: 100_000_000_00 }).map((f) => (f / 100).toFixed(2)) },
    { weight: 1, arbitrary: fc.constantFrom('90071992547409.93', '0.000001', '-0.50', '12345678901234567890123.456789') },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
});

/**
 * Every step of the classification, deterministically (the random lines above reach some steps
 * rarely): each field made invalid in turn, each institution, the edges of the years a date may
 * have (1900, 9999) and of the period, every product kind with its category (some excluded by
 * each policy) and one with the other category, every form of a blank code on drugs and on
 * consumables, high value on each category, each channel. Amounts differ line by line
 * (1.00, 2.01, 3.02…), so that a line counted in the wrong place changes a sum.
 */
function everyStep(): LineRow[] {
  const base: LineRow = { institutionId: 'A', receivedOn: '2024-02-10', category: 'drug', kind: null, highValue: null, insuranceCode: 'XA01', channel: 'platform', amount: null };
  const variations: Partial<LineRow>[] = [
    {},
    ...['B', 'C', 'P', 'Z', '', null].map((institutionId) => ({ institutionId })),
    ...[null, '1899-12-31', '1900-01-01', '1900-06-01', '9999-06-01', '9999-12-31', '2023-12-31', '2024-01-01', '2024-03-31', '2024-04-01'].map((receivedOn) => ({ receivedOn })),
    { category: 'device' },
    { category: null },
    ...[true, false].flatMap((highValue) => ['drug', 'consumable'].map((category) => ({ category, highValue }))),
    ...['emergency', 'offline', 'fax', null].map((channel) => ({ channel })),
    ...Object.entries(PRODUCT_KINDS).map(([kind, { category }]) => ({ kind, category })),
    { kind: 'ivd-reagent', category: 'drug' },
    { kind: 'narcotic', category: 'consumable' },
    ...['drug', 'consumable'].flatMap((category) => [null, '', '  ', ' X1'].map((insuranceCode) => ({ category, insuranceCode }))),
    { amount: 'none' }, // no amount: rejected
  ];
  return variations.map((v, k) => {
    const amount = v.amount === 'none' ? null : `${k + 1}.${String(k % 100).padStart(2, '0')}`;
    return { ...base, ...v, amount };
  });
}

/** The lines as the JavaScript engine reads them: the same values. */
const asLines = (rows: readonly LineRow[]) => rows.map((r) => ({ ...r })) as PurchaseLineInput[];

/**
 * The engine's result and ratesFromSQL's must be equal, apart from the per-line rejection list:
 * the database counts rejected lines by reason instead. Those counts and amounts are checked
 * against the engine's list, tallied here by the lines' own amounts.
 */
function expectSame(sql: MeasureOnlineRatesResult, js: MeasureOnlineRatesResult, rows: readonly LineRow[]): void {
  expect(sql.measures).toEqual(js.measures);
  // a run in which nothing counts is named alike; the engine's message adds an example line and the
  // dates seen, which the database's counts do not carry
  const nothing = ['all-lines-rejected', 'all-lines-outside-period', 'no-line-included'];
  expect(sql.warnings.map((w) => w.code)).toEqual(js.warnings.map((w) => w.code));
  expect(sql.warnings.filter((w) => !nothing.includes(w.code))).toEqual(js.warnings.filter((w) => !nothing.includes(w.code)));
  const reason = (w: { message: string }) => /最常见的原因：([^（，]*)/.exec(w.message)?.[1];
  expect(sql.warnings.map(reason)).toEqual(js.warnings.map(reason));
  const { reasons: sqlReasons, byReason, ...sqlRejected } = sql.ledger.rejected;
  const { reasons, ...jsRejected } = js.ledger.rejected;
  expect({ ...sql.ledger, rejected: sqlRejected }).toEqual({ ...js.ledger, rejected: jsRejected });
  expect(sqlReasons).toEqual([]);
  const expected: Record<string, { lines: number; amount: DecimalJs }> = {};
  for (const r of reasons) {
    const key = r.reason === 'unknown-institution' ? 'unknown-institution' : `invalid:${r.field}`;
    const t = (expected[key] ??= { lines: 0, amount: new Decimal(0) });
    t.lines++;
    const amount = rows[r.index]!.amount;
    if (amount !== null) t.amount = t.amount.plus(amount);
  }
  expect(Object.fromEntries(Object.entries(byReason ?? {}).map(([k, t]) => [k, [t.lines, t.amount.toFixed()]]))).toEqual(
    Object.fromEntries(Object.entries(expected).map(([k, t]) => [k, [t.lines, t.amount.toFixed()]])),
  );
}

/** The compiled queries run in `db` on `rows`, read back with ratesFromSQL. */
async function viaSQL(db: TestDatabase, rows: readonly LineRow[], policy: PolicyId | Policy, period: { from: string; to: string } | undefined, form: 'array' | 'object') {
  await db.setLines(rows);
  const sql = compileRatesSQL(policy, { dialect: db.dialect, period });
  const result = { measures: await db.query(sql.measures, form), ledger: await db.query(sql.ledger, form) };
  return ratesFromSQL(result, { policy, institutions, period });
}

const mariadb = inject('mariadb');
const DATABASES: [string, (list?: readonly InstitutionInput[]) => Promise<TestDatabase>, number][] = [
  ['DuckDB', (list = institutions) => openDuckDB(list), 60],
  ['PostgreSQL (PGlite)', (list = institutions) => openPGlite(list), 30],
  ['MariaDB', (list = institutions) => openMariaDB((mariadb as { socket: string }).socket, list), 40],
];

describe('ratesFromSQL', () => {
  it('matches the JSDoc example', () => {
    const { measures } = ratesFromSQL(
      {
        measures: [
          ['H1', 'drug', '850.00', '1000.00', '0.00', 2, 0, '0', 0, '0', 0, '0'],
          ['H1', 'consumable', '0', '0', '0', 0, 0, '0', 0, '0', 0, '0'],
        ],
        ledger: [
          ['input', null, 2, '1000.00'],
          ['included', null, 2, '1000.00'],
        ],
      },
      { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] },
    );
    // 850 / 1000 = 0.85
    expect(measures[0]?.rate?.toFixed(2)).toBe('0.85');
  });

  for (const [name, open, runs] of DATABASES) {
    const skip = name === 'MariaDB' && !('socket' in mariadb);
    describe.skipIf(skip)(`on the rows of ${name}${skip ? ` (skipped: ${(mariadb as { missing: string }).missing})` : ''}`, () => {
      let db: TestDatabase;
      beforeAll(async () => {
        db = await open();
      });
      afterAll(async () => {
        await db?.close();
      });

      it('gives what measureOnlineRates gives on the same lines, for every policy, with and without a period, rows as arrays or objects', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(rowArb, { maxLength: 40 }),
            fc.constantFrom(...POLICY_CHOICES),
            fc.boolean(),
            fc.constantFrom('array' as const, 'object' as const),
            async (rows, policy, withPeriod, form) => {
              const period = withPeriod ? { from: '2024-01-01', to: '2024-03-31' } : undefined;
              const js = measureOnlineRates(asLines(rows), { policy, institutions, period });
              expectSame(await viaSQL(db, rows, policy, period, form), js, rows);
            },
          ),
          { numRuns: runs },
        );
      });

      it('gives what measureOnlineRates gives on lines that reach every step, for every policy, with and without a period', async () => {
        const rows = everyStep();
        for (const policy of POLICY_CHOICES) {
          for (const period of [{ from: '2024-01-01', to: '2024-03-31' }, undefined]) {
            const js = measureOnlineRates(asLines(rows), { policy, institutions, period });
            // the lines reach every outcome: included, excluded for every reason the policy has, rejected
            expect(js.ledger.included.lines).toBeGreaterThan(0);
            expect(js.ledger.rejected.lines).toBeGreaterThan(0);
            expectSame(await viaSQL(db, rows, policy, period, 'array'), js, rows);
          }
        }
      });

      it('keeps ids that differ only in case or a trailing space as three institutions, as JavaScript does (issue 26)', async () => {
        // H1, h1 and "H1 " in the institutions table (one key under MySQL's default collation): three measures each with their own lines
        const three: InstitutionInput[] = ['H1', 'h1', 'H1 '].map((id) => ({ id, level: 'tertiary', ownership: 'public', region: { city: '南通市' } }));
        const own = await open(three);
        try {
          const line = (id: string, amount: string): LineRow => ({ institutionId: id, receivedOn: '2024-01-05', category: 'drug', kind: null, highValue: null, insuranceCode: 'X', channel: 'platform', amount });
          const rows = [line('H1', '1'), line('h1', '20'), line('h1', '20'), line('H1 ', '300'), line('h1 ', '4000')];
          await own.setLines(rows);
          const sql = compileRatesSQL('jiangsu-2022', { dialect: own.dialect });
          const result = ratesFromSQL({ measures: await own.query(sql.measures, 'object'), ledger: await own.query(sql.ledger, 'object') }, { policy: 'jiangsu-2022', institutions: three });
          // H1: 1; h1: 20 + 20 = 40; "H1 ": 300; "h1 " is none of them (4000, unknown)
          expect(result.measures.filter((m) => m.measure === 'drug').map((m) => [m.institutionId, m.platformAmount.toFixed(), m.lines])).toEqual([
            ['H1', '1', 1],
            ['h1', '40', 2],
            ['H1 ', '300', 1],
          ]);
          expect(result.measures.length).toBe(6);
          expect(result.ledger.rejected.byReason?.['unknown-institution']?.lines).toBe(1);
          expect(JSON.stringify(result.measures)).toBe(JSON.stringify(measureOnlineRates(asLines(rows), { policy: 'jiangsu-2022', institutions: three }).measures));
        } finally {
          await own.close();
        }
        // a database of its own: PGlite takes seconds to start on a busy machine (a 5 s timeout failed once in CI's TZ reruns)
      }, 60_000);

      it('keeps texts that differ in case or a trailing space invalid, as JavaScript does', async () => {
        const ok = { institutionId: 'A', receivedOn: '2024-01-05', category: 'drug', kind: null, highValue: null, insuranceCode: 'X', channel: 'platform', amount: '10' };
        const rows: LineRow[] = [ok, { ...ok, category: 'Drug' }, { ...ok, category: 'drug ' }, { ...ok, channel: 'Platform' }, { ...ok, institutionId: 'a' }, { ...ok, kind: 'Narcotic' }];
        const result = await viaSQL(db, rows, 'jiangsu-2022', undefined, 'object');
        // one line included (10); category ×2, channel, institution and kind rejected, 10 each
        expect([result.ledger.included.lines, result.ledger.included.amount.toFixed()]).toEqual([1, '10']);
        expect(Object.fromEntries(Object.entries(result.ledger.rejected.byReason ?? {}).map(([k, t]) => [k, t.lines]))).toEqual({
          'invalid:category': 2,
          'invalid:channel': 1,
          'invalid:kind': 1,
          'unknown-institution': 1,
        });
      });

      it('aggregates regions as Σ/Σ, levels never mixed (jiangsu-2022 annex 1 §1(2))', async () => {
        const line = (id: string, channel: string, amount: string): LineRow => ({ institutionId: id, receivedOn: '2024-01-05', category: 'drug', kind: null, highValue: null, insuranceCode: 'X', channel, amount });
        await db.setLines([line('A', 'platform', '90'), line('A', 'offline', '10'), line('B', 'platform', '500'), line('B', 'offline', '500')]);
        const rows = (await db.query(compileRatesSQL('ganzhou-2023', { dialect: db.dialect }).regions, 'object')) as Record<string, unknown>[];
        const drug = rows.filter((r) => r.measure === 'drug').map((r) => [r.region, r.level, Number(r.institutions), new Decimal(String(r.platform_amount)).toFixed(), new Decimal(String(r.total_amount)).toFixed()]);
        // A (tertiary) 90/100 and B (secondary) 500/1000 are in the same city but not the same level: two rows
        expect(drug).toEqual([
          ['江苏省/南通市', 'secondary', 1, '500', '1000'],
          ['江苏省/南通市', 'tertiary', 1, '90', '100'],
          ['江苏省/扬州市', 'primary', 1, '0', '0'],
        ]);
        // by province: the same three levels in one province; by county: no institution has a county, so each city's county is empty
        const by = async (regionBy: 'province' | 'county') =>
          ((await db.query(compileRatesSQL('ganzhou-2023', { dialect: db.dialect, regionBy }).regions, 'array')) as unknown[][]).filter((r) => r[2] === 'drug').map((r) => [r[0], r[1], new Decimal(String(r[4])).toFixed()]);
        expect(await by('province')).toEqual([
          ['江苏省', 'primary', '0'],
          ['江苏省', 'secondary', '500'],
          ['江苏省', 'tertiary', '90'],
        ]);
        expect(await by('county')).toEqual([
          ['江苏省/南通市/', 'secondary', '500'],
          ['江苏省/南通市/', 'tertiary', '90'],
          ['江苏省/扬州市/', 'primary', '0'],
        ]);
      });

      it('returns exactly the columns ratesFromSQL reads, in order', async () => {
        const sql = compileRatesSQL('ganzhou-2023', { dialect: db.dialect, period: { from: '2024-01-01', to: '2024-03-31' } });
        expect(await db.columns(sql.measures)).toEqual([
          'institution_id',
          'measure',
          'platform_amount',
          'total_amount',
          'emergency_amount',
          'included_lines',
          'outside_period_lines',
          'outside_period_amount',
          'excluded_kind_lines',
          'excluded_kind_amount',
          'missing_insurance_code_lines',
          'missing_insurance_code_amount',
        ]);
        expect(await db.columns(sql.ledger)).toEqual(['outcome', 'reason', 'lines', 'amount']);
        expect(await db.columns(sql.regions)).toEqual(['region', 'level', 'measure', 'institutions', 'platform_amount', 'total_amount', 'emergency_amount', 'included_lines']);
      });
    });
  }

  describe('the reports take its result as they take the engine’s', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openDuckDB(institutions);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('gives the same target checks, regional rates, peer groups and bulletin', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(rowArb, { maxLength: 60 }), fc.constantFrom('jiangsu-2022', 'ganzhou-2023', 'hunan-2023'), async (rows, policy) => {
          const period = { from: '2024-01-01', to: '2024-03-31' };
          const js = measureOnlineRates(asLines(rows), { policy, institutions, period });
          const sql = await viaSQL(db, rows, policy, period, 'array');
          expect(checkTargets(sql.measures, policy)).toEqual(checkTargets(js.measures, policy));
          expect(aggregateRates(sql.measures, { by: 'city' })).toEqual(aggregateRates(js.measures, { by: 'city' }));
          expect(comparePeers(sql.measures, { by: 'city', policy })).toEqual(comparePeers(js.measures, { by: 'city', policy }));
          const bulletin = (m: MeasureOnlineRatesResult) => renderBulletin({ policy, measures: m.measures, by: 'city', period: '2024年第一季度' }, { format: 'html', title: '通报', asOf: '2024-04-10' });
          expect(bulletin(sql)).toBe(bulletin(js));
        }),
        { numRuns: 15 },
      );
    });
  });
});
