import type Decimal from 'decimal.js';
import { z } from 'zod';
import { ZERO } from '../_lib/decimal';
import { parseInput } from '../_lib/parseInput';
import { PeriodSchema, type Period } from '../_lib/period';
import { keepValue, SunshineInputError } from '../errors';
import { InstitutionSchema, type Institution } from '../institution/schema';
import { MEASURES, type MeasureId } from '../policy/measures';
import { resolvePolicy } from '../policy/policies';
import type { Policy } from '../policy/schema';
import { isLineProblem, readLine, type ReadLine } from './lineSchema';
import { rateFigures } from './rateFigures';
import {
  EXCLUSION_REASONS,
  type ExclusionReason,
  type InstitutionMeasure,
  type Ledger,
  type LineTally,
  type RejectedLine,
  type RejectionReason,
} from './types';

/** Options of {@link measureOnlineRates}. */
export interface MeasureOnlineRatesOptions {
  /** A policy object or a built-in id such as `'jiangsu-2022'`. */
  readonly policy: Policy | string;
  /** The institutions the lines belong to; lines of other ids are rejected. */
  readonly institutions: readonly unknown[];
  /** Count only lines received in `{ from, to }` (both included); absent: every date. */
  readonly period?: Period | undefined;
  /** Throw {@link SunshineInputError} on the first invalid line instead of rejecting it. */
  readonly strict?: boolean | undefined;
}

/** What {@link measureOnlineRates} returns. */
export interface MeasureOnlineRatesResult {
  /** One measure per in-scope institution and policy measure, in the order institutions were passed. */
  readonly measures: readonly InstitutionMeasure[];
  readonly ledger: Ledger;
}

class Tally {
  lines = 0;
  amount: Decimal = ZERO;
  add(amount: Decimal | null): void {
    this.lines += 1;
    if (amount !== null) this.amount = this.amount.plus(amount);
  }
  freeze(): LineTally {
    return { lines: this.lines, amount: this.amount };
  }
}

interface MeasureState {
  readonly measure: MeasureId;
  readonly highValueOnly: boolean;
  platform: Decimal;
  total: Decimal;
  emergency: Decimal;
  lines: number;
  readonly excluded: Map<ExclusionReason, Tally>;
}

interface InstitutionState {
  readonly institution: Institution;
  readonly inScope: boolean;
  readonly drug: MeasureState[];
  readonly consumable: MeasureState[];
}

const OptionsSchema = z.object({
  institutions: z.array(InstitutionSchema),
  period: PeriodSchema.optional(),
  strict: z.boolean().optional(),
});

/**
 * Classifies and sums purchase lines under one policy: the engine behind
 * {@link measureOnlineRates}.
 * @internal
 */
export class Measurer {
  private readonly policy: Policy;
  private readonly period: Period | undefined;
  private readonly strict: boolean;
  private readonly byId = new Map<string, InstitutionState>();
  private readonly order: InstitutionState[] = [];
  private readonly excludedKinds: ReadonlySet<string>;
  private readonly codeRequired: ReadonlySet<string>;
  private readonly input = new Tally();
  private readonly included = new Tally();
  private readonly excluded = new Map<ExclusionReason, Tally>();
  private readonly rejected = new Tally();
  private readonly rejections: RejectedLine[] = [];
  private index = 0;

  constructor(options: MeasureOnlineRatesOptions, fn: string) {
    if (typeof options !== 'object' || options === null) {
      throw new SunshineInputError(fn, [{ code: 'missing', path: 'options', value: options, expected: 'an options object { policy, institutions, period? }' }]);
    }
    this.policy = resolvePolicy(options.policy, fn, 'options.policy');
    const parsed = parseInput(OptionsSchema, { institutions: options.institutions, period: options.period, strict: options.strict }, fn, 'options');
    this.period = parsed.period;
    this.strict = parsed.strict ?? false;
    this.excludedKinds = new Set(this.policy.exclusions.map((e) => e.kind));
    this.codeRequired = new Set(this.policy.insuranceCode.requiredFor);
    const scope = this.policy.scope;
    parsed.institutions.forEach((institution, i) => {
      if (this.byId.has(institution.id)) {
        throw new SunshineInputError(fn, [{ code: 'duplicate', path: `options.institutions[${i}].id`, value: institution.id, expected: 'each institution id once' }]);
      }
      const inScope = scope.ownership.includes(institution.ownership) && scope.levels.includes(institution.level);
      const state: InstitutionState = { institution, inScope, drug: [], consumable: [] };
      if (inScope) {
        for (const m of this.policy.measures) {
          const def = MEASURES[m.id];
          state[def.category].push({ measure: m.id, highValueOnly: def.highValueOnly, platform: ZERO, total: ZERO, emergency: ZERO, lines: 0, excluded: new Map() });
        }
      }
      this.byId.set(institution.id, state);
      this.order.push(state);
    });
    for (const reason of EXCLUSION_REASONS) this.excluded.set(reason, new Tally());
  }

