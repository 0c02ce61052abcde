import type { InstitutionMeasure } from './types';

/**
 * The institutions that appear in the data: at least one line of theirs, included or excluded
 * for a reason other than its date, in their drug or consumable measure. An institution that does
 * not appear has not reported; one that appears with a zero total reported no purchases.
 * @internal
 */
export function institutionsWithData(measures: readonly InstitutionMeasure[]): Set<string> {
  const seen = new Set<string>();
  for (const m of measures) {
    if (m.measure !== 'drug' && m.measure !== 'consumable') continue;
    let n = m.lines;
    for (const [reason, t] of Object.entries(m.excluded)) if (reason !== 'outside-period' && t !== undefined) n += t.lines;
    if (n > 0) seen.add(m.institutionId);
  }
  return seen;
}
