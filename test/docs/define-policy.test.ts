import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTargets, definePolicy, filingDeadline, measureOnlineRates, reportingSchedule, type PurchaseLineInput } from '../../src/index';

const page = readFileSync(new URL('../../docs/define-policy.md', import.meta.url), 'utf8');
const json = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(page)![1]!) as Record<string, unknown>;

describe('docs/define-policy.md', () => {
  const policy = definePolicy(json);

  it('defines a valid policy from the JSON on the page, shares made canonical', () => {
    expect(policy.id).toBe('shili-2025');
    expect(policy.targets.map((t) => t.minimum)).toEqual(['0.9', '0.8', '0.85', '0.92']);
  });

  it('gives the figures the page works out by hand', () => {
    const institutions = [{ id: 'A', level: 'primary', ownership: 'public' }] as const;
    const base = { institutionId: 'A', receivedOn: '2026-03-02' };
    const lines: PurchaseLineInput[] = [
      { ...base, category: 'drug', channel: 'platform', amount: '9000' },
      { ...base, category: 'drug', channel: 'offline', amount: '1000' },
      { ...base, category: 'drug', kind: 'tcm-decoction-pieces', channel: 'offline', amount: '3000' },
      { ...base, category: 'consumable', channel: 'platform', amount: '800', insuranceCode: 'C01' },
      { ...base, category: 'consumable', channel: 'offline', amount: '500' },
      { ...base, category: 'consumable', channel: 'offline', amount: '200', insuranceCode: 'C02' },
    ];
    const { measures, ledger } = measureOnlineRates(lines, { policy, institutions: [...institutions] });
    const checks = checkTargets(measures, policy);
    expect(checks.map((c) => [c.measure, c.rate?.toString() ?? null, c.meets])).toEqual([
      ['drug', '0.9', true],
      ['consumable', '0.8', true],
      ['consumable-high-value', null, null],
    ]);
    expect(ledger.excluded.byReason['excluded-kind'].amount.toString()).toBe('3000');
    expect(ledger.excluded.byReason['missing-insurance-code'].amount.toString()).toBe('500');
    expect(filingDeadline('2026-09-30', policy).due).toBe('2026-10-13');
    // the January report, due the 10th of February 2026 (a Tuesday), is not rolled
    expect(reportingSchedule(policy, { year: 2026 })[0]).toMatchObject({ period: '2026-01', due: '2026-02-10', rolled: false });
  });

  it('names the field of a target written as a percentage', () => {
    const bad = { ...json, targets: [{ measure: 'drug', appliesTo: ['institution'], minimum: '90', clause: '§4' }] };
    expect(() => definePolicy(bad)).toThrow('definePolicy: targets[0].minimum expected a decimal share between 0 and 1 such as "0.85", got "90"');
  });
});
