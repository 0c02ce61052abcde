import type { InstitutionInput } from '../institution/schema';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { datePrefix, CIVIL_DATE } from '../_lib/dates';
import { DS } from '../_lib/decimal';
import { fenQuotient } from '../_lib/decimalWords';
import { ExactSum, FEN_LIMIT, fenToYuan, numberFen, parseFen } from '../_lib/exactSum';
import { bool, int, object, optional, readOrThrow } from '../_lib/read';
import { readPeriod, type Period } from '../_lib/period';
import { AMOUNT_EXPECTED, readAmount } from '../amount/readAmount';
import { PRODUCT_KINDS, type Category } from '../catalog/kinds';
import { keepValue, SunshineInputError, inputError } from '../errors';
import { cleanInstitutions } from '../institution/cleanInstitutions';
import { readInstitutions } from '../institution/readInstitutions';
import type { Institution } from '../institution/schema';
import { MEASURES } from '../policy/measures';
import { lineClassification, stepOf } from './classification';
import { resolvePolicy } from '../policy/policies';
import type { Policy } from '../policy/schema';
import { nothingCountedWarnings, type DateSpan } from './nothingCounted';
import { rateFigures } from './rateFigures';
import {
  EXCLUSION_REASONS,
  type ExclusionReason,
  type InstitutionMeasure,
  type Ledger,
  type LineTally,
  type RejectedLine,
  type RejectionReason,
  type Warning,
} from './types';
import { pure } from '../_lib/pure';

/** The keys of {@link MeasureOnlineRatesOptions}. @internal */
export const ENGINE_OPTIONS = ['policy', 'institutions', 'period', 'strict', 'firstIndex'] as const;

/** Options of {@link measureOnlineRates} and {@link createRateAccumulator}. */
export interface MeasureOnlineRatesOptions {
  /** A policy object or a built-in id such as `'jiangsu-2022'`. */
  readonly policy: PolicyId | Policy;
  /** The institutions the lines belong to; lines of other ids are rejected. */
  readonly institutions: readonly InstitutionInput[];
  /** Count only lines received in `{ from, to }` (both included); absent: every date. */
  readonly period?: Period | undefined;
  /** Throw {@link SunshineInputError} on the first invalid line instead of rejecting it. */
  readonly strict?: boolean | undefined;
  /**
   * The index of the first line this accumulator sees in the whole input, so that rejected
   * lines keep their position when chunks are processed apart and merged; 0 by default.
   */
  readonly firstIndex?: number | undefined;
}

/** What {@link measureOnlineRates} returns. */
export interface MeasureOnlineRatesResult {
  /** One measure per in-scope institution and policy measure, in the order institutions were passed. */
  readonly measures: readonly InstitutionMeasure[];
  readonly ledger: Ledger;
  /** Warnings about the whole run, e.g. a period outside the policy's validity (`policy-not-in-force`). */
  readonly warnings: readonly Warning[];
}

/** Exclusion reasons as small integers on the hot path (0, out of scope, is kept apart). */
const R_PERIOD = 1;
const R_KIND = 2;
const R_CODE = 3;

class Tally {
  lines = 0;
  readonly sum = new ExactSum();
  freeze(): LineTally {
    return { lines: this.lines, amount: this.sum.toDecimal() };
  }
}

/**
 * The sums of every measure of every institution live in one Float64Array, so that the hot
 * path is a dictionary lookup and a few array additions. First, four slots per institution
 * and measure: platform, total, emergency (fen) and included lines; the institution's measures
 * side by side, so that a line touches one cache line. After them, eight slots per institution
 * and measure for the excluded lines: for reason r, lines at 2r and fen at 2r + 1.
 */
export const HOT = 4;
export const S_PLATFORM = 0;
export const S_TOTAL = 1;
export const S_EMERGENCY = 2;
export const S_LINES = 3;
export const EXCLUDED = 8;

/** The options but the policy, read as a zod object of these fields would read them, without zod (../_lib/read.ts). */
const otherOptions = { period: optional(readPeriod), strict: optional(bool), firstIndex: optional(int(0, Number.MAX_SAFE_INTEGER)) };
const readOptions = /* @__PURE__ */ pure(() => object({ institutions: readInstitutions, ...otherOptions }));
/** The options but the institutions, for when cleanInstitutions has read them. */
const readOtherOptions = /* @__PURE__ */ pure(() => object(otherOptions));

