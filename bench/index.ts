/**
 * `npm run bench` (add `-- --quick` for a short run that proves the benchmark still works).
 * Timing lives here, never in tests.
 */
import { cpus, totalmem } from 'node:os';
import { benchCalendar } from './calendar';

const quick = process.argv.includes('--quick');
console.log(`node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GiB${quick ? ' · quick run' : ''}`);
await benchCalendar(quick);
