import type { Period } from '../_lib/period';
import { jsonValue, showValue } from '../errors';
import { EXCLUSION_LABELS, EXCLUSION_REASONS, REJECTION_LABELS, type Ledger, type RejectionKey, type Warning } from './types';

/** The dates of the lines seen (valid `YYYY-MM-DD` dates, whatever became of the lines), first and last. */
export interface DateSpan {
  readonly first: string;
  readonly last: string;
}

/**
 * The warning of a run in which no line counted (issue 25): `all-lines-rejected`,
 * `all-lines-outside-period` (every line not rejected is outside the period) or `no-line-included`
 * (a mix of reasons). It names the most common reason (with an example line where the lines are
 * known) and the dates the lines carried, so that dates written `2024/01/05` or a period that
 * misses the data are said, not found later in the ledger. None when a line was included or there
 * was no line.
 * @internal
 */
export function nothingCountedWarnings(ledger: Ledger, period: Period | undefined, span: DateSpan | null): Warning[] {
  const { input, rejected, excluded } = ledger;
  const lines = (k: number) => `${k} line${k === 1 ? '' : 's'}`;
  const n = input.lines;
  if (n === 0 || ledger.included.lines > 0) return [];
  // every reason with its count: the rejections (from the lines where they are known, else from a
  // database's counts), then the exclusions; the most common first, ties to the one tested first
  const counts = new Map<string, number>(Object.keys(REJECTION_LABELS).map((k) => [k, 0]));
  const keyOf = (r: { reason: string; field: string }) => (r.reason === 'unknown-institution' ? r.reason : `invalid:${r.field || 'institutionId'}`);
  for (const r of rejected.reasons) counts.set(keyOf(r), counts.get(keyOf(r))! + 1);
  if (rejected.reasons.length === 0) for (const [k, t] of Object.entries(rejected.byReason ?? {})) counts.set(k, t.lines);
  for (const r of EXCLUSION_REASONS) counts.set(r, excluded.byReason[r].lines);
  const [key, count] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  const example = rejected.reasons.find((r) => keyOf(r) === key);
  // the value as JSON carries it, so that a state sent through JSON gives the same warning
  const at = example === undefined ? '' : `lines[${example.index}]${example.field && `.${example.field}`} ${showValue(jsonValue(example.value))}`;
  // the period beside its reason, whenever that is the reason; the code says whether it is every line not rejected
  const outside = key === 'outside-period' && period !== undefined ? `${period.from} – ${period.to}` : '';
  const label = key in EXCLUSION_LABELS ? EXCLUSION_LABELS[key as keyof typeof EXCLUSION_LABELS] : REJECTION_LABELS[key as RejectionKey] ?? '未知';
  const code = rejected.lines === n ? 'all-lines-rejected' : outside !== '' && count === n - rejected.lines ? 'all-lines-outside-period' : 'no-line-included';
  const zh = `${n} 行中没有一行计入网采率（拒收 ${rejected.lines} 行，剔除 ${excluded.lines} 行）；最常见的原因：${label}${outside && `（统计期间 ${outside}）`}，${count} 行${at && `，例如 ${at}`}${span === null ? '' : `；所见入库日期 ${span.first} 至 ${span.last}`}`;
  const en = `none of ${lines(n)} counts (${rejected.lines} rejected, ${excluded.lines} excluded); the most common reason: ${key}${outside && ` (the period is ${outside})`}, ${lines(count)}${example === undefined ? '' : `, e.g. ${at}, expected ${example.expected}`}${span === null ? '' : `; the dates seen run from ${span.first} to ${span.last}`}`;
  return [{ code, message: `${zh} / ${en}` }];
}