const KIND_CATEGORY: Readonly<Record<string, 'drug' | 'consumable'>> = /* @__PURE__ */ pure(() => Object.assign(
  Object.create(null) as Record<string, 'drug' | 'consumable'>,
  Object.fromEntries(Object.entries(PRODUCT_KINDS).map(([k, v]) => [k, v.category])),
));
const KIND_LIST = /* @__PURE__ */ pure(() => Object.keys(PRODUCT_KINDS).map((k) => `"${k}"`).join(', '));
const DATE_EXPECTED = CIVIL_DATE;

/** Lines of an iterable read before they are classified together (see RateEngine.addAll). */
const ITERABLE_CHUNK = 1024;

/** How many valid dates an engine remembers (eleven years of days). */
const DATE_MEMO = 4096;

/** True for a real `YYYY-MM-DD` date from 1900 to 9999, by character codes (hot path). */
const isDateString = (s: string): boolean => s.length === 10 && datePrefix(s) !== 0;

/** The JSON form of an accumulator's state: plain data, amounts as exact decimal strings. */
export interface RateAccumulatorJSON {
  readonly format: 'sunshine-procurement/rate-accumulator';
  readonly version: 1;
  readonly policy: Policy;
  readonly institutions: readonly Institution[];
  readonly period: Period | null;
  readonly firstIndex: number;
  readonly seen: number;
  readonly input: string;
  /** Excluded lines by reason: `[lines, amount]`. */
  readonly excluded: Readonly<Record<ExclusionReason, readonly [number, string]>>;
  readonly rejected: { readonly lines: number; readonly amount: string; readonly reasons: readonly RejectedLine[] };
  /** Per in-scope institution (by id), per measure: `[platform, total, emergency, lines, excluded by reason]`. */
  readonly measures: Readonly<Record<string, Readonly<Record<string, readonly [string, string, string, number, Readonly<Partial<Record<ExclusionReason, readonly [number, string]>>>]>>>>;
  /** The first and last valid inbound dates of the lines seen, or null (absent in states written before it was kept). */
  readonly dates?: readonly [string, string] | null;
}

/**
 * The line-item engine: classifies and sums purchase lines under one policy, exactly, with
 * a hand-written validation that accepts and rejects what {@link PurchaseLineSchema} does.
 * @internal
 */
export class RateEngine {
  readonly policy: Policy;
  readonly institutions: readonly Institution[];
  readonly period: Period | undefined;
  readonly firstIndex: number;
  private readonly strict: boolean;
  private readonly fn: string;
  /** Institution id → index (a dictionary without prototype: "__proto__" is an ordinary key). */
  /** @internal */
  readonly indexOf: Record<string, number>;
  /** @internal */
  readonly inScope: Uint8Array;
  /** The measures (by index in the policy) fed by each kind of line. */
  private readonly drugSlots: readonly number[];
  private readonly consumableSlots: readonly number[];
  private readonly highValueSlots: readonly number[];
  /** Measures per institution. */
  /** @internal */
  readonly M: number;
  /** Where the excluded slots begin. */
  /** @internal */
  readonly X: number;
  /** Fen sums and line counts, see HOT and EXCLUDED. */
  /** @internal */
  readonly F: Float64Array;
  /** Overflow of fen sums beyond 2^52, by slot. */
  /** @internal */
  readonly big = new Map<number, bigint>();
  /** Amounts that are not whole fen (more decimals, or huge), by slot. */
  /** @internal */
  readonly dec = new Map<number, Decimal>();
  private readonly excludedKind: Readonly<Record<string, true>>;
  private readonly codeDrug: boolean;
  private readonly codeConsumable: boolean;
  private readonly from: string;
  private readonly to: string;
  private readonly hasPeriod: boolean;
  /**
   * Dates already found valid (a dictionary by content, at most DATE_MEMO entries): a year of
   * lines has at most 366 dates, and one lookup costs less than reading ten characters.
   */
  private readonly validDates: Record<string, true> = Object.create(null) as Record<string, true>;
  private validDateCount = 0;
  /** Lines seen. */
  seen = 0;
  /** The first and last valid inbound dates seen (`''`: none yet), for the warnings of a run in which nothing counts. */
  firstDate = '';
  lastDate = '';
  /** The one-line array through which add() reaches the line loop. */
  // Stryker disable next-line ArrayDeclaration: add() writes its one element before each use
  private readonly one: unknown[] = [undefined];
  /** Σ of every readable amount seen: the ledger's independent input total. */
  readonly input = new ExactSum();
  /** Excluded lines of out-of-scope institutions (the other reasons are kept per measure). */
  /** @internal */
  readonly outOfScope = new Tally();
  /** Rejected lines. */
  readonly rejected = new Tally();
  readonly rejections: RejectedLine[] = [];

