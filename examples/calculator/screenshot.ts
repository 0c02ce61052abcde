/**
 * docs/calculator.png: the calculator page (docs/calculator.html, as `npm run docs` builds it) in
 * headless Chromium, after reading the test's files (test/calculator/data.ts: a UTF-8 CSV, a GBK CSV,
 * a file of bad rows, the institution list) for jiangsu-2022, 2024 第一季度. Needs Debian's chromium
 * and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk). CI does not run this; rerun it
 * after changing the page:   npm run docs && npm run screenshot:calculator
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type ElementHandle } from 'puppeteer-core';
import { badCsv, gbkCsv, institutionsCsv, utf8Csv } from '../../test/calculator/data';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromium = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
const dir = mkdtempSync(join(tmpdir(), 'sunshine-calculator-shot-'));
const files = { 'utf8.csv': utf8Csv(), 'gbk.csv': gbkCsv(), 'bad.csv': badCsv(), 'institutions.csv': institutionsCsv() };
for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`file://${join(root, 'docs', 'calculator.html')}`);
  const upload = async (input: string, names: string[]) => {
    await ((await page.$(input)) as ElementHandle<HTMLInputElement>).uploadFile(...names.map((n) => join(dir, n)));
    await page.waitForFunction((id) => document.getElementById(id)!.classList.contains('ok'), {}, input === '#lines-file' ? 'lines-status' : 'inst-status');
  };
  await upload('#lines-file', ['utf8.csv', 'gbk.csv', 'bad.csv']);
  await upload('#inst-file', ['institutions.csv']);
  await page.select('#policy', 'jiangsu-2022');
  await page.select('#period-kind', 'quarter');
  await page.$eval('#period-year', (e) => ((e as HTMLInputElement).value = '2024'));
  await page.select('#period-quarter', '1');
  await page.click('#run');
  await page.waitForFunction(() => !document.getElementById('results')!.hidden && document.getElementById('charts')!.dataset.drawn === 'yes');
  // the time taken differs from run to run: not in the picture
  await page.$eval('#run-status', (e) => (e.textContent = ''));
  await page.screenshot({ path: join(root, 'docs', 'calculator.png'), fullPage: true });
  console.log('written: docs/calculator.png');
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
