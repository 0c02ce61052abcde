/**
 * `policies` lists the built-in policies with their documents, issuers and periods in force; `check-policy FILE` reads a
 * policy JSON as `definePolicy` does and prints its errors (exit 1) or a summary of what it says (exit 0).
 */
import { Decimal } from 'decimal.js';
import { formatRate, LEVEL_LABELS, MEASURES, POLICIES, type Policy } from '../src/index';

/** A policy's period in force, in words. */
const inForce = (p: Policy) => (p.effective === undefined ? `${p.year} 年发布，未规定有效期 / issued ${p.year}, no period in force stated` : `${p.effective.from ?? '发布起'} 至 ${p.effective.to ?? '今'}`);

/** Its targets, one a line: measure, minimum, whom it binds, clause. */
function targetLines(p: Policy): string[] {
  return p.targets.map((t) => {
    const minimum = new Decimal(t.minimum);
    return `    ${MEASURES[t.measure].label} ≥ ${formatRate(minimum, { digits: Math.min(2, minimum.times(100).decimalPlaces()) })}（${t.appliesTo.map((a) => (a === 'institution' ? '机构' : '地区')).join('、')}）${t.by === undefined ? '' : `，${t.by} 前`} — ${t.clause}`;
  });
}

/** One policy as text: id, document, title, issuer, jurisdiction, period in force, targets, deadlines. */
export function policyText(p: Policy): string {
  const j = p.jurisdiction as { province?: string; city?: string; county?: string };
  return [
    `${p.id}  ${p.document}`,
    `  ${p.title}`,
    `  ${p.titleEn}`,
    `  发文 issuer: ${p.issuer.join('、')}；地区 jurisdiction: ${[j.province, j.city, j.county].filter(Boolean).join('') || '—'}`,
    `  有效期 in force: ${inForce(p)}`,
    `  范围 scope: ${p.scope.levels.map((l) => LEVEL_LABELS[l].label).join('、')}；${p.scope.ownership.join(', ')}`,
    `  指标 measures: ${p.measures.map((m) => MEASURES[m.id].label).join('、')}`,
    `  目标 targets:${p.targets.length === 0 ? ' 无 / none' : ''}`,
    ...targetLines(p),
    `  报送期限 deadlines: ${p.deadlines.length === 0 ? '无 / none' : p.deadlines.map((d) => d.label).join('、')}`,
  ].join('\n');
}

/** Every built-in policy. */
export function policiesText(): string {
  return Object.values(POLICIES as Readonly<Record<string, Policy>>).map(policyText).join('\n\n');
}

/** The built-in policies as data, for `--json`. */
export function policiesJson(): unknown[] {
  return Object.values(POLICIES as Readonly<Record<string, Policy>>).map((p) => ({ id: p.id, document: p.document, title: p.title, titleEn: p.titleEn, issuer: p.issuer, year: p.year, effective: p.effective ?? null, jurisdiction: p.jurisdiction, targets: p.targets.map((t) => ({ measure: t.measure, minimum: t.minimum, appliesTo: t.appliesTo, by: t.by ?? null, clause: t.clause })) }));
}