  constructor(options: MeasureOnlineRatesOptions, fn: string) {
    this.fn = fn;
    if (typeof options !== 'object' || options === null) {
      throw inputError(fn, 'options', options, 'an options object { policy, institutions, period? }', 'missing');
    }
    this.policy = resolvePolicy(options.policy, fn, 'options.policy');
    const others = { period: options.period, strict: options.strict, firstIndex: options.firstIndex };
    // clean institutions are read by hand; otherwise zod checks them with the rest, and words every issue
    const clean = cleanInstitutions(options.institutions);
    const parsed =
      clean === null
        ? readOrThrow(readOptions, { institutions: options.institutions, ...others }, fn, 'options')
        : { ...readOrThrow(readOtherOptions, others, fn, 'options'), institutions: clean };
    this.institutions = parsed.institutions;
    this.period = parsed.period;
    this.strict = parsed.strict ?? false;
    this.firstIndex = parsed.firstIndex ?? 0;
    // the rules come from the one classification that the SQL compiler reads too; the line loop
    // below tries its steps in their order (classification.test.ts checks it pair by pair)
    const classification = lineClassification(this.policy, parsed.period);
    const period = stepOf(classification, 'outside-period').period;
    this.hasPeriod = period !== null;
    this.from = period?.from ?? '';
    this.to = period?.to ?? '';
    const excludedKind = Object.create(null) as Record<string, true>;
    for (const kind of stepOf(classification, 'excluded-kind').kinds) excludedKind[kind] = true;
    this.excludedKind = excludedKind;
    const codeFor = stepOf(classification, 'missing-insurance-code').categories;
    this.codeDrug = codeFor.includes('drug');
    this.codeConsumable = codeFor.includes('consumable');
    const feeds = classification.feeds;
    const slotsOf = (category: Category, highValue: boolean) => feeds.flatMap((f, k) => (f.category === category && (highValue || !f.highValueOnly) ? [k] : []));
    this.drugSlots = slotsOf('drug', false);
    this.consumableSlots = slotsOf('consumable', false);
    this.highValueSlots = slotsOf('consumable', true);
    this.M = feeds.length;
    const scope = stepOf(classification, 'institution-out-of-scope');
    const indexOf = Object.create(null) as Record<string, number>;
    this.inScope = new Uint8Array(parsed.institutions.length);
    parsed.institutions.forEach((institution, i) => {
      if (indexOf[institution.id] !== undefined) {
        throw inputError(fn, `options.institutions[${i}].id`, institution.id, 'each institution id once', 'duplicate');
      }
      indexOf[institution.id] = i;
      this.inScope[i] = scope.ownership.includes(institution.ownership) && scope.levels.includes(institution.level) ? 1 : 0;
    });
    this.indexOf = indexOf;
    this.X = parsed.institutions.length * this.M * HOT;
    this.F = new Float64Array(parsed.institutions.length * this.M * (HOT + EXCLUDED));
    keepHiddenClasses();
  }

  /** Adds whole fen (or, when dec is not null, a Decimal) to a slot, exactly. */
  /** @internal */
  addAt(slot: number, fen: number, dec: Decimal | null): void {
    if (dec === null) {
      const s = this.F[slot]! + fen;
      // Stryker disable next-line EqualityOperator: at exactly 2^52 fen both branches keep the sum exact
      if (Math.abs(s) > FEN_LIMIT) {
        // both terms are at most 2^52 in size, so s is still exact: carry it into the bigint
        this.big.set(slot, (this.big.get(slot) ?? BigInt(0)) + BigInt(s));
        this.F[slot] = 0;
      } else {
        this.F[slot] = s;
      }
    } else {
      const d = this.dec.get(slot);
      this.dec.set(slot, d === undefined ? new DS(dec) : d.plus(dec));
    }
  }

