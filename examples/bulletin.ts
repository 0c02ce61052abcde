/**
 * Writes the demo city's bulletin (通报) for 2024 Q1 under jiangsu-2022 as examples/bulletin.html
 * (and bulletin.md). Run: `npm run example:bulletin`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateVolumeProgress, measureOnlineRates, renderBulletin, reportingSchedule, type BulletinInput, type VolumeItem } from '../src/index';
import { SAMPLE_INSTITUTIONS, SAMPLE_PERIOD, sampleLines } from './data/sample-city';

const { measures } = measureOnlineRates(sampleLines(), { policy: 'jiangsu-2022', institutions: SAMPLE_INSTITUTIONS, period: SAMPLE_PERIOD });
const cycle = { start: '2024-01-01', end: '2024-12-31' };
const vbpItems: VolumeItem[] = [
  { institutionId: 'SZ-T01', batch: '国家第九批', product: '阿托伐他汀钙片', agreedQuantity: '12000', purchasedQuantity: '3400', cycle },
  { institutionId: 'SZ-T02', batch: '国家第九批', product: '阿托伐他汀钙片', agreedQuantity: '8000', purchasedQuantity: '1500', cycle },
  { institutionId: 'SZ-S01', batch: '国家第九批', product: '阿托伐他汀钙片', agreedQuantity: '3000', purchasedQuantity: '700', cycle },
];
const vbp = aggregateVolumeProgress(vbpItems, { asOf: '2024-03-31', by: 'institution' });
const deadlines = reportingSchedule('jiangsu-2022', { year: 2024 });
const input: BulletinInput = { policy: 'jiangsu-2022', measures, by: 'county' as const, period: '2024年第一季度', vbp, deadlines };
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'bulletin.html'), renderBulletin(input, { format: 'html', title: '示例市 2024 年第一季度阳光采购通报', asOf: '2024-04-20' }));
writeFileSync(join(here, 'bulletin.md'), renderBulletin(input, { format: 'markdown', title: '示例市 2024 年第一季度阳光采购通报', asOf: '2024-04-20' }));
console.log(`written: ${join(here, 'bulletin.html')}, bulletin.md`);
