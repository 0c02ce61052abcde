import type { Period } from '../_lib/period';
import { showValue } from '../errors';
import { EXCLUSION_LABELS, EXCLUSION_REASONS, REJECTION_LABELS, type Ledger, type RejectedLine, type RejectionKey, type Warning } from './types';

/** The dates of the lines seen (valid `YYYY-MM-DD` dates, whatever became of the lines), first and last. */
export interface DateSpan {
  readonly first: string;
  readonly last: string;
}

const ENGLISH_EXCLUSIONS = {
  'institution-out-of-scope': 'institution out of the policy scope',
  'outside-period': 'inbound date outside the period',
  'excluded-kind': 'a product kind the policy leaves out',
  'missing-insurance-code': 'no national insurance code',
} as const;

/** The key of a rejected line, as `ledger.rejected.byReason` counts it. */
const plural = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;

const keyOf = (r: RejectedLine): RejectionKey => (r.reason === 'unknown-institution' ? 'unknown-institution' : (`invalid:${r.field === '' ? 'institutionId' : r.field}` as RejectionKey));

/**
 * Warnings for a run in which no line counted (issue 25): every line rejected, every line that was
 * not rejected outside the period, or nothing included for other reasons. Each names the most
 * common reason (with an example line where the lines are known) and the dates the lines carried,
 * so that dates written `2024/01/05` or a period that misses the data are said, not found later in
 * the ledger. None when a line was included or there was no line.
 * @internal
 */
export function nothingCountedWarnings(ledger: Ledger, period: Period | undefined, span: DateSpan | null): Warning[] {
  const n = ledger.input.lines;
  if (n === 0 || ledger.included.lines > 0) return [];
  const dates = span === null ? null : { zh: `所见入库日期 ${span.first} 至 ${span.last}`, en: `the dates seen run from ${span.first} to ${span.last}` };
  const spanZh = dates === null ? '' : `；${dates.zh}`;
  const spanEn = dates === null ? '' : `; ${dates.en}`;

  // the rejected lines by key: counted from the lines where they are known, else from the database's counts
  const rejected = new Map<RejectionKey, { lines: number; example: RejectedLine | undefined }>();
  if (ledger.rejected.reasons.length > 0) {
    for (const r of ledger.rejected.reasons) {
      const entry = rejected.get(keyOf(r)) ?? { lines: 0, example: r };
      entry.lines++;
      rejected.set(keyOf(r), entry);
    }
  } else {
    for (const [key, t] of Object.entries(ledger.rejected.byReason ?? {})) rejected.set(key as RejectionKey, { lines: t.lines, example: undefined });
  }
  // ties go to the reason tested first, so that lines and a database's counts name the same one
  const order = Object.keys(REJECTION_LABELS);
  const topRejected = [...rejected].sort((a, b) => b[1].lines - a[1].lines || order.indexOf(a[0]) - order.indexOf(b[0]))[0];
  const rejectedText = (): { zh: string; en: string } => {
    if (topRejected === undefined) return { zh: '未知', en: 'not known' };
    const [key, { lines, example }] = topRejected;
    const field = key === 'unknown-institution' ? 'institutionId' : key.slice('invalid:'.length);
    const eg =
      example === undefined
        ? { zh: '', en: '' }
        : {
            zh: `，例如 lines[${example.index}] 的 ${field} 为 ${showValue(example.value)}`,
            en: `, e.g. lines[${example.index}]${example.field === '' ? '' : `.${example.field}`} ${showValue(example.value)}, expected ${example.expected}`,
          };
    const en = key === 'unknown-institution' ? 'an institution not in options.institutions' : `an invalid ${field}`;
    return { zh: `${REJECTION_LABELS[key]}（${lines} 行${eg.zh}）`, en: `${en} (${plural(lines)}${eg.en})` };
  };

  if (ledger.rejected.lines === n) {
    const top = rejectedText();
    return [
      {
        code: 'all-lines-rejected',
        message: `全部 ${n} 行均被拒收，没有一行计入网采率；最常见的原因：${top.zh}${spanZh} / ${n === 1 ? 'the one line was rejected and does not count' : `all ${n} lines were rejected and none counts`}; the most common reason: ${top.en}${spanEn}`,
      },
    ];
  }
  const excluded = ledger.excluded.byReason;
  const notRejected = n - ledger.rejected.lines;
  if (period !== undefined && excluded['outside-period'].lines === notRejected) {
    const rej = ledger.rejected.lines === 0 ? { zh: '', en: '' } : { zh: `（另有 ${ledger.rejected.lines} 行被拒收）`, en: ` (and ${ledger.rejected.lines} rejected)` };
    return [
      {
        code: 'all-lines-outside-period',
        message: `没有一行的入库日期在统计期间 ${period.from} 至 ${period.to} 内：${notRejected} 行均在期间外${rej.zh}${spanZh} / no line falls in the period ${period.from} to ${period.to}: ${notRejected === 1 ? 'the one line' : `all ${notRejected} lines`} not rejected ${notRejected === 1 ? 'is' : 'are'} outside it${rej.en}${spanEn}`,
      },
    ];
  }
  // nothing included for a mix of reasons: the most common of all
  const topExcluded = EXCLUSION_REASONS.map((r) => [r, excluded[r].lines] as const).sort((a, b) => b[1] - a[1])[0]!;
  const top =
    topRejected !== undefined && topRejected[1].lines > topExcluded[1]
      ? rejectedText()
      : { zh: `${EXCLUSION_LABELS[topExcluded[0]]}（${topExcluded[1]} 行）`, en: `${ENGLISH_EXCLUSIONS[topExcluded[0]]} (${plural(topExcluded[1])})` };
  return [
    {
      code: 'no-line-included',
      message: `${n} 行中没有一行计入网采率（剔除 ${ledger.excluded.lines} 行，拒收 ${ledger.rejected.lines} 行）；最常见的原因：${top.zh}${spanZh} / none of the ${plural(n)} counts (${ledger.excluded.lines} excluded, ${ledger.rejected.lines} rejected); the most common reason: ${top.en}${spanEn}`,
    },
  ];
}