  /** Adds a slot's exact sum into an ExactSum. */
  private addSlotTo(slot: number, into: ExactSum): void {
    into.addFen(this.F[slot]!);
    const b = this.big.get(slot);
    if (b !== undefined) into.big = (into.big ?? BigInt(0)) + b;
    const d = this.dec.get(slot);
    if (d !== undefined) into.addDecimal(d);
  }

  /** The exact yuan sum of a slot. */
  /** @internal */
  sumAt(slot: number): Decimal {
    if (this.big.size === 0 && this.dec.size === 0) return fenToYuan(this.F[slot]!);
    const s = new ExactSum();
    this.addSlotTo(slot, s);
    return s.toDecimal();
  }

  /** Classifies one line: included, excluded with a reason, or rejected with a reason. */
  add(raw: unknown): void {
    const one = this.one;
    one[0] = raw;
    this.addLines(one, 1);
    // not kept, so that it can be collected (a line that threw stays until the next one)
    // Stryker disable next-line all: only memory depends on this
    one[0] = undefined;
  }

  /**
   * Classifies lines[0] to lines[n - 1]: the one line loop, with the engine's fields held in
   * locals (read once per call rather than once per line).
   */
  private addLines(lines: ArrayLike<unknown>, n: number): void {
    const start = this.firstIndex + this.seen;
    const F = this.F;
    const indexOf = this.indexOf;
    const inScope = this.inScope;
    const validDates = this.validDates;
    const excludedKind = this.excludedKind;
    const drugSlots = this.drugSlots;
    const consumableSlots = this.consumableSlots;
    const highValueSlots = this.highValueSlots;
    const M = this.M;
    const X = this.X;
    const hasPeriod = this.hasPeriod;
    const from = this.from;
    const to = this.to;
    const codeDrug = this.codeDrug;
    const codeConsumable = this.codeConsumable;
    const input = this.input;
    const outOfScope = this.outOfScope;
    let i = 0;
    try {
      for (; i < n; i++) {
        const index = start + i;
        const raw = lines[i];
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          this.reject(index, 'invalid', '', raw, 'a purchase line object', Number.NaN, null);
          continue;
        }
        const line = raw as Record<string, unknown>;
        // the amount first, so that a line rejected for another field still balances the ledger
        const rawAmount = line.amount;
        let fen = typeof rawAmount === 'string' ? parseFen(rawAmount) : typeof rawAmount === 'number' ? numberFen(rawAmount) : Number.NaN;
        let dec: Decimal | null = null;
        if (fen !== fen) {
          dec = readAmount(rawAmount);
          if (dec !== null) fen = 0;
        }
        const institutionId = line.institutionId;
        if (typeof institutionId !== 'string' || institutionId.length === 0) {
          this.reject(index, 'invalid', 'institutionId', institutionId, 'a non-empty institution id', fen, dec);
          continue;
        }
        const receivedOn = line.receivedOn;
        if (typeof receivedOn !== 'string') {
          this.reject(index, 'invalid', 'receivedOn', receivedOn, DATE_EXPECTED, fen, dec);
          continue;
        }
        if (validDates[receivedOn] !== true) {
          if (!isDateString(receivedOn)) {
            this.reject(index, 'invalid', 'receivedOn', receivedOn, DATE_EXPECTED, fen, dec);
            continue;
          }
          // a date not met before (or past the memo): the only place the span can change
          if (this.firstDate === '' || receivedOn < this.firstDate) this.firstDate = receivedOn;
          if (receivedOn > this.lastDate) this.lastDate = receivedOn;
          // Stryker disable all: what the memo holds bounds memory and time, not answers
          if (this.validDateCount < DATE_MEMO) {
            validDates[receivedOn] = true;
            this.validDateCount++;
          }
        }
        // Stryker restore all: here, before a statement (a comment at the end of a block is not seen)
        const category = line.category;
        const isDrug = category === 'drug';
        if (!isDrug && category !== 'consumable') {
          this.reject(index, 'invalid', 'category', category, 'one of "drug", "consumable"', fen, dec);
          continue;
        }
        const kind = line.kind;
        if (kind !== undefined && kind !== null) {
          const kc = typeof kind === 'string' ? KIND_CATEGORY[kind] : undefined;
          if (kc === undefined) {
            this.reject(index, 'invalid', 'kind', kind, `absent or one of ${KIND_LIST}`, fen, dec);
            continue;
          }
          if (kc !== category) {
            this.reject(index, 'invalid', 'kind', kind, `a ${category} kind`, fen, dec);
            continue;
          }
        }
        const highValue = line.highValue;
        if (highValue !== undefined && highValue !== null && highValue !== true && highValue !== false) {
          this.reject(index, 'invalid', 'highValue', highValue, 'absent or a boolean', fen, dec);
          continue;
        }
        if (isDrug && highValue === true) {
          this.reject(index, 'invalid', 'highValue', highValue, 'highValue only on consumables', fen, dec);
          continue;
        }
        const code = line.insuranceCode;
        if (code !== undefined && code !== null && typeof code !== 'string') {
          this.reject(index, 'invalid', 'insuranceCode', code, 'absent or a string', fen, dec);
          continue;
        }
        const channel = line.channel;
        const platform = channel === 'platform';
        const emergency = channel === 'emergency';
        if (!platform && !emergency && channel !== 'offline') {
          this.reject(index, 'invalid', 'channel', channel, 'one of "platform", "emergency", "offline"', fen, dec);
          continue;
        }
        if (fen !== fen) {
          this.reject(index, 'invalid', 'amount', rawAmount, AMOUNT_EXPECTED, fen, dec);
          continue;
        }
        const inst = indexOf[institutionId];
        if (inst === undefined) {
          this.reject(index, 'unknown-institution', 'institutionId', institutionId, 'the id of one of options.institutions', fen, dec);
          continue;
        }
        if (dec === null) input.addFen(fen);
        else input.addDecimal(dec);

        if (inScope[inst] === 0) {
          outOfScope.lines++;
          if (dec === null) outOfScope.sum.addFen(fen);
          else outOfScope.sum.addDecimal(dec);
          continue;
        }
        const slots = isDrug ? drugSlots : highValue === true ? highValueSlots : consumableSlots;
        const base = inst * M;
        let reason = 0;
        if (hasPeriod && (receivedOn < from || receivedOn > to)) reason = R_PERIOD;
        // most lines have no kind: the test of kind first spares them a dictionary lookup
        else if (kind !== undefined && kind !== null && excludedKind[kind as string] === true) reason = R_KIND;
        else if ((isDrug ? codeDrug : codeConsumable) && (code === undefined || code === null || isBlank(code as string))) reason = R_CODE;
        if (reason !== 0) {
          for (const k of slots) {
            const at = X + (base + k) * EXCLUDED + 2 * reason;
            F[at] = F[at]! + 1;
            this.addAt(at + 1, fen, dec);
          }
          continue;
        }
        for (let j = 0; j < slots.length; j++) {
          const at = (base + slots[j]!) * HOT;
          F[at + S_LINES] = F[at + S_LINES]! + 1;
          if (dec === null) {
            // addAt's fast path written out for the total and platform sums that nearly every line
            // touches (with addAt for every sum, and the kind looked up on every line, the line loop
            // measured about 10 % slower)
            const t = F[at + S_TOTAL]! + fen;
            // Stryker disable next-line EqualityOperator: at exactly 2^52 fen either branch keeps the sum exact
            if (Math.abs(t) > FEN_LIMIT) this.addAt(at + S_TOTAL, fen, null);
            else F[at + S_TOTAL] = t;
            if (platform) {
              // Stryker disable next-line ArithmeticOperator: S_PLATFORM is 0, so at - S_PLATFORM is the same slot
              const p = F[at + S_PLATFORM]! + fen;
              // Stryker disable next-line EqualityOperator,ArithmeticOperator: as above
              if (Math.abs(p) > FEN_LIMIT) this.addAt(at + S_PLATFORM, fen, null);
              // Stryker disable next-line ArithmeticOperator: as above
              else F[at + S_PLATFORM] = p;
            } else if (emergency) {
              this.addAt(at + S_EMERGENCY, fen, null);
            }
          } else {
            this.addAt(at + S_TOTAL, 0, dec);
            // Stryker disable next-line ArithmeticOperator: S_PLATFORM is 0, so at - S_PLATFORM is the same slot
            if (platform) this.addAt(at + S_PLATFORM, 0, dec);
            else if (emergency) this.addAt(at + S_EMERGENCY, 0, dec);
          }
        }
      }
    } finally {
      // every line begun counts as seen, also one whose reading threw
      this.seen += i < n ? i + 1 : n;
    }
  }

  private reject(index: number, reason: RejectionReason, field: string, value: unknown, expected: string, fen: number, dec: Decimal | null): void {
    if (this.strict) {
      throw inputError(this.fn, field === '' ? `lines[${index}]` : `lines[${index}].${field}`, keepValue(value), expected, reason === 'invalid' ? 'invalid-value' : 'unknown-id');
    }
    this.rejected.lines++;
    if (dec !== null) {
      this.rejected.sum.addDecimal(dec);
      this.input.addDecimal(dec);
    } else if (fen === fen) {
      this.rejected.sum.addFen(fen);
      this.input.addFen(fen);
    }
    this.rejections.push({ index, reason, field, value: keepValue(value), expected });
  }

  /**
   * Classifies every line of an array or iterable. An iterable is read in chunks of
   * ITERABLE_CHUNK lines, each classified as an array, so that a stream takes the array's loop.
   */
  addAll(lines: Iterable<unknown>, fn: string): void {
    // Stryker disable next-line ConditionalExpression: an array read as an iterable gives the same sums, more slowly
    if (Array.isArray(lines)) {
      this.addLines(lines, lines.length);
    } else if (lines !== null && typeof lines === 'object' && typeof (lines as Iterable<unknown>)[Symbol.iterator] === 'function') {
      const chunk: unknown[] = [];
      for (const line of lines) {
        chunk.push(line);
        if (chunk.length === ITERABLE_CHUNK) {
          this.addLines(chunk, ITERABLE_CHUNK);
          chunk.length = 0;
        }
      }
      this.addLines(chunk, chunk.length);
    } else {
      throw inputError(fn, 'lines', lines, 'an array (or iterable) of purchase lines', 'invalid-type');
    }
  }

  /** The measures and the ledger. */
  result(): MeasureOnlineRatesResult {
    const policy = this.policy;
    const measures: InstitutionMeasure[] = [];
    let includedLines = 0;
    const includedSum = new ExactSum();
    const excludedLines = [this.outOfScope.lines, 0, 0, 0];
    const excludedSums = [this.outOfScope.sum, new ExactSum(), new ExactSum(), new ExactSum()];
    const F = this.F;
    // with every sum in whole fen below 2^52, a rate is the quotient of two fen counts
    const exact = this.big.size === 0 && this.dec.size === 0;
    const institutions = this.institutions;
    for (let i = 0; i < institutions.length; i++) {
      if (this.inScope[i] === 0) continue;
      const inst = institutions[i]!;
      for (let k = 0; k < this.M; k++) {
        const pm = policy.measures[k]!;
        const at = (i * this.M + k) * HOT;
        const ex0 = this.X + (i * this.M + k) * EXCLUDED;
        // every excluded or included line feeds exactly one of the "drug" and "consumable" measures
        const ledgerMeasure = pm.id === 'drug' || pm.id === 'consumable';
        const lines = F[at + S_LINES]!;
        const total = this.sumAt(at + S_TOTAL);
        const ex: Partial<Record<ExclusionReason, LineTally>> = {};
        for (let r = 1; r < 4; r++) {
          const n = F[ex0 + 2 * r]!;
          if (n === 0) continue;
          ex[EXCLUSION_REASONS[r]!] = { lines: n, amount: this.sumAt(ex0 + 2 * r + 1) };
          if (ledgerMeasure) {
            excludedLines[r] = excludedLines[r]! + n;
            this.addSlotTo(ex0 + 2 * r + 1, excludedSums[r]!);
          }
        }
        if (ledgerMeasure) {
          includedLines += lines;
          this.addSlotTo(at + S_TOTAL, includedSum);
        }
        const f = rateFigures(this.sumAt(at + S_PLATFORM), total, this.sumAt(at + S_EMERGENCY), exact ? () => fenQuotient(F[at + S_PLATFORM]!, F[at + S_TOTAL]!) : undefined);
        // written out rather than spread: a spread copies through a slower generic path
        measures.push({
          subject: { type: 'institution', id: inst.id },
          institutionId: inst.id,
          institutionName: inst.name,
          measure: pm.id,
          label: MEASURES[pm.id].label,
          level: inst.level,
          ownership: inst.ownership,
          region: inst.region,
          platformAmount: f.platformAmount,
          totalAmount: f.totalAmount,
          emergencyAmount: f.emergencyAmount,
          rate: f.rate,
          status: f.status,
          warnings: f.warnings,
          lines,
          excluded: ex,
          policyId: policy.id,
          citation: { policyId: policy.id, document: policy.document, clause: pm.clause },
        });
      }
    }
    const byReason = {} as Record<ExclusionReason, LineTally>;
    let exLines = 0;
    // sums in DS: exact past D's 60 digits (two 30 + 30-digit amounts)
    let exAmount: Decimal = new DS(0);
    for (let r = 0; r < 4; r++) {
      const amount = excludedSums[r]!.toDecimal();
      byReason[EXCLUSION_REASONS[r]!] = { lines: excludedLines[r]!, amount };
      exLines += excludedLines[r]!;
      exAmount = exAmount.plus(amount);
    }
    const input: LineTally = { lines: this.seen, amount: this.input.toDecimal() };
    const inc: LineTally = { lines: includedLines, amount: includedSum.toDecimal() };
    const rej = this.rejected.freeze();
    const balanced = input.lines === inc.lines + exLines + rej.lines && input.amount.equals(new DS(inc.amount).plus(exAmount).plus(rej.amount));
    const ledger: Ledger = {
      input,
      included: inc,
      excluded: { lines: exLines, amount: exAmount, byReason },
      rejected: { ...rej, reasons: this.rejections.slice() },
      balanced,
    };
    return { measures, warnings: [...this.validityWarnings(), ...nothingCountedWarnings(ledger, this.period, this.dateSpan())], ledger };
  }

  /** The first and last valid dates seen, or null. */
  dateSpan(): DateSpan | null {
    return this.firstDate === '' ? null : { first: this.firstDate, last: this.lastDate };
  }

  /** A warning when the period reaches outside the policy's period of effect. */
  validityWarnings(): Warning[] {
    const eff = this.policy.effective;
    const period = this.period;
    if (eff === undefined || period === undefined) return [];
    const before = eff.from !== undefined && period.from < eff.from;
    const after = eff.to !== undefined && period.to > eff.to;
    if (!before && !after) return [];
    const span = `${eff.from ?? '…'} – ${eff.to ?? '…'}`;
    return [
      {
        code: 'policy-not-in-force',
        message: `统计期间 ${period.from} 至 ${period.to} 超出 ${this.policy.id} 的施行期间（${span}，${eff.clause}） / the period reaches outside the policy's period of effect (${span})`,
      },
    ];
  }

  /** The index of an institution id among the engine's institutions, or -1. */
  institutionIndex(id: string): number {
    return this.indexOf[id] ?? -1;
  }

  /** True when the institution at index `i` is in the policy's scope. */
  isInScope(i: number): boolean {
    return this.inScope[i] === 1;
  }

}