  /** Classifies one line: included, excluded with a reason, or rejected with a reason. */
  add(raw: unknown, fn: string): void {
    const index = this.index++;
    const line = readLine(raw);
    if (isLineProblem(line)) {
      this.reject(index, 'invalid', line.field, line.value, line.expected, line.amount, fn);
      return;
    }
    const state = this.byId.get(line.institutionId);
    if (state === undefined) {
      this.reject(index, 'unknown-institution', 'institutionId', line.institutionId, 'the id of one of options.institutions', line.amount, fn);
      return;
    }
    this.input.add(line.amount);
    const reason = this.exclusionOf(state, line);
    if (reason !== null) {
      this.excluded.get(reason)!.add(line.amount);
      for (const m of this.measuresOf(state, line)) {
        let tally = m.excluded.get(reason);
        if (tally === undefined) m.excluded.set(reason, (tally = new Tally()));
        tally.add(line.amount);
      }
      return;
    }
    this.included.add(line.amount);
    for (const m of this.measuresOf(state, line)) {
      m.lines += 1;
      m.total = m.total.plus(line.amount);
      if (line.channel === 'platform') m.platform = m.platform.plus(line.amount);
      else if (line.channel === 'emergency') m.emergency = m.emergency.plus(line.amount);
    }
  }

  private exclusionOf(state: InstitutionState, line: ReadLine): ExclusionReason | null {
    if (!state.inScope) return 'institution-out-of-scope';
    if (this.period !== undefined && (line.receivedOn < this.period.from || line.receivedOn > this.period.to)) return 'outside-period';
    if (line.kind !== undefined && this.excludedKinds.has(line.kind)) return 'excluded-kind';
    if (this.codeRequired.has(line.category) && (line.insuranceCode === undefined || line.insuranceCode.trim() === '')) {
      return 'missing-insurance-code';
    }
    return null;
  }

  private measuresOf(state: InstitutionState, line: ReadLine): MeasureState[] {
    const list = line.category === 'drug' ? state.drug : state.consumable;
    return line.highValue ? list : list.filter((m) => !m.highValueOnly);
  }

  private reject(index: number, reason: RejectionReason, field: string, value: unknown, expected: string, amount: Decimal | null, fn: string): void {
    if (this.strict) {
      throw new SunshineInputError(fn, [
        { code: reason === 'invalid' ? 'invalid-value' : 'unknown-id', path: field === '' ? `lines[${index}]` : `lines[${index}].${field}`, value: keepValue(value), expected },
      ]);
    }
    this.input.add(amount);
    this.rejected.add(amount);
    this.rejections.push({ index, reason, field, value: keepValue(value), expected });
  }

  result(): MeasureOnlineRatesResult {
    const policy = this.policy;
    const measures: InstitutionMeasure[] = [];
    for (const state of this.order) {
      if (!state.inScope) continue;
      const inst = state.institution;
      for (const pm of policy.measures) {
        const def = MEASURES[pm.id];
        const m = state[def.category].find((x) => x.measure === pm.id)!;
        const figures = rateFigures(m.platform, m.total, m.emergency);
        const excluded: Partial<Record<ExclusionReason, LineTally>> = {};
        for (const reason of EXCLUSION_REASONS) {
          const t = m.excluded.get(reason);
          if (t !== undefined) excluded[reason] = t.freeze();
        }
        measures.push({
          subject: { type: 'institution', id: inst.id },
          institutionId: inst.id,
          institutionName: inst.name,
          measure: pm.id,
          label: def.label,
          level: inst.level,
          ownership: inst.ownership,
          region: inst.region,
          ...figures,
          lines: m.lines,
          excluded,
          policyId: policy.id,
          citation: { policyId: policy.id, document: policy.document, clause: pm.clause },
        });
      }
    }
    return { measures, ledger: this.ledger() };
  }

  private ledger(): Ledger {
    const byReason = {} as Record<ExclusionReason, LineTally>;
    let exLines = 0;
    let exAmount: Decimal = ZERO;
    for (const reason of EXCLUSION_REASONS) {
      const t = this.excluded.get(reason)!.freeze();
      byReason[reason] = t;
      exLines += t.lines;
      exAmount = exAmount.plus(t.amount);
    }
    const input = this.input.freeze();
    const included = this.included.freeze();
    const rejected = this.rejected.freeze();
    const balanced =
      input.lines === included.lines + exLines + rejected.lines &&
      input.amount.equals(included.amount.plus(exAmount).plus(rejected.amount));
    return {
      input,
      included,
      excluded: { lines: exLines, amount: exAmount, byReason },
      rejected: { ...rejected, reasons: this.rejections.slice() },
      balanced,
    };
  }
}
