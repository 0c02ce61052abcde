/**
 * A user's module, compiled by scripts/check-consumer-types.ts against the packed package in every
 * module setup (nodenext and node16 as ESM and as CJS, bundler, node10), strict, without
 * skipLibCheck, by the oldest TypeScript the README states and the latest 5.x. Zero errors are
 * expected: each `@ts-expect-error` below is the type-level bad input of issue 25 and must stay an
 * error (were a `Decimal` typed `any`, or an option unchecked, the directive itself would fail).
 */
import {
  aggregateRates,
  checkTargets,
  createRateAccumulator,
  definePolicy,
  formatRate,
  getPolicy,
  measureOnlineRates,
  onlinePurchaseRate,
  reportingSchedule,
  CalendarCoverageError,
  SunshineInputError,
  type InstitutionInput,
  type MeasureOnlineRatesOptions,
  type Policy,
  type PolicyId,
  type PurchaseLineInput,
} from 'sunshine-procurement';

const institutions: InstitutionInput[] = [
  { id: 'H01', name: '示例医院', level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '南通市' } },
  // @ts-expect-error a level outside the union
  { id: 'H02', level: 'Tertiary', ownership: 'public' },
];
const lines: PurchaseLineInput[] = [
  { institutionId: 'H01', receivedOn: '2024-01-05', category: 'drug', insuranceCode: 'XA01', channel: 'platform', amount: '850000.00' },
  { institutionId: 'H01', receivedOn: '2024-01-09', category: 'drug', kind: 'tcm-decoction-pieces', channel: 'offline', amount: 60000 },
  // @ts-expect-error a channel outside the union
  { institutionId: 'H01', receivedOn: '2024-01-09', category: 'drug', channel: 'online', amount: '1' },
  // @ts-expect-error an unknown field in a line written literally
  { institutionId: 'H01', receivedOn: '2024-01-09', category: 'drug', channel: 'offline', amout: '1' },
];

const result = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions, period: { from: '2024-01-01', to: '2024-03-31' } });
// @ts-expect-error an amount is a Decimal, never a number
const asNumber: number = result.ledger.included.amount;
const shown: string = result.ledger.included.amount.toFixed(2);
const rate: string | undefined = result.measures[0]?.rate?.toFixed(4);

// @ts-expect-error a misspelled option
measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions, peroid: { from: '2024-01-01', to: '2024-03-31' } });
// @ts-expect-error a misspelled built-in policy id
measureOnlineRates(lines, { policy: 'jiangsu2022', institutions });
// @ts-expect-error a period is { from, to }
measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions, period: { start: '2024-01-01', end: '2024-03-31' } });
// @ts-expect-error a misspelled option of formatRate
formatRate(result.measures[0]?.rate ?? null, { digit: 1 });

// rows of a shape TypeScript cannot know (a driver's, JSON.parse's) pass as they are, checked line by line at run time
const rows: unknown[] = JSON.parse('[]');
measureOnlineRates(rows as PurchaseLineInput[], { policy: 'ganzhou-2023', institutions });
// a policy id known only at run time goes through getPolicy, which checks it
const fromConfig: string = 'jiangsu-2022';
const policy: Policy = getPolicy(fromConfig);
const options: MeasureOnlineRatesOptions = { policy, institutions };
const acc = createRateAccumulator(options).addAll(lines).add(lines[0]!);
const own: Policy = definePolicy(JSON.parse('{}'));
const id: PolicyId = 'hunan-2023';

const regions = aggregateRates(result.measures, { by: 'city' });
const checks = checkTargets([...result.measures, ...regions], id);
const shortfall: string | undefined = checks[0]?.shortfallAmount?.toFixed(2);
const single = onlinePurchaseRate({ platformAmount: '850', totalAmount: '1000' });
const events = reportingSchedule('jiangsu-2022', { year: 2026 });

try {
  getPolicy('jiangsu-2099');
} catch (e) {
  if (e instanceof CalendarCoverageError) console.log(e.covered);
  if (e instanceof SunshineInputError) console.log(e.fn, e.issues[0]?.path, e.issues[0]?.expected);
}

export { acc, asNumber, events, own, rate, shortfall, shown, single };