function isBlank(s: string): boolean {
  if (s.length === 0) return true;
  // a blank string starts with white space (String.prototype.trim's set), so test that first
  const c0 = s.charCodeAt(0);
  return (c0 <= 32 || c0 === 0xa0 || c0 === 0x1680 || c0 >= 0x2000) && s.trim() === '';
}

/**
 * One small engine, made with the first real one and kept while the module is loaded, so that
 * the line loop stays optimised from one call to the next. V8's optimised code checks the
 * hidden classes ("maps") of RateEngine, Tally and ExactSum objects and holds them weakly; when
 * the engines of a call are collected, a full GC can drop what that code depends on, and the
 * next call starts again in unoptimised code (`node --trace-deopt` shows "marking dependent
 * code … for deoptimization, reason: weak objects" for add, addAll, addFen, sumAt…). Measured
 * on a million lines: `add` was optimised 11 times in the 12 calls of the rates benchmark, and
 * each call after a full GC ran ~20 ms longer (~115 ms against ~93 ms); with this engine kept,
 * twice. Its input sum goes past 2^31 fen, so that its `fen` field has the double representation
 * that the sums of real data reach. (Made at import instead, it did not stop the deoptimisations:
 * measured, not explained.)
 */
let keptEngine: RateEngine | null | undefined;

// Stryker disable next-line all: only speed depends on this function
function keepHiddenClasses(): void {
  // Stryker disable next-line all: as above
  if (keptEngine !== undefined) return;
  keptEngine = null; // the engine made below must not make another
  // Stryker disable next-line all: as above
  keptEngine = new RateEngine({ policy: 'jiangsu-2022', institutions: [] }, 'RateEngine');
  // Stryker disable next-line all: as above
  keptEngine.input.addFen(2 ** 40);
}
