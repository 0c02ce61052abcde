/**
 * A CSV file of lineAt's rows streamed from disk through a CSV reader (csv-parse, the streaming
 * reader of the node-csv project, with headers), fromCsvRowsInChunks and one accumulator; prints
 * rows per second and the process's peak resident memory as JSON. Run by bench/index.ts in two
 * processes, so that the peak is the stream's alone:
 * `node --import tsx bench/csvStream.ts write FILE 10000000`, then `… bench/csvStream.ts read FILE`.
 */
import { appendFileSync, createReadStream, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { createRateAccumulator, fromCsvRowsInChunks } from '../src/index';
import { benchInstitutions, csvRowAt } from './generate';

const [mode, path, n] = process.argv.slice(2);
if (mode === 'write') {
  const count = Number(n);
  writeFileSync(path!, `${Object.keys(csvRowAt(0)).join(',')}\n`);
  for (let start = 0; start < count; start += 100_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(count, start + 100_000); i++) lines.push(Object.values(csvRowAt(i)).join(','));
    appendFileSync(path!, `${lines.join('\n')}\n`);
  }
} else {
  const acc = createRateAccumulator({ policy: 'jiangsu-2022', institutions: benchInstitutions() });
  let rejected = 0;
  const t = performance.now();
  const rows = createReadStream(path!).pipe(parse({ columns: true })) as AsyncIterable<Record<string, string>>;
  for await (const chunk of fromCsvRowsInChunks(rows, { chunkSize: 10_000 })) {
    acc.addAll(chunk.lines);
    rejected += chunk.rejected.length;
  }
  const { ledger } = acc.result();
  const seconds = (performance.now() - t) / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ rows: ledger.input.lines + rejected, rejected, seconds, rowsPerSecond: (ledger.input.lines + rejected) / seconds, peakMiB, balanced: ledger.balanced, input: ledger.input.amount.toFixed(2) }));
}
