/**
 * Sample data for the demo: a fictional city, 示例市 in 示例省, with a dozen
 * institutions across levels and ownerships and one quarter (2024 Q1) of
 * purchase lines. Amounts follow a fixed pattern (no randomness), so the demo
 * prints the same figures every time.
 */
import type { InstitutionInput, PurchaseLineInput } from '../../src/index';

const region = (county: string) => ({ province: '示例省', city: '示例市', county });

export const SAMPLE_INSTITUTIONS: InstitutionInput[] = [
  { id: 'SZ-T01', name: '示例市第一人民医院', level: 'tertiary', ownership: 'public', region: region('东城区') },
  { id: 'SZ-T02', name: '示例市中医院', level: 'tertiary', ownership: 'public', region: region('西城区') },
  { id: 'SZ-T03', name: '解放军第九〇一医院', level: 'tertiary', ownership: 'military', region: region('东城区') },
  { id: 'SZ-T04', name: '示例仁爱医院', level: 'tertiary', ownership: 'private', region: region('西城区') },
  { id: 'SZ-S01', name: '东城区人民医院', level: 'secondary', ownership: 'public', region: region('东城区') },
  { id: 'SZ-S02', name: '西城区人民医院', level: 'secondary', ownership: 'public', region: region('西城区') },
  { id: 'SZ-S03', name: '南山县人民医院', level: 'secondary', ownership: 'public', region: region('南山县') },
  { id: 'SZ-S04', name: '南山县妇幼保健院', level: 'secondary', ownership: 'public', region: region('南山县') },
  { id: 'SZ-S05', name: '示例康复医院', level: 'secondary', ownership: 'private', region: region('南山县') },
  { id: 'SZ-P01', name: '东城街道社区卫生服务中心', level: 'primary', ownership: 'public', region: region('东城区') },
  { id: 'SZ-P02', name: '南山县青石镇卫生院', level: 'primary', ownership: 'public', region: region('南山县') },
  { id: 'SZ-U01', name: '西城区门诊部', level: 'unrated', ownership: 'public', region: region('西城区') },
];

/**
 * Per institution: monthly drug purchases (platform, offline, emergency) and
 * consumables (platform, offline; high-value platform, high-value offline), in 元.
 */
const PROFILE: Record<string, { drug: [string, string, string]; cons: [string, string]; hv: [string, string] }> = {
  'SZ-T01': { drug: ['1820000.00', '215000.00', '45000.00'], cons: ['640000.00', '190000.00'], hv: ['520000.00', '95000.00'] },
  'SZ-T02': { drug: ['1250000.00', '240000.50', '12000.00'], cons: ['300000.00', '120000.00'], hv: ['150000.00', '60000.00'] },
  'SZ-T03': { drug: ['980000.00', '86000.00', '0.00'], cons: ['410000.00', '80000.00'], hv: ['330000.00', '41000.00'] },
  'SZ-T04': { drug: ['300000.00', '420000.00', '0.00'], cons: ['90000.00', '160000.00'], hv: ['60000.00', '90000.00'] },
  'SZ-S01': { drug: ['420000.00', '74117.65', '3000.00'], cons: ['150000.00', '50000.00'], hv: ['80000.00', '20000.00'] },
  'SZ-S02': { drug: ['380000.00', '95000.00', '8000.00'], cons: ['110000.00', '60000.00'], hv: ['50000.00', '30000.00'] },
  'SZ-S03': { drug: ['260000.00', '28000.00', '0.00'], cons: ['95000.00', '30000.00'], hv: ['40000.00', '9000.00'] },
  'SZ-S04': { drug: ['150000.00', '30000.00', '2000.00'], cons: ['48000.00', '12000.00'], hv: ['20000.00', '5000.00'] },
  'SZ-S05': { drug: ['80000.00', '60000.00', '0.00'], cons: ['20000.00', '30000.00'], hv: ['10000.00', '15000.00'] },
  'SZ-P01': { drug: ['90000.00', '6000.00', '0.00'], cons: ['15000.00', '5000.00'], hv: ['0.00', '0.00'] },
  'SZ-P02': { drug: ['60000.00', '9500.00', '500.00'], cons: ['9000.00', '4000.00'], hv: ['0.00', '0.00'] },
  'SZ-U01': { drug: ['12000.00', '1000.00', '0.00'], cons: ['2000.00', '500.00'], hv: ['0.00', '0.00'] },
};

