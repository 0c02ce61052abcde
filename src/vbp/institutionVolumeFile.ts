import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { readDate } from '../calendar/days';
import { inputError } from '../errors';
import type { Policy } from '../policy/schema';
import { progressOf, resolveWarningRatio, type AgreedVolumeProgress } from './agreedVolumeProgress';
import { groupProgress, parseItems, type ParsedItem, type VolumeGroupProgress, type VolumeItem } from './aggregateVolumeProgress';

/** One product line of a hospital's file. */
export interface VolumeFileProduct extends AgreedVolumeProgress {
  readonly product: string;
}

/** One batch of a hospital's file: its products and their sum. */
export interface VolumeFileBatch {
  readonly batch: string;
  readonly total: VolumeGroupProgress;
  readonly products: readonly VolumeFileProduct[];
}

/** A hospital's VBP file (一院一档). */
export interface VolumeFile {
  readonly institutionId: string;
  readonly asOf: string;
  readonly batches: readonly VolumeFileBatch[];
  /** All batches together (Σ purchased ÷ Σ agreed). */
  readonly total: VolumeGroupProgress;
}

/** Options of {@link institutionVolumeFile}. */
export interface InstitutionVolumeFileOptions {
  readonly institutionId: string;
  readonly asOf: string;
  readonly warningRatio?: string | number | Decimal | undefined;
  readonly policy?: PolicyId | Policy | undefined;
}

/**
 * One hospital's VBP file (一院一档): for each batch and product, agreed, purchased,
 * completion, time progress and status, with each batch's and the hospital's sums.
 *
 * @category VBP
 * @see ganzhou-2023 §2(3) (建立“一院一档”，按项目、批次、品种监测)
 * @param items - agreed volumes of any institutions; those of `institutionId` are used
 * @param options - `{ institutionId, asOf, warningRatio?, policy? }`
 * @returns the file, batches and products in first-seen order
 * @throws {SunshineInputError} for bad items or options, or an institution with no items
 * @example
 * institutionVolumeFile([
 *   { institutionId: 'H1', batch: 'B9', product: 'A', agreedQuantity: '100', purchasedQuantity: '100', cycle: { start: '2024-01-01', end: '2024-12-31' } },
 * ], { institutionId: 'H1', asOf: '2024-06-30' }).batches[0].products[0].status //=> 'completed'
 */
export function institutionVolumeFile(items: readonly VolumeItem[], options: InstitutionVolumeFileOptions): VolumeFile {
  const fn = 'institutionVolumeFile';
  strictKeys(options, ['institutionId', 'asOf', 'warningRatio', 'policy'], fn);
  if (typeof options !== 'object' || options === null) {
    throw inputError(fn, 'options', options, 'an options object { institutionId, asOf }', 'missing');
  }
  const asOf = readDate(options.asOf, fn, 'options.asOf');
  const ratio = resolveWarningRatio(options.warningRatio, options.policy, fn);
  const mine = parseItems(items, fn).filter((p) => p.item.institutionId === options.institutionId);
  if (mine.length === 0) {
    throw inputError(fn, 'options.institutionId', options.institutionId, 'the id of an institution with agreed volumes in items', 'unknown-id');
  }
  const batches = new Map<string, ParsedItem[]>();
  for (const p of mine) {
    const list = batches.get(p.item.batch) ?? [];
    list.push(p);
    batches.set(p.item.batch, list);
  }
  return {
    institutionId: options.institutionId,
    asOf: options.asOf,
    batches: [...batches.entries()].map(([batch, list]) => ({
      batch,
      total: groupProgress(batch, list, asOf, ratio),
      products: list.map((p) => ({ product: p.item.product, ...progressOf(p.agreed, p.purchased, p.cycle, asOf, 'days', ratio) })),
    })),
    total: groupProgress(options.institutionId, mine, asOf, ratio),
  };
}
