/**
 * The adapters at engine speed (issue 20): fromCsvRows and fromNhsaRecords on 1,000,000 rows held
 * in memory (rows as a CSV reader and the 3503 interface give them), timed alternately after a
 * warm-up; the lines they give are checked against the lines the rows were made from.
 */
import { fromCsvRows, fromNhsaRecords, measureOnlineRates } from '../src/index';
import { benchInstitutions, csvRowAt, lineAt, nhsaRecordAt } from './generate';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export function benchAdapters(quick: boolean): { csvRowsPerSecond: number; nhsaRowsPerSecond: number; same: boolean } {
  const count = quick ? 100_000 : 1_000_000;
  const runs = quick ? 3 : 7;
  const rows = Array.from({ length: count }, (_, i) => csvRowAt(i));
  const records = Array.from({ length: count }, (_, i) => nhsaRecordAt(i));
  const nhsaOptions = { interface: '3503', institutionId: 'H000001', channel: () => 'platform' as const } as const;
  for (let i = 0; i < 2; i++) {
    fromCsvRows(rows);
    fromNhsaRecords(records, nhsaOptions);
  }
  const csv: number[] = [];
  const nhsa: number[] = [];
  let csvResult = fromCsvRows(rows);
  let nhsaResult = fromNhsaRecords(records, nhsaOptions);
  for (let r = 0; r < runs; r++) {
    gc();
    gc();
    let t = performance.now();
    csvResult = fromCsvRows(rows);
    csv.push(performance.now() - t);
    gc();
    gc();
    t = performance.now();
    nhsaResult = fromNhsaRecords(records, nhsaOptions);
    nhsa.push(performance.now() - t);
  }
  // the CSV rows are lineAt's lines written as a hospital export writes them: the same ledger
  const options = { policy: 'jiangsu-2022', institutions: benchInstitutions() } as const;
  const fromRows = measureOnlineRates(csvResult.lines, options).ledger;
  const original = measureOnlineRates(Array.from({ length: count }, (_, i) => lineAt(i)), options).ledger;
  const same =
    csvResult.rejected.length === 0 &&
    fromRows.input.amount.equals(original.input.amount) &&
    fromRows.included.amount.equals(original.included.amount) &&
    fromRows.excluded.lines === original.excluded.lines &&
    nhsaResult.rejected.length === 0 &&
    nhsaResult.lines.length + nhsaResult.excluded.length === count;
  const csvRowsPerSecond = count / (median(csv) / 1000);
  const nhsaRowsPerSecond = count / (median(nhsa) / 1000);
  console.log(`\nadapters: ${count.toLocaleString('en')} rows in memory, ${runs} runs each, alternately (target: ≥ 1,000,000 rows/s on 1,000,000 rows)`);
  console.log(`  fromCsvRows (Chinese headers and values, half the dates with a time): ${Math.round(csvRowsPerSecond).toLocaleString('en')} rows/s   (median ${median(csv).toFixed(0)} ms, best ${Math.min(...csv).toFixed(0)} ms)`);
  console.log(`  fromNhsaRecords (3503: price × count, inbound time, 2 % gifts):      ${Math.round(nhsaRowsPerSecond).toLocaleString('en')} rows/s   (median ${median(nhsa).toFixed(0)} ms, best ${Math.min(...nhsa).toFixed(0)} ms)`);
  console.log(`  the CSV rows give the ledger of the lines they were written from: ${same ? 'yes' : 'NO'}`);
  return { csvRowsPerSecond, nhsaRowsPerSecond, same };
}