function push(lines: PurchaseLineInput[], base: Omit<PurchaseLineInput, 'amount'>, amount: string): void {
  if (amount !== '0.00') lines.push({ ...base, amount });
}

/** One quarter of lines, plus a few that the ledger must place: excluded, returns, rejected. */
export function sampleLines(): PurchaseLineInput[] {
  const lines: PurchaseLineInput[] = [];
  for (const [institutionId, p] of Object.entries(PROFILE)) {
    for (const month of ['01', '02', '03']) {
      const receivedOn = `2024-${month}-1${month.slice(1)}`;
      const code = 'XA01';
      push(lines, { institutionId, receivedOn, category: 'drug', channel: 'platform', insuranceCode: code }, p.drug[0]);
      push(lines, { institutionId, receivedOn, category: 'drug', channel: 'offline', insuranceCode: code }, p.drug[1]);
      push(lines, { institutionId, receivedOn, category: 'drug', channel: 'emergency', insuranceCode: code }, p.drug[2]);
      push(lines, { institutionId, receivedOn, category: 'consumable', channel: 'platform', insuranceCode: 'C1401' }, p.cons[0]);
      push(lines, { institutionId, receivedOn, category: 'consumable', channel: 'offline', insuranceCode: 'C1401' }, p.cons[1]);
      push(lines, { institutionId, receivedOn, category: 'consumable', highValue: true, channel: 'platform', insuranceCode: 'C0301' }, p.hv[0]);
      push(lines, { institutionId, receivedOn, category: 'consumable', highValue: true, channel: 'offline', insuranceCode: 'C0301' }, p.hv[1]);
      // every month: decoction pieces bought offline (excluded in Jiangsu, counted in Ganzhou) and IVD reagents
      push(lines, { institutionId, receivedOn, category: 'drug', kind: 'tcm-decoction-pieces', channel: 'offline' }, institutionId.startsWith('SZ-T') ? '88000.00' : '9000.00');
      push(lines, { institutionId, receivedOn, category: 'consumable', kind: 'ivd-reagent', channel: 'offline', insuranceCode: 'C2201' }, institutionId.startsWith('SZ-T') ? '56000.00' : '4000.00');
    }
  }
  // returns (退货) as negative amounts
  lines.push({ institutionId: 'SZ-T01', receivedOn: '2024-02-20', category: 'drug', channel: 'platform', insuranceCode: 'XA01', amount: '-36500.00' });
  lines.push({ institutionId: 'SZ-S02', receivedOn: '2024-03-25', category: 'consumable', channel: 'offline', insuranceCode: 'C1401', amount: '-2400.00' });
  // narcotics and vaccines: excluded kinds under jiangsu-2022 annex 1 §2
  lines.push({ institutionId: 'SZ-T01', receivedOn: '2024-03-02', category: 'drug', kind: 'narcotic', channel: 'offline', insuranceCode: 'XN01', amount: '23000.00' });
  lines.push({ institutionId: 'SZ-P01', receivedOn: '2024-03-02', category: 'drug', kind: 'preventive-biologic', channel: 'offline', insuranceCode: 'XV01', amount: '18000.00' });
  // a product with no national code: excluded under jiangsu-2022, counted under ganzhou-2023
  lines.push({ institutionId: 'SZ-S01', receivedOn: '2024-01-30', category: 'drug', channel: 'offline', amount: '15000.00' });
  // received in April: outside the quarter
  lines.push({ institutionId: 'SZ-T02', receivedOn: '2024-04-01', category: 'drug', channel: 'platform', insuranceCode: 'XA01', amount: '99000.00' });
  // rejected: an institution not on the list, an impossible date, an amount with a thousands separator
  lines.push({ institutionId: 'SZ-X99', receivedOn: '2024-02-01', category: 'drug', channel: 'platform', insuranceCode: 'XA01', amount: '5000.00' });
  lines.push({ institutionId: 'SZ-S03', receivedOn: '2024-02-30', category: 'drug', channel: 'offline', insuranceCode: 'XA01', amount: '700.00' });
  lines.push({ institutionId: 'SZ-S04', receivedOn: '2024-02-10', category: 'drug', channel: 'offline', insuranceCode: 'XA01', amount: '1,200.00' });
  return lines;
}

export const SAMPLE_PERIOD = { from: '2024-01-01', to: '2024-03-31' };
