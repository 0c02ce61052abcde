import { strictKeys } from '../_lib/options';
import type { PolicyId } from '../policy/policies';
import type { Decimal } from 'decimal.js';
import { D, HUNDRED } from '../_lib/decimal';
import { isCivilDate, CIVIL_DATE } from '../_lib/dates';
import { asCaller } from '../_lib/asCaller';
import type { Period } from '../_lib/period';
import { inputError } from '../errors';
import { LEVEL_LABELS, type Level } from '../institution/schema';
import { resolvePolicy } from '../policy/policies';
import type { Policy } from '../policy/schema';
import { MEASURES } from '../policy/measures';
import { aggregateRates } from '../rate/aggregateRates';
import type { InstitutionMeasure, RegionalMeasure, Warning } from '../rate/types';
import { checkTargets, type TargetCheck } from '../target/checkTargets';
import { formatShortfall } from '../target/formatShortfall';
import { formatRate } from '../rate/formatRate';
import type { DeadlineEvent } from '../calendar/reportingSchedule';
import type { VolumeGroupProgress } from '../vbp/aggregateVolumeProgress';
import { VOLUME_STATUS_LABELS } from '../vbp/agreedVolumeProgress';
import { comparePeers } from './comparePeers';
import { periodLabel } from './formatPeriod';
import { reportingCompleteness } from './reportingCompleteness';

/** What a bulletin is made of. */
export interface BulletinInput {
  readonly policy: PolicyId | Policy;
  /** Institution measures of the period, from {@link measureOnlineRates}. */
  readonly measures: readonly InstitutionMeasure[];
  /** Regions: `'province'`, `'city'` or `'county'`. */
  readonly by: 'province' | 'city' | 'county';
  /**
   * The period `{ from, to }`, printed as {@link formatPeriod} does (2024年第一季度, 2024年3月, or
   * the two dates); a string is printed as it is.
   */
  readonly period: Period | string;
  /** The period as printed, when it should read otherwise than {@link formatPeriod}'s label. */
  readonly periodLabel?: string | undefined;
  /** Agreed-volume progress to show (e.g. {@link aggregateVolumeProgress} by institution). */
  readonly vbp?: readonly VolumeGroupProgress[] | undefined;
  /** Deadlines (from {@link reportingSchedule}); those due on or after `asOf` are listed, the next five. */
  readonly deadlines?: readonly DeadlineEvent[] | undefined;
  /**
   * The run's warnings (`warnings` of {@link measureOnlineRates}, {@link ratesFromSQL} or an
   * accumulator's result), shown at the top as 数据提示: a run in which no line counted says so
   * before any table of "无数据".
   */
  readonly warnings?: readonly Warning[] | undefined;
}

