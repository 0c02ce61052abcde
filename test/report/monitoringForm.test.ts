/**
 * The monitoring form (jiangsu-2022 annex 2) beyond the fixtures: what it refuses, in words, and
 * the rounding it is asked for. The figures themselves are the fixtures' (test/fixtures/jiangsu-2022/).
 */
import { describe, expect, it } from 'vitest';
import { fromMonitoringForm, measureOnlineRates, toMonitoringForm } from '../../src/index';
import { refusal } from '../_helpers/refusal';


// H1: 123,456.78 元 of drugs on the platform and 10,000.00 off it; no consumables
const measures = () =>
  measureOnlineRates(
    [
      { institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '123456.78', insuranceCode: 'X' },
      { institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: '10000', insuranceCode: 'X' },
    ],
    { policy: 'jiangsu-2022', institutions: [{ id: 'H1', name: '示例医院', level: 'tertiary', ownership: 'public' }] },
  ).measures;

describe('toMonitoringForm', () => {
  it('writes 万元 exactly, or rounded half up to the digits asked for', () => {
    const exact = toMonitoringForm(measures()).rows[0]!;
    // 133,456.78 元 = 13.345678 万元; on the platform 12.345678
    expect([exact.institutionName, exact.drug.hospitalAmount.toFixed(), exact.drug.platformAmount.toFixed(), exact.consumable.hospitalAmount.toFixed()]).toEqual(['示例医院', '13.345678', '12.345678', '0']);
    const two = toMonitoringForm(measures(), { digits: 2 }).rows[0]!;
    expect([two.drug.hospitalAmount.toFixed(), two.drug.platformAmount.toFixed()]).toEqual(['13.35', '12.35']);
    expect(toMonitoringForm(measures(), { digits: 0 }).rows[0]!.drug.hospitalAmount.toFixed()).toBe('13');
    expect(toMonitoringForm(measures(), { digits: 10 }).rows[0]!.drug.hospitalAmount.toFixed()).toBe('13.345678');
  });

  it('refuses what is not institution measures, and digits outside 0–10', () => {
    expect(refusal(() => toMonitoringForm(measures(), { digits: 11 }))).toBe('toMonitoringForm: options.digits expected an integer from 0 to 10, got 11');
    expect(refusal(() => toMonitoringForm(measures(), { digits: -1 }))).toContain('options.digits expected an integer from 0 to 10');
    expect(refusal(() => toMonitoringForm(measures(), { digits: 1.5 }))).toContain('options.digits expected an integer from 0 to 10');
    expect(refusal(() => toMonitoringForm('all' as never))).toBe('toMonitoringForm: measures expected institution measures from measureOnlineRates, got "all"');
    expect(refusal(() => toMonitoringForm([null] as never))).toBe('toMonitoringForm: measures[0] expected an institution measure from measureOnlineRates, got null');
    expect(refusal(() => toMonitoringForm([{ subject: { type: 'region' } }] as never))).toContain('measures[0] expected an institution measure');
    expect(refusal(() => toMonitoringForm([{}] as never))).toContain('measures[0] expected an institution measure');
  });
});

describe('fromMonitoringForm', () => {
  it('reads a form or its rows back, an absent emergency amount as 0', () => {
    const row = { institutionId: 'H1', drug: { hospitalAmount: '10', platformAmount: '8.5' }, consumable: { hospitalAmount: '1', platformAmount: '0.75', emergencyAmount: '' } };
    const [rates] = fromMonitoringForm([row]);
    // 8.5 / 10 = 0.85; 0.75 / 1 = 0.75; 万元 × 10,000
    expect([rates!.drug.rate?.toString(), rates!.consumable.rate?.toString(), rates!.drug.totalAmount.toFixed(), rates!.consumable.emergencyAmount.toFixed()]).toEqual(['0.85', '0.75', '100000', '0']);
    expect(fromMonitoringForm({ rows: [row] } as never)[0]!.institutionId).toBe('H1');
  });

  it('names the row and the cell it cannot read', () => {
    const ok = { hospitalAmount: '1', platformAmount: '1' };
    expect(refusal(() => fromMonitoringForm('x' as never))).toBe('fromMonitoringForm: rows expected the rows of a monitoring form, got "x"');
    expect(refusal(() => fromMonitoringForm([{ institutionId: '', drug: ok, consumable: ok }]))).toBe('fromMonitoringForm: rows[0].institutionId expected the institution id of the row, got ""');
    expect(refusal(() => fromMonitoringForm([{ institutionId: 'H1', drug: null, consumable: ok } as never]))).toBe('fromMonitoringForm: rows[0].drug expected { hospitalAmount, platformAmount, emergencyAmount? } in 万元, got null');
    expect(refusal(() => fromMonitoringForm([{ institutionId: 'H1', drug: ok, consumable: { hospitalAmount: '1', platformAmount: 'x' } }]))).toBe('fromMonitoringForm: rows[0].consumable.platformAmount expected an amount in 万元 such as "123.4567", got "x"');
    expect(refusal(() => fromMonitoringForm([{ institutionId: 'H1', drug: { hospitalAmount: '', platformAmount: '1' }, consumable: ok }]))).toContain('rows[0].drug.hospitalAmount expected an amount in 万元');
  });
});
