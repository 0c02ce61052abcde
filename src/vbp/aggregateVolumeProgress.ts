import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { D, HUNDRED, ZERO } from '../_lib/decimal';
import { readDate } from '../calendar/days';
import { inputError } from '../errors';
import { resolveWarningRatio, statusAgainst, volumeStatus, VOLUME_STATUS_LABELS, type VolumeStatus } from './agreedVolumeProgress';
import { readCycle, readQuantity, type Cycle } from './quantity';
import { timeProgressFigures } from './timeProgress';
import type { Policy } from '../policy/schema';
import type { Warning } from '../rate/types';

/** One agreed volume: an institution's agreement for one selected product of one batch. */
export interface VolumeItem {
  readonly institutionId: string;
  /** The VBP project and batch, e.g. `'国家第九批'`. */
  readonly batch: string;
  /** The selected product (or its generic name). */
  readonly product: string;
  readonly agreedQuantity: string | number | Decimal;
  readonly purchasedQuantity: string | number | Decimal;
  readonly cycle: Cycle;
  /** Optional region keys, for grouping by region. */
  readonly region?: { readonly province?: string; readonly city?: string; readonly county?: string } | undefined;
}

/** How to group volume items: by a field, or a function giving the key. */
export type VolumeGroupKey = 'institution' | 'batch' | 'product' | 'province' | 'city' | 'county' | ((item: VolumeItem) => string);

/** Options of {@link aggregateVolumeProgress}. */
export interface AggregateVolumeProgressOptions {
  readonly asOf: string;
  readonly by: VolumeGroupKey;
  readonly warningRatio?: string | number | Decimal | undefined;
  readonly policy?: PolicyId | Policy | undefined;
}

/** Progress of a group of agreed volumes. */
export interface VolumeGroupProgress {
  readonly key: string;
  readonly items: number;
  readonly agreedQuantity: Decimal;
  readonly purchasedQuantity: Decimal;
  /** Σ purchased ÷ Σ agreed (not a mean of rates); null when nothing was agreed. */
  readonly completionRate: Decimal | null;
  /** Σ (agreed × each item's time progress): what on-pace purchasing would have reached by `asOf`. */
  readonly expectedQuantity: Decimal;
  /** expected ÷ Σ agreed: the agreed-weighted time progress (the items' own when they share one cycle). */
  readonly timeProgress: Decimal | null;
  /** (completion − time progress) × 100. */
  readonly gapPoints: Decimal | null;
  readonly remainingQuantity: Decimal;
  readonly status: VolumeStatus;
  readonly label: string;
  /** How many items are in each status. */
  readonly statusCounts: Readonly<Partial<Record<VolumeStatus, number>>>;
  readonly warnings: readonly Warning[];
}

/** A parsed item. @internal */
export interface ParsedItem {
  readonly item: VolumeItem;
  readonly agreed: Decimal;
  readonly purchased: Decimal;
  readonly cycle: { start: number; end: number };
}

/** @internal */
export function parseItems(items: unknown, fn: string): ParsedItem[] {
  if (!Array.isArray(items)) {
    throw inputError(fn, 'items', items, 'an array of agreed volumes { institutionId, batch, product, agreedQuantity, purchasedQuantity, cycle }', 'invalid-type');
  }
  return items.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null) {
      throw inputError(fn, `items[${i}]`, raw, 'an agreed volume object', 'invalid-type');
    }
    const item = raw as VolumeItem;
    for (const key of ['institutionId', 'batch', 'product'] as const) {
      if (typeof item[key] !== 'string' || item[key] === '') {
        throw inputError(fn, `items[${i}].${key}`, item[key], 'a non-empty string', 'missing');
      }
    }
    return {
      item,
      agreed: readQuantity(item.agreedQuantity, fn, `items[${i}].agreedQuantity`),
      purchased: readQuantity(item.purchasedQuantity, fn, `items[${i}].purchasedQuantity`),
      cycle: readCycle(item.cycle, fn, `items[${i}].cycle`),
    };
  });
}

function keyOf(by: VolumeGroupKey, item: VolumeItem): string {
  if (typeof by === 'function') return String(by(item));
  switch (by) {
    case 'institution':
      return item.institutionId;
    case 'batch':
      return item.batch;
    case 'product':
      return item.product;
    default:
      return item.region?.[by] ?? '(未指定)';
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== BigInt(0)) [a, b] = [b, a % b];
  return a;
}