/** Options of {@link renderBulletin}. */
export interface RenderBulletinOptions {
  readonly format: 'html' | 'markdown';
  readonly title: string;
  /** The date of the bulletin (the library reads no clock). */
  readonly asOf: string;
  /** Decimals of the percentages shown; 2 by default. */
  readonly digits?: number | undefined;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const levelName = (l: string) => (l in LEVEL_LABELS ? LEVEL_LABELS[l as Level].label : l === 'secondary-and-above' ? '二级以上' : l);
const wan = (yuan: Decimal) => yuan.dividedBy(10000).toFixed(2, D.ROUND_HALF_UP);
const NUMERALS = '一二三四五六七八九十';
/** A region's last part (county of province/city/county), or 未指定地区. */
const regionName = (id: string | null) => (id ?? '（未指定地区）').split('/').pop()!;

interface Table {
  readonly id: string;
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

function htmlTable(t: Table): string {
  return [
    `<table id="${t.id}">`,
    `<caption>${esc(t.caption)}</caption>`,
    `<thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** Markdown text that a renderer shows as written: `&`, `<` and `>` as entities, so that no data becomes markup. */
const mdText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function markdownTable(t: Table): string {
  // every cell escaped: `|` would end it, `<`, `>` and `&` would be markup to a renderer that allows HTML (issue 26)
  const cell = (s: string) => mdText(s).replace(/\|/g, '\\|');
  return [`**${mdText(t.caption)}**`, '', `| ${t.head.map(cell).join(' | ')} |`, `|${t.head.map(() => '---').join('|')}|`, ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/**
 * A horizontal bar chart that reads alone (issue 27): its title in view (measure, period, policy), bars ordered by
 * value across the whole width (100 % at the right edge, or the largest value beyond it), the values in a column of
 * their own right of the plot, so that no line crosses them, and a target shared by every bar drawn once, labelled
 * with its value above the bars (目标 85%); a reference per bar (time progress) is a tick on each.
 */
function barChart(id: string, title: string, items: ReadonlyArray<{ label: string; value: Decimal; reference: Decimal | null; text: string }>, referenceName: string, referenceEn: string): string {
  const [left, plot, rowHeight, top] = [200, 520, 24, 52];
  const sorted = [...items].sort((a, b) => b.value.comparedTo(a.value));
  const scale = D.max(1, ...sorted.map((i) => i.value), ...sorted.map((i) => i.reference ?? 0));
  const x = (v: Decimal) => new D(left).plus(D.max(v, 0).dividedBy(scale).times(plot)).toFixed(1);
  const height = top + sorted.length * rowHeight + 24;
  const shared = sorted.every((i) => i.reference !== null && i.reference.equals(sorted[0]!.reference!)) ? sorted[0]!.reference : null;
  const parts = [
    `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" width="${left + plot + 150}" height="${height}" viewBox="0 0 ${left + plot + 150} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${left}" y1="${top - 6}" x2="${left}" y2="${height - 20}" stroke="#333" />`,
  ];
  if (shared !== null) {
    // one target for all: one dashed line, its value above the bars, with the digits it has up to two (85%, 87.5%, 27.32%)
    parts.push(
      `<line x1="${x(shared)}" y1="${top - 10}" x2="${x(shared)}" y2="${height - 20}" stroke="#222" stroke-width="2" stroke-dasharray="4,3" />`,
      `<text x="${x(shared)}" y="${top - 14}" text-anchor="middle" font-size="12">${esc(referenceName)} ${esc(formatRate(shared, { digits: Math.min(2, shared.times(100).decimalPlaces()) }))}</text>`,
    );
  }
  sorted.forEach((item, i) => {
    const y = top + i * rowHeight;
    const below = item.reference !== null && item.value.lessThan(item.reference);
    parts.push(
      `<text x="${left - 6}" y="${y + 13}" text-anchor="end" font-size="12">${esc(item.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${new D(x(item.value)).minus(left).toFixed(1)}" height="16" fill="${below ? '#d9534f' : '#5b9bd5'}" />`,
      `<text x="${left + plot + 10}" y="${y + 13}" font-size="12">${esc(item.text)}</text>`,
    );
    if (shared === null && item.reference !== null) {
      parts.push(`<line x1="${x(item.reference)}" y1="${y - 3}" x2="${x(item.reference)}" y2="${y + 19}" stroke="#222" stroke-width="2" stroke-dasharray="3,2" />`);
    }
  });
  parts.push(`<text x="${left}" y="${height - 4}" font-size="11">红色：低于${referenceName}；虚线：${referenceName} / red: below the ${referenceEn}; dashed: the ${referenceEn}</text>`, '</svg>');
  return parts.join('\n');
}

/**
 * The bulletin (通报) of a period as one self-contained text: regional rates per level and measure,
 * the target checks, reporting completeness, the peer ranking, the lagging institutions with what
 * they must move or add, VBP completion against time progress and the next deadlines; in HTML with
 * inline SVG bar charts (no external asset, no script), or in Markdown (tables only).
 *
 * @category Reports
 * @see jiangsu-2022 main text §2(2) (按季通报); ganzhou-2023 §2(3)
 * @param input - `{ policy, measures, by, period, periodLabel?, vbp?, deadlines? }`
 * @param options - `{ format, title, asOf, digits = 2 }`
 * @returns the bulletin text
 * @throws {SunshineInputError} for bad options
 * @example
 * renderBulletin({ policy: 'jiangsu-2022', measures: [], by: 'city', period: { from: '2024-01-01', to: '2024-03-31' } }, { format: 'markdown', title: '通报', asOf: '2024-04-20' }).split('\n')[2] //=> '统计期间：2024年第一季度　发布日期：2024-04-20　依据：苏医保发〔2022〕38号'
 */
export function renderBulletin(input: BulletinInput, options: RenderBulletinOptions): string {
  const fn = 'renderBulletin';
  strictKeys(options, ['format', 'title', 'asOf', 'digits'], fn);
  strictKeys(input, ['policy', 'measures', 'by', 'period', 'periodLabel', 'vbp', 'deadlines', 'warnings'], fn, 'input');
  if (typeof options !== 'object' || options === null || (options.format !== 'html' && options.format !== 'markdown')) {
    throw inputError(fn, 'options.format', options?.format, 'one of "html", "markdown"');
  }
  if (!isCivilDate(options.asOf)) throw inputError(fn, 'options.asOf', options.asOf, CIVIL_DATE, 'invalid-date');
  if (typeof options.title !== 'string' || options.title.trim() === '') throw inputError(fn, 'options.title', options.title, 'a title', 'missing');
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw inputError(fn, 'options.digits', digits, 'an integer from 0 to 6', 'out-of-range');
  if (typeof input !== 'object' || input === null) throw inputError(fn, 'input', input, '{ policy, measures, by, period }', 'invalid-type');
  const policy = resolvePolicy(input.policy, fn, 'input.policy');
  const period =
    input.periodLabel !== undefined
      ? input.periodLabel
      : typeof input.period === 'string'
        ? input.period
        : periodLabel(input.period, fn, 'input.period');
  if (typeof period !== 'string' || period.trim() === '') {
    throw inputError(fn, input.periodLabel !== undefined ? 'input.periodLabel' : 'input.period', period, 'a period { from, to } or its label', 'missing');
  }
  for (const key of ['vbp', 'deadlines', 'warnings'] as const) {
    if (input[key] !== undefined && !Array.isArray(input[key])) throw inputError(fn, `input.${key}`, input[key], 'an array, or absent', 'invalid-type');
  }
  const warnings = (input.warnings ?? []).map((w, i) => {
    if (typeof w !== 'object' || w === null || typeof w.message !== 'string') throw inputError(fn, `input.warnings[${i}]`, w, 'a warning { code, message }', 'invalid-type');
    return w.message;
  });
  // the inner functions read the caller's measures and `by`: their refusals are renderBulletin's
  const mine = <T>(run: () => T) =>
    asCaller(fn, (path) => path.replace(/^(periods\[0\]\.)?measures|^periods\[0\]$/, 'input.measures').replace(/^options\.by/, 'input.by'), run);
  const pct = (r: Decimal | null) => (r === null ? '—' : `${r.times(HUNDRED).toFixed(digits, D.ROUND_HALF_UP)}%`);
  // a rate beside its target, with as many more digits as it takes not to print them the same when they differ
  // a rate beside its target, with as many more digits as it takes not to print them the same when they differ
  const pctBeside = (r: Decimal | null, target: Decimal) => formatRate(r, { digits, target });
  // a margin in points; one that is not zero but rounds to it keeps its first digit, and so its sign (−0.0001)
  const points = (m: Decimal) => {
    const text = m.toFixed(digits, D.ROUND_HALF_UP);
    return m.isZero() || !new D(text).isZero() ? text : m.toSignificantDigits(1, D.ROUND_DOWN).toFixed();
  };
  // region by region, levels in their natural order (三级, 二级, …, then 二级及以上)
  const rank = (l: string) => (l in LEVEL_LABELS ? Object.keys(LEVEL_LABELS).indexOf(l) : 9);
  const regions: RegionalMeasure[] = mine(() => aggregateRates(input.measures, { by: input.by })).sort(
    (a, b) => (a.region.id ?? '').localeCompare(b.region.id ?? '') || rank(a.level) - rank(b.level) || Object.keys(MEASURES).indexOf(a.measure) - Object.keys(MEASURES).indexOf(b.measure),
  );
  // one label for one fact (issue 27): 未报送 for an institution without any line, 无采购 for lines totalling zero
  const { table: completeness, entries } = mine(() => reportingCompleteness([{ period, measures: input.measures }], { by: input.by }));
  const notReported = new Set(entries.filter((e) => e.status === 'not-reported').map((e) => e.institutionId));
  const noResult = (c: TargetCheck) => (notReported.has(c.subject.id) ? '未报送' : c.status === 'no-purchases' ? '无采购' : '数据不一致');
  const regionChecks = checkTargets(regions, policy);
  const checks = mine(() => checkTargets(input.measures, policy));
  const names = new Map(input.measures.map((m) => [m.institutionId, m.institutionName ?? m.institutionId]));
  const name = (id: string) => names.get(id) ?? id;
  const checkOf = (subject: string, measure: string): TargetCheck | undefined => regionChecks.find((c) => c.subject.id === subject && c.measure === measure);

  const tables: Table[] = [];
  tables.push({
    id: 'regional-rates',
    caption: '地区网上采购率（同级别 Σ省平台 ÷ Σ院内，附件1 §1(2)）',
    head: ['地区', '级别', '指标', '机构数', '未报送', 'Σ省平台（万元）', 'Σ院内（万元）', '网采率', '目标', '是否达标'],
    rows: regions.map((r) => {
      const c = checkOf(r.subject.id, r.measure);
      return [regionName(r.region.id), levelName(r.level), r.label, String(r.institutions), String(r.notReported.length), wan(r.platformAmount), wan(r.totalAmount), pct(r.rate), c === undefined ? '—' : pct(c.target), c === undefined || c.meets === null ? '—' : c.meets ? '达标' : '未达标'];
    }),
  });
  tables.push({
    id: 'institution-checks',
    caption: `机构目标考核（${policy.document}）`,
    head: ['机构', '级别', '指标', '网采率', '目标', '结果', '差距（百分点）'],
    rows: checks.map((c) => [name(c.subject.id), levelName(c.level), c.label, pctBeside(c.rate, c.target), pct(c.target), c.meets === null ? noResult(c) : c.meets ? '达标' : '未达标', c.marginPoints === null ? '—' : points(c.marginPoints)]),
  });
  tables.push({
    id: 'completeness',
    caption: '报送完整性（未报送不计为 0%）',
    head: ['地区', '级别', '指标', '应报', '已报（有采购）', '已报（无采购）', '未报送', '报送率', '未报送机构'],
    rows: completeness.map((r) => [regionName(r.region), levelName(r.level), MEASURES[r.measure].label, String(r.expected), String(r.reported), String(r.noPurchases), String(r.notReported), pct(r.shareReported), r.notReportedIds.map(name).join('、') || '—']),
  });
  const rankedMeasure = policy.targets[0]?.measure ?? 'drug';
  const peers = mine(() => comparePeers(input.measures, { by: input.by, measure: rankedMeasure, policy }));
  tables.push({
    id: 'peer-ranking',
    caption: `同级排名（${MEASURES[rankedMeasure].label}网采率，并列同名次）`,
    head: ['地区', '级别', '名次', '机构', '网采率', '百分位', '同级中位数'],
    rows: peers.flatMap((g) => g.ranked.map((r) => [regionName(g.region), levelName(g.level), String(r.rank), name(r.institutionId), pct(r.rate), r.percentile === null ? '—' : pct(r.percentile), pct(g.median)])),
  });
  const lagging = checks.filter((c) => c.meets === false);
  tables.push({
    id: 'lagging',
    caption: '未达标机构及达标所需金额（元，向上取整到分）',
    head: ['机构', '指标', '网采率', '目标', '转入省平台（总额不变）', '或新增省平台采购'],
    rows: lagging.map((c) => [name(c.subject.id), c.label, pctBeside(c.rate, c.target), pct(c.target), formatShortfall(c.shortfallScenarios!.moveToPlatform), formatShortfall(c.shortfallScenarios!.addPlatformPurchases)]),
  });
  if (input.vbp !== undefined) {
    tables.push({
      id: 'vbp-progress',
      caption: '带量采购约定采购量完成进度',
      head: ['对象', '约定采购量', '已采购量', '完成进度', '序时进度', '状态'],
      rows: input.vbp.map((g) => [name(g.key), g.agreedQuantity.toFixed(), g.purchasedQuantity.toFixed(), pct(g.completionRate), pct(g.timeProgress), VOLUME_STATUS_LABELS[g.status]]),
    });
  }
  if (input.deadlines !== undefined) {
    const next = input.deadlines.filter((e) => e.due !== null && e.due >= options.asOf).slice(0, 5);
    tables.push({
      id: 'deadlines',
      caption: '近期报送期限',
      head: ['事项', '所属期', '截止日期', '说明', '依据'],
      rows: next.map((e) => [e.label, e.period, e.due!, e.provisional ? '暂定' : e.rolled ? `原定 ${e.nominalDue}，遇休息日顺延` : '', `${e.citation.document} ${e.citation.clause}`]),
    });
  }

  // numbered in the order shown, whichever sections are present
  const numbered = tables.map((t, i) => ({ ...t, caption: `${NUMERALS[i]}、${t.caption}` }));
  const rounding = `网采率以百分比显示，四舍五入保留 ${digits} 位小数；是否达标按精确值判断。金额：地区表为万元（保留两位小数），其余为元。`;
  if (options.format === 'markdown') {
    const notes = warnings.length === 0 ? [] : ['> **数据提示**', '>', ...warnings.map((w) => `> - ${mdText(w)}`), ''];
    return [`# ${mdText(options.title)}`, '', `统计期间：${mdText(period)}　发布日期：${options.asOf}　依据：${policy.document}`, '', ...notes, rounding, '', ...numbered.flatMap((t) => [markdownTable(t), '']), '（图表见 HTML 版。）', ''].join('\n');
  }
  const charts: string[] = [];
  for (const measure of new Set(checks.map((c) => c.measure))) {
    const items = checks
      .filter((c) => c.measure === measure && c.rate !== null)
      .map((c) => ({ label: name(c.subject.id), value: c.rate!, reference: c.target, text: pctBeside(c.rate, c.target) }));
    if (items.length > 0) charts.push(barChart(`chart-${measure}`, `${checks.find((c) => c.measure === measure)!.label}网采率与目标（${period}，${policy.document}）`, items, '目标', 'target'));
  }
  if (input.vbp !== undefined) {
    const items = input.vbp.filter((g) => g.completionRate !== null).map((g) => ({ label: name(g.key), value: g.completionRate!, reference: g.timeProgress, text: `${pct(g.completionRate)}（序时 ${pct(g.timeProgress)}）` }));
    if (items.length > 0) charts.push(barChart('chart-vbp', `带量采购完成进度与序时进度（截至 ${options.asOf}）`, items, '序时进度', 'time progress'));
  }
  const style = 'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}caption{text-align:left;font-weight:bold;margin:.5em 0}th,td{border:1px solid #999;padding:.25em .6em;text-align:right}th{background:#eee}td:first-child{text-align:left}.note{color:#555}.warnings{border:2px solid #b45309;background:#fff7ed;color:#7c2d12;padding:.2em 1em;margin:1em 0}';
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8" />',
    `<title>${esc(options.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(options.title)}</h1>`,
    `<p>统计期间：${esc(period)}　发布日期：${esc(options.asOf)}　依据：${esc(policy.document)}</p>`,
    ...(warnings.length === 0 ? [] : [`<div class="warnings" role="alert"><p><strong>数据提示</strong></p><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>`]),
    `<p class="note">${esc(rounding)}</p>`,
    ...numbered.map(htmlTable),
    ...charts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
