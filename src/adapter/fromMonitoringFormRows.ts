import { strictKeys } from '../_lib/options';
import type { InstitutionInput } from '../institution/schema';
import type { PolicyId } from '../policy/policies';
import { keepValue, SunshineInputError, inputError } from '../errors';
import { SU_2022_38 } from '../policy/documents';
import type { Institution } from '../institution/schema';
import { readInstitutions } from '../institution/readInstitutions';
import { readOrThrow } from '../_lib/read';
import { MEASURES } from '../policy/measures';
import { resolvePolicy } from '../policy/policies';
import type { Policy } from '../policy/schema';
import { fromMonitoringForm, type MonitoringFormRowInput } from '../report/monitoringForm';
import type { InstitutionMeasure } from '../rate/types';
import type { AdapterRejection } from './types';

/** Options of {@link measuresFromMonitoringForm}. */
export interface MeasuresFromMonitoringFormOptions {
  readonly policy: PolicyId | Policy;
  /** The institutions of the rows (level, ownership, region), by id. */
  readonly institutions: readonly InstitutionInput[];
}

/**
 * Reads filled-in monitoring forms (jiangsu-2022 annex 2, amounts in 万元) as institution measures,
 * so that forms sent in by hospitals can be checked against targets, aggregated by region and
 * ranked like measures computed from lines. A row that cannot be read (an unknown institution, a
 * cell that is not an amount) is rejected with its row number and column.
 *
 * @category Adapters
 * @see jiangsu-2022 annex 2
 * @param rows - the form's rows: `{ institutionId, drug: { hospitalAmount, platformAmount, emergencyAmount? }, consumable: {…} }`
 * @param options - `{ policy, institutions }`
 * @returns `{ measures, rejected }`: a drug and a consumable measure per row (line counts are not on the form: 0)
 * @throws {SunshineInputError} for bad options
 * @example
 * measuresFromMonitoringForm(
 *   [{ institutionId: 'H1', drug: { hospitalAmount: '100', platformAmount: '86' }, consumable: { hospitalAmount: '10', platformAmount: '7' } }],
 *   { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'secondary', ownership: 'public' }] },
 * ).measures[0].rate?.toString() //=> '0.86'
 */
export function measuresFromMonitoringForm(
  rows: readonly MonitoringFormRowInput[],
  options: MeasuresFromMonitoringFormOptions,
): { measures: InstitutionMeasure[]; rejected: AdapterRejection[] } {
  const fn = 'measuresFromMonitoringForm';
  strictKeys(options, ['policy', 'institutions'], fn);
  const policy = resolvePolicy(options?.policy, fn, 'options.policy');
  const institutions = readOrThrow(readInstitutions, options.institutions, fn, 'options.institutions');
  const byId = new Map<string, Institution>(institutions.map((i) => [i.id, i]));
  if (!Array.isArray(rows)) throw inputError(fn, 'rows', rows, 'the rows of a monitoring form', 'invalid-type');
  const measures: InstitutionMeasure[] = [];
  const rejected: AdapterRejection[] = [];
  (rows as readonly MonitoringFormRowInput[]).forEach((row, i) => {
    const inst = byId.get((row as { institutionId?: unknown } | null)?.institutionId as string);
    if (inst === undefined) {
      rejected.push({ index: i, column: 'institutionId', value: keepValue((row as { institutionId?: unknown } | null)?.institutionId), expected: 'the id of one of options.institutions' });
      return;
    }
    let rates;
    try {
      [rates] = fromMonitoringForm([row]);
    } catch (e) {
      const issue = e instanceof SunshineInputError ? e.issues[0] : undefined;
      rejected.push({ index: i, column: issue?.path.replace(/^rows\[0\]\./, '') ?? '', value: issue?.value, expected: issue?.expected ?? 'amounts in 万元' });
      return;
    }
    for (const id of ['drug', 'consumable'] as const) {
      const pm = policy.measures.find((m) => m.id === id);
      if (pm === undefined) continue;
      measures.push({
        subject: { type: 'institution', id: inst.id },
        institutionId: inst.id,
        institutionName: inst.name,
        measure: id,
        label: MEASURES[id].label,
        level: inst.level,
        ownership: inst.ownership,
        region: inst.region,
        ...rates![id],
        lines: 0,
        excluded: {},
        policyId: policy.id,
        citation: { policyId: 'jiangsu-2022', document: SU_2022_38, clause: 'annex 2 (监测表)' },
      });
    }
  });
  return { measures, rejected };
}