/** Sums parsed items into one group's progress. @internal */
export function groupProgress(key: string, parsed: readonly ParsedItem[], asOf: number, ratio: Decimal): VolumeGroupProgress {
  let agreed: Decimal = ZERO;
  let purchased: Decimal = ZERO;
  let allBefore = true;
  let allAfter = true;
  const counts: Partial<Record<VolumeStatus, number>> = {};
  const figures = parsed.map((p) => timeProgressFigures(p.cycle, asOf, 'days'));
  // a common denominator of the items' cycle lengths keeps the expected quantity exact
  let lcm = BigInt(1);
  for (const t of figures) lcm = (lcm / gcd(lcm, BigInt(t.total))) * BigInt(t.total);
  const L = new D(lcm.toString());
  let expectedTimesL: Decimal = ZERO;
  parsed.forEach((p, i) => {
    const t = figures[i]!;
    agreed = agreed.plus(p.agreed);
    purchased = purchased.plus(p.purchased);
    expectedTimesL = expectedTimesL.plus(p.agreed.times(t.elapsed).times((lcm / BigInt(t.total)).toString()));
    const before = asOf < p.cycle.start;
    const after = asOf > p.cycle.end;
    if (!before) allBefore = false;
    if (!after) allAfter = false;
    const s = volumeStatus(p.agreed, p.purchased, t.elapsed, t.total, before, after, ratio);
    counts[s] = (counts[s] ?? 0) + 1;
  });
  const status = statusAgainst(agreed, purchased, expectedTimesL, L, allBefore, allAfter, ratio);
  const expected = expectedTimesL.dividedBy(L);
  // completion and time progress exist together: both need something agreed
  const shares = agreed.isZero() ? null : { completion: purchased.dividedBy(agreed), time: expectedTimesL.dividedBy(agreed.times(L)) };
  const warnings: Warning[] = [];
  const cycles = new Set(parsed.map((p) => `${p.cycle.start}-${p.cycle.end}`));
  if (cycles.size > 1) {
    warnings.push({ code: 'mixed-cycles', message: '各项采购周期不同：序时进度按约定量加权 / the items have different cycles: time progress is weighted by agreed quantity' });
  }
  return {
    key,
    items: parsed.length,
    agreedQuantity: agreed,
    purchasedQuantity: purchased,
    completionRate: shares === null ? null : shares.completion,
    expectedQuantity: expected,
    timeProgress: shares === null ? null : shares.time,
    gapPoints: shares === null ? null : shares.completion.minus(shares.time).times(HUNDRED),
    remainingQuantity: agreed.greaterThan(purchased) ? agreed.minus(purchased) : ZERO,
    status,
    label: VOLUME_STATUS_LABELS[status],
    statusCounts: counts,
    warnings,
  };
}

/**
 * Progress of agreed volumes summed over products, batches, institutions or regions:
 * Σ purchased ÷ Σ agreed, never a mean of completion rates. The group's time progress is
 * the agreed-weighted one (Σ agreed × time progress ÷ Σ agreed), so that items with
 * different cycles compare fairly; the group's status compares Σ purchased with that
 * expected quantity, exactly.
 *
 * @category VBP
 * @see ganzhou-2023 §2(3) (按项目、批次、品种监测; 一院一档)
 * @param items - agreed volumes, see {@link VolumeItem}
 * @param options - `{ asOf, by, warningRatio?, policy? }`
 * @returns one group per key, in first-seen order
 * @throws {SunshineInputError} for bad items or options
 * @example
 * aggregateVolumeProgress([
 *   { institutionId: 'H1', batch: 'B9', product: 'A', agreedQuantity: '100', purchasedQuantity: '90', cycle: { start: '2024-01-01', end: '2024-12-31' } },
 *   { institutionId: 'H1', batch: 'B9', product: 'B', agreedQuantity: '900', purchasedQuantity: '300', cycle: { start: '2024-01-01', end: '2024-12-31' } },
 * ], { asOf: '2024-06-30', by: 'batch' })[0].completionRate?.toString() //=> '0.39'
 */
export function aggregateVolumeProgress(items: readonly VolumeItem[], options: AggregateVolumeProgressOptions): VolumeGroupProgress[] {
  const fn = 'aggregateVolumeProgress';
  strictKeys(options, ['asOf', 'by', 'warningRatio', 'policy'], fn);
  if (typeof options !== 'object' || options === null) {
    throw inputError(fn, 'options', options, 'an options object { asOf, by }', 'missing');
  }
  const asOf = readDate(options.asOf, fn, 'options.asOf');
  const by = options.by;
  if (typeof by !== 'function' && !['institution', 'batch', 'product', 'province', 'city', 'county'].includes(by as string)) {
    throw inputError(fn, 'options.by', by, 'one of "institution", "batch", "product", "province", "city", "county", or a function');
  }
  const ratio = resolveWarningRatio(options.warningRatio, options.policy, fn);
  const parsed = parseItems(items, fn);
  const groups = new Map<string, ParsedItem[]>();
  for (const p of parsed) {
    const key = keyOf(by, p.item);
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([key, list]) => groupProgress(key, list, asOf, ratio));
}
