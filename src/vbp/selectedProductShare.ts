import { strictKeys } from '../_lib/options';
import type { Decimal } from 'decimal.js';
import { GAN_2023_28 } from '../policy/documents';
import { D, DS, HUNDRED } from '../_lib/decimal';
import { readAmount } from '../amount/readAmount';
import { inputError } from '../errors';
import type { Citation } from '../policy/schema';
import { readQuantity } from './quantity';

/** One purchase of a product of a generic name (通用名), selected (中选) or not. */
export interface GenericPurchase {
  readonly genericName: string;
  /** The product (manufacturer, specification…); used to list non-selected purchases. */
  readonly product: string;
  readonly selected: boolean;
  readonly quantity: string | number | Decimal;
  /** 元. */
  readonly amount: string | number | Decimal;
}

/** Options of {@link selectedProductShare}. */
export interface SelectedProductShareOptions {
  /** The agreed purchase proportion (约定采购比例) per generic name, e.g. `{ 阿托伐他汀钙片: '0.7' }`. */
  readonly agreedProportions?: Readonly<Record<string, string | number | Decimal>> | undefined;
}

/** The selected products' share of one generic name. */
export interface GenericShare {
  readonly genericName: string;
  readonly selectedQuantity: Decimal;
  readonly totalQuantity: Decimal;
  /** Selected ÷ total quantity (采购数量占比); null when nothing was bought. */
  readonly quantityShare: Decimal | null;
  readonly selectedAmount: Decimal;
  readonly totalAmount: Decimal;
  /** Selected ÷ total amount (采购金额占比); null when the total amount is zero. */
  readonly amountShare: Decimal | null;
  /** The agreed proportion, where given. */
  readonly agreedProportion: Decimal | null;
  /** True when the quantity share reaches the agreed proportion (exactly at it passes); null without one or without purchases. */
  readonly meetsAgreedProportion: boolean | null;
  /** (quantity share − agreed proportion) × 100, in percentage points. */
  readonly gapPoints: Decimal | null;
  /** Non-selected purchases by product, with their quantities and amounts (采购非中选产品情况). */
  readonly nonSelected: ReadonlyArray<{ readonly product: string; readonly quantity: Decimal; readonly amount: Decimal; readonly lines: number }>;
  readonly citations: readonly Citation[];
}

const CITATIONS: readonly Citation[] = [
  { policyId: 'ganzhou-2023', document: GAN_2023_28, clause: '§2(3) (中选产品采购数量占比、采购金额占比、采购非中选产品情况)' },
  { policyId: 'ganzhou-2023', document: GAN_2023_28, clause: 'annex 1 (集采中选药品使用比例达到约定采购比例)' },
];

/**
 * Per generic name (通用名), the quantity share and amount share of selected products,
 * compared with the agreed proportion (约定采购比例), and the non-selected purchases
 * listed with their amounts.
 *
 * @category VBP
 * @see ganzhou-2023 §2(2), §2(3), annex 1
 * @param purchases - purchases of selected and non-selected products
 * @param options - `{ agreedProportions? }`
 * @returns one share per generic name, in first-seen order
 * @throws {SunshineInputError} for a bad quantity, amount or proportion
 * @example
 * selectedProductShare([
 *   { genericName: '阿托伐他汀钙片', product: '中选A', selected: true, quantity: '700', amount: '70' },
 *   { genericName: '阿托伐他汀钙片', product: '原研B', selected: false, quantity: '300', amount: '930' },
 * ], { agreedProportions: { 阿托伐他汀钙片: '0.7' } })[0].meetsAgreedProportion //=> true
 */
export function selectedProductShare(purchases: readonly GenericPurchase[], options: SelectedProductShareOptions = {}): GenericShare[] {
  const fn = 'selectedProductShare';
  strictKeys(options, ['agreedProportions'], fn);
  if (!Array.isArray(purchases)) {
    throw inputError(fn, 'purchases', purchases, 'an array of { genericName, product, selected, quantity, amount }', 'invalid-type');
  }
  const proportions = new Map<string, Decimal>();
  for (const [name, value] of Object.entries(options.agreedProportions ?? {})) {
    const d = readAmount(value);
    if (d === null || d.isNegative() || d.greaterThan(1)) {
      throw inputError(fn, `options.agreedProportions.${name}`, value, 'a share between 0 and 1 such as "0.7"');
    }
    proportions.set(name, d);
  }
  interface Acc {
    selQ: Decimal;
    totQ: Decimal;
    selA: Decimal;
    totA: Decimal;
    non: Map<string, { quantity: Decimal; amount: Decimal; lines: number }>;
  }
  const groups = new Map<string, Acc>();
  purchases.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || typeof p.genericName !== 'string' || p.genericName === '') {
      throw inputError(fn, `purchases[${i}].genericName`, (p as Partial<GenericPurchase> | null)?.genericName, 'a non-empty generic name', 'missing');
    }
    if (typeof p.selected !== 'boolean') {
      throw inputError(fn, `purchases[${i}].selected`, p.selected, 'true for a selected (中选) product, false otherwise', 'invalid-type');
    }
    const quantity = readQuantity(p.quantity, fn, `purchases[${i}].quantity`);
    const amount = readAmount(p.amount);
    if (amount === null) {
      throw inputError(fn, `purchases[${i}].amount`, p.amount, 'a finite decimal amount such as "1234.56"', 'invalid-amount');
    }
    let g = groups.get(p.genericName);
    if (g === undefined) groups.set(p.genericName, (g = { selQ: new DS(0), totQ: new DS(0), selA: new DS(0), totA: new DS(0), non: new Map() }));
    g.totQ = g.totQ.plus(quantity);
    g.totA = g.totA.plus(amount);
    if (p.selected) {
      g.selQ = g.selQ.plus(quantity);
      g.selA = g.selA.plus(amount);
    } else {
      const key = String(p.product ?? '');
      const n = g.non.get(key) ?? { quantity: new DS(0), amount: new DS(0), lines: 0 };
      g.non.set(key, { quantity: n.quantity.plus(quantity), amount: n.amount.plus(amount), lines: n.lines + 1 });
    }
  });
  return [...groups.entries()].map(([genericName, g]) => {
    const quantityShare = g.totQ.isZero() ? null : new D(g.selQ).dividedBy(g.totQ);
    const amountShare = g.totA.isZero() ? null : new D(g.selA).dividedBy(g.totA);
    const agreed = proportions.get(genericName) ?? null;
    // exact: selected ≥ agreed × total
    const meets = agreed === null || g.totQ.isZero() ? null : g.selQ.greaterThanOrEqualTo(agreed.times(g.totQ));
    return {
      genericName,
      selectedQuantity: g.selQ,
      totalQuantity: g.totQ,
      quantityShare,
      selectedAmount: g.selA,
      totalAmount: g.totA,
      amountShare,
      agreedProportion: agreed,
      meetsAgreedProportion: meets,
      gapPoints: agreed === null || quantityShare === null ? null : quantityShare.minus(agreed).times(HUNDRED),
      nonSelected: [...g.non.entries()].map(([product, v]) => ({ product, ...v })),
      citations: CITATIONS,
    };
  });
}
