/**
 * The calculator page: wires the inputs, the choices and the outputs. Every figure comes from the
 * library (compute.ts); this file only reads the page and writes text into it (never HTML from the
 * data: cells are set with textContent).
 */
import { daysInMonth } from '../../src/_lib/dates';
import { formatRate, formatShortfall, LEVEL_LABELS, MEASURES, POLICIES, type InstitutionInput, type Policy } from '../../src/index';
import { compute, exclusionName, levelName, MissingColumns, problemsCsv, resultsCsv, resultsJson, type NhsaSource, type Results } from './compute';
import { columnFor, dateSpanOf, INSTITUTIONS_TEMPLATE, LINES_TEMPLATE, looksLikeInstitutions, missingInstitutionHeaders, parseDelimited, readFile, readInstitutions, spanOf, UnreadableFile, type RowProblem, type Table } from './input';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls !== undefined) e.className = cls;
  return e;
};

/** A file or a paste that 计算 will use: exactly the list shown under the inputs. */
interface Source {
  readonly id: number;
  readonly name: string;
  readonly kind: 'table' | 'nhsa' | 'paste';
  readonly table?: Table;
  readonly records?: unknown[];
  readonly rows: number;
  /** The first and last inbound dates of its rows, as the adapters read them. */
  readonly dates: { readonly first: string; readonly last: string } | null;
  /** How long reading it took (ms). */
  readonly readMs: number;
}
interface State {
  sources: Source[];
  institutionTable: Table | null;
  results: Results | null;
  /** Whether the analyst set the period by hand: then loading data no longer changes it. */
  periodTouched: boolean;
}
const state: State = { sources: [], institutionTable: null, results: null, periodTouched: false };
let nextSource = 1;
/** The paste box's source has this id: it is replaced as the box changes. */
const PASTE_ID = 0;

// ---- choices ----
const policySelect = $<HTMLSelectElement>('policy');
for (const [id, p] of Object.entries(POLICIES) as [string, Policy][]) {
  const o = el('option', `${p.document}（${id}）`);
  o.value = id;
  policySelect.append(o);
}
policySelect.value = 'jiangsu-2022';
const monthSelect = $<HTMLSelectElement>('period-month');
for (let m = 1; m <= 12; m++) {
  const o = el('option', `${m}月`);
  o.value = String(m);
  monthSelect.append(o);
}
const now = new Date();
$<HTMLInputElement>('period-year').value = String(now.getFullYear());
$<HTMLSelectElement>('period-quarter').value = String(Math.floor(now.getMonth() / 3) + 1);
monthSelect.value = String(now.getMonth() + 1);
const periodKind = $<HTMLSelectElement>('period-kind');
function showPeriodFields(): void {
  const kind = periodKind.value;
  $('period-year').hidden = kind === 'custom';
  $('period-quarter').hidden = kind !== 'quarter';
  $('period-month').hidden = kind !== 'month';
  $('period-from').hidden = kind !== 'custom';
  $('period-to').hidden = kind !== 'custom';
}
periodKind.addEventListener('change', showPeriodFields);
showPeriodFields();

// a period set by hand stays: loading data no longer changes it
for (const id of ['period-kind', 'period-year', 'period-quarter', 'period-month', 'period-from', 'period-to']) $(id).addEventListener('change', () => (state.periodTouched = true));

/** The dates the sources' rows carry, first and last, or null. */
function dataSpan(): { first: string; last: string } | null {
  const spans = state.sources.flatMap((x) => (x.dates === null ? [] : [x.dates]));
  if (spans.length === 0) return null;
  const lasts = spans.map((d) => d.last).sort();
  return { first: spans.map((d) => d.first).sort()[0]!, last: lasts[lasts.length - 1]! };
}

/**
 * The period that covers the data, and the dates seen beside the choice (issue 27): the month, else the quarter,
 * else the year that holds every date of the data; a custom range from the first to the last date when they span
 * years. Loading data sets it unless the analyst has chosen a period by hand; lines outside the chosen period are
 * then said in the ledger, in a warning's colour.
 */
function applyDataPeriod(): void {
  const span = dataSpan();
  $('data-dates').textContent = span === null ? '' : `数据日期 ${span.first} 至 ${span.last}`;
  if (span === null || state.periodTouched) return;
  const [y1, m1] = [Number(span.first.slice(0, 4)), Number(span.first.slice(5, 7))];
  const [y2, m2] = [Number(span.last.slice(0, 4)), Number(span.last.slice(5, 7))];
  const set = (id: string, value: string) => ($<HTMLInputElement | HTMLSelectElement>(id).value = value);
  if (y1 !== y2) {
    set('period-kind', 'custom');
    set('period-from', span.first);
    set('period-to', span.last);
  } else {
    set('period-year', String(y1));
    const q1 = Math.ceil(m1 / 3);
    if (m1 === m2) {
      set('period-kind', 'month');
      set('period-month', String(m1));
    } else if (q1 === Math.ceil(m2 / 3)) {
      set('period-kind', 'quarter');
      set('period-quarter', String(q1));
    } else {
      set('period-kind', 'year');
    }
  }
  showPeriodFields();
}

const QUARTERS = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');
/** The chosen period as `{ from, to }` and as printed. */
function chosenPeriod(): { period: { from: string; to: string }; label: string } {
  const kind = periodKind.value;
  const year = Number($<HTMLInputElement>('period-year').value);
  if (kind === 'custom') {
    const from = $<HTMLInputElement>('period-from').value;
    const to = $<HTMLInputElement>('period-to').value;
    if (from === '' || to === '') throw new Error('请选择自定义期间的起止日期 / choose both dates of the period');
    return { period: { from, to }, label: `${from} 至 ${to}` };
  }
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error('请填写年份 / enter a year');
  if (kind === 'year') return { period: { from: `${year}-01-01`, to: `${year}-12-31` }, label: `${year}年` };
  if (kind === 'month') {
    const m = Number(monthSelect.value);
    return { period: { from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${pad(daysInMonth(year, m))}` }, label: `${year}年${m}月` };
  }
  const q = Number($<HTMLSelectElement>('period-quarter').value);
  const last = q * 3;
  return { period: { from: `${year}-${pad(last - 2)}-01`, to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` }, label: `${year}年第${QUARTERS[q - 1]}季度` };
}

// ---- downloads ----
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
const onClick = (id: string, f: () => void) =>
  $(id).addEventListener('click', (e) => {
    e.preventDefault();
    f();
  });
onClick('tpl-lines', () => download('采购明细模板.csv', LINES_TEMPLATE, 'text/csv'));
onClick('tpl-inst', () => download('机构名单模板.csv', INSTITUTIONS_TEMPLATE, 'text/csv'));
onClick('dl-bulletin', () => state.results && download('通报.html', state.results.bulletin, 'text/html'));
onClick('dl-csv', () => state.results && download('结果.csv', resultsCsv(state.results), 'text/csv'));
onClick('dl-json', () => state.results && download('结果.json', resultsJson(state.results), 'application/json'));
onClick('dl-problems', () => state.results && download('未计入的行.csv', problemsCsv(state.results), 'text/csv'));

// ---- inputs ----
function showError(text: string | null): void {
  const box = $('error');
  box.hidden = text === null;
  box.textContent = text ?? '';
}

/** The sources, listed with their rows and dates, each with a way to remove it; the period's default follows them. */
function renderSources(): void {
  const list = $('sources');
  list.replaceChildren(
    ...state.sources.map((s) => {
      const li = el('li', `${s.name}：${s.rows.toLocaleString('en')} ${s.kind === 'nhsa' ? '条记录' : '行'}${s.dates === null ? '' : `（数据日期 ${s.dates.first} 至 ${s.dates.last}）`} `);
      const remove = el('button', '移除', 'secondary small');
      remove.setAttribute('aria-label', `移除 ${s.name} / remove`);
      remove.addEventListener('click', () => {
        state.sources = state.sources.filter((x) => x.id !== s.id);
        if (s.id === PASTE_ID) {
          $<HTMLTextAreaElement>('lines-paste').value = '';
          pastedText = '';
        }
        renderSources();
      });
      li.append(remove);
      return li;
    }),
  );
  $('sources-none').hidden = state.sources.length > 0;
  $('nhsa-options').hidden = !state.sources.some((s) => s.kind === 'nhsa');
  applyDataPeriod();
}

/** A source of a table of purchase lines, with its dates. */
function tableSource(table: Table, kind: 'table' | 'paste', readMs: number): Source {
  return { id: kind === 'paste' ? PASTE_ID : nextSource++, name: table.name, kind, table, rows: table.rows.length, dates: dateSpanOf(table), readMs };
}

async function loadFiles(files: FileList | File[], target: 'lines' | 'institutions'): Promise<void> {
  showError(null);
  const status = $(target === 'lines' ? 'lines-status' : 'inst-status');
  const notes: string[] = [];
  // a file the page cannot use is named with why; the files beside it are read all the same (issue 27)
  const failures: string[] = [];
  for (const file of Array.from(files)) {
    try {
      const started = performance.now();
      // say so before a large file keeps the page busy, and how far it has got
      status.className = 'note';
      status.textContent = `正在读取 ${file.name}（${(file.size / 1e6).toFixed(1)} MB）… / reading`;
      await new Promise((resolve) => setTimeout(resolve, 0));
      performance.mark('sunshine:read:start');
      const loaded = await readFile(file.name, await file.arrayBuffer(), (share, rows) => {
        status.textContent = `正在读取 ${file.name}：${Math.round(share * 100)}%，${rows.toLocaleString('en')} 行 / reading`;
      });
      performance.measure('sunshine:read', 'sunshine:read:start');
      if (loaded.kind === 'json') {
        if (target !== 'lines') throw new UnreadableFile(`${file.name}：机构名单应为 CSV 或 .xlsx / the institution list must be CSV or .xlsx`);
        const records = Array.isArray(loaded.value) ? loaded.value : (loaded.value as { records?: unknown }).records;
        if (!Array.isArray(records)) throw new UnreadableFile(`${file.name}：应为 3503/3504 记录的数组，或 { "records": [...] } / expected an array of 3503/3504 records`);
        const dates = spanOf(records.map((r) => String((r as { purc_retn_stoin_time?: unknown } | null)?.purc_retn_stoin_time ?? '')));
        state.sources.push({ id: nextSource++, name: file.name, kind: 'nhsa', records, rows: records.length, dates, readMs: performance.now() - started });
        notes.push(`${file.name}：${records.length} 条医保信息平台记录`);
        continue;
      }
      let used = 0;
      for (const table of loaded.tables) {
        if (looksLikeInstitutions(table) && (target === 'institutions' || loaded.tables.length > 1)) {
          state.institutionTable = table;
          $<HTMLTextAreaElement>('inst-paste').value = '';
          notes.push(`${table.name}：机构名单 ${table.rows.length} 行`);
          if (target === 'lines') $('inst-status').textContent = `机构名单取自 ${table.name}（${table.rows.length} 行）`;
          used++;
        } else if (target === 'lines' && (columnFor(table, 'amount') !== undefined || loaded.tables.length === 1)) {
          state.sources.push(tableSource(table, 'table', performance.now() - started));
          notes.push(`${table.name}：${table.rows.length.toLocaleString('en')} 行（${loaded.encoding}）`);
          used++;
        } else if (target === 'institutions') {
          state.institutionTable = table;
          notes.push(`${table.name}：机构名单 ${table.rows.length} 行`);
          used++;
        }
      }
      if (used === 0) {
        // a workbook none of whose sheets heads purchase lines or an institution list: each sheet with what it has
        const sheets = [...loaded.skipped.map((k) => `${k.sheet}：${k.columns.join('、') || '（空）'}`), ...loaded.tables.map((t) => `${t.name.split('/').pop()}：${t.headers.filter((h) => h !== '').join('、')}`)];
        throw new UnreadableFile(`${file.name}：没有找到含采购明细或机构名单表头的工作表；各工作表的列：${sheets.join('；')} / no sheet has the headers of purchase lines or an institution list`);
      }
    } catch (e) {
      failures.push(e instanceof UnreadableFile ? e.message : `${file.name}：无法读取文件 / cannot read the file: ${(e as Error).message}`);
    }
  }
  status.textContent = notes.join('；');
  status.className = notes.length > 0 ? 'note ok' : 'note';
  renderSources();
  offerNhsaInstitutions();
  showError(failures.length === 0 ? null : failures.join('\n'));
}
function wireDrop(dropId: string, inputId: string, target: 'lines' | 'institutions'): void {
  const drop = $(dropId);
  const input = $<HTMLInputElement>(inputId);
  input.addEventListener('change', () => {
    if (input.files) void loadFiles(Array.from(input.files), target).then(() => (input.value = ''));
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files) void loadFiles(e.dataTransfer.files, target);
  });
}
wireDrop('lines-drop', 'lines-file', 'lines');
wireDrop('inst-drop', 'inst-file', 'institutions');

/** The paste box is one source, kept in the list (in its place) as the box changes, removed when it is emptied. */
let pastedText = '';
function readPaste(): void {
  const text = $<HTMLTextAreaElement>('lines-paste').value.trim();
  if (text === pastedText) return;
  pastedText = text;
  const at = state.sources.findIndex((x) => x.id === PASTE_ID);
  let source: Source | null = null;
  if (text !== '') {
    try {
      const started = performance.now();
      source = tableSource(parseDelimited(text, '粘贴的明细'), 'paste', performance.now() - started);
    } catch (e) {
      showError(e instanceof UnreadableFile ? e.message : (e as Error).message);
    }
  }
  if (at >= 0) state.sources.splice(at, 1, ...(source === null ? [] : [source]));
  else if (source !== null) state.sources.push(source);
  renderSources();
}
let pasteTimer: ReturnType<typeof setTimeout> | undefined;
$('lines-paste').addEventListener('input', () => {
  clearTimeout(pasteTimer);
  pasteTimer = setTimeout(readPaste, 300);
});
$('lines-paste').addEventListener('change', () => {
  clearTimeout(pasteTimer);
  readPaste();
});

// ---- compute ----
function institutionsNow(): { institutions: InstitutionInput[]; problems: RowProblem[] } {
  const pasted = $<HTMLTextAreaElement>('inst-paste').value.trim();
  const table = pasted !== '' ? parseDelimited(pasted, '粘贴的机构名单') : state.institutionTable;
  if (table === null) throw new Error('请导入机构名单（编码、名称、级别、性质、省、市、县） / load the institution list');
  const missing = missingInstitutionHeaders(table);
  if (missing.length > 0) throw new Error(`${table.name}：缺少列 ${missing.join('、')}；找到的列：${table.headers.join('、') || '（无）'} / missing columns`);
  return readInstitutions(table);
}
/** The institutions offered for 3503/3504 records (which do not name theirs), from the list as it is now. */
function offerNhsaInstitutions(): void {
  const inst = $<HTMLSelectElement>('nhsa-institution');
  let institutions: readonly InstitutionInput[] = [];
  try {
    institutions = institutionsNow().institutions;
  } catch {
    // no list yet
  }
  const chosen = inst.value;
  inst.replaceChildren(...institutions.map((i) => Object.assign(el('option', `${i.name ?? i.id}（${i.id}）`), { value: i.id })));
  if (institutions.some((i) => i.id === chosen)) inst.value = chosen;
}
$('inst-paste').addEventListener('change', offerNhsaInstitutions);

function nhsaSources(): NhsaSource[] {
  const iface = $<HTMLSelectElement>('nhsa-interface').value as '3503' | '3504';
  const inst = $<HTMLSelectElement>('nhsa-institution');
  const nhsa = state.sources.filter((x) => x.kind === 'nhsa');
  if (nhsa.length > 0 && inst.value === '') throw new Error('请选择 3503/3504 记录所属的机构 / choose the institution of the 3503/3504 records');
  return nhsa.map((x) => ({ name: x.name, records: x.records as NhsaSource['records'], interface: iface, institutionId: inst.value, channel: $<HTMLSelectElement>('nhsa-channel').value as NhsaSource['channel'] }));
}

const runButton = $<HTMLButtonElement>('run');
runButton.addEventListener('click', () => void run());
async function run(): Promise<void> {
  showError(null);
  const bar = $<HTMLProgressElement>('progress');
  const status = $('run-status');
  const started = performance.now();
  runButton.disabled = true;
  // the progress bar, once the work has taken half a second (the timer fires when compute() lets the browser paint)
  const showBar = setTimeout(() => (bar.hidden = false), 500);
  try {
    const { institutions, problems } = institutionsNow();
    // the paste box as it is now, then exactly the sources listed
    clearTimeout(pasteTimer);
    readPaste();
    const tables = state.sources.flatMap((x) => (x.table === undefined ? [] : [x.table]));
    if (state.sources.length === 0) throw new Error('请导入采购明细 / load the purchase lines');
    const { period, label } = chosenPeriod();
    const today = new Date();
    const results = await compute(
      tables,
      nhsaSources(),
      institutions,
      problems,
      { policy: policySelect.value, period, periodLabel: label, by: $<HTMLSelectElement>('by').value as 'city', digits: Number($<HTMLSelectElement>('digits').value), asOf: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}` },
      (done, total, phase) => {
        bar.value = total === 0 ? 1 : done / total;
        status.textContent = phase === 'reading' ? `已读取 ${done.toLocaleString('en')} / ${total.toLocaleString('en')} 行` : `正在汇总 ${total.toLocaleString('en')} 行…`;
      },
    );
    performance.measure('sunshine:compute', { start: started });
    // the tab answers between the reports and the tables (issue 27)
    await new Promise((resolve) => setTimeout(resolve, 0));
    const rendering = performance.now();
    state.results = results;
    render(results);
    performance.measure('sunshine:render', { start: rendering });
    // the results on screen: after the next frame's style, layout and paint; then the charts, below the tables
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.measure('sunshine:shown', { start: started });
        if (state.results !== results) return;
        void renderCharts(results).then(() => performance.measure('sunshine:charts', { start: started }));
      }, 0),
    );
    // the time from choosing the files to the results: their reading, then the computing (issue 27)
    const readS = state.sources.reduce((t, x) => t + x.readMs, 0) / 1000;
    const computeS = (performance.now() - started) / 1000;
    status.textContent = `完成：${results.rowsRead.toLocaleString('en')} 行，用时 ${(readS + computeS).toFixed(1)} 秒（读取 ${readS.toFixed(1)} 秒，计算 ${computeS.toFixed(1)} 秒）`;
  } catch (e) {
    showError(e instanceof MissingColumns || e instanceof UnreadableFile ? e.message : `${(e as Error).message}`);
    status.textContent = '';
  } finally {
    clearTimeout(showBar);
    bar.hidden = true;
    runButton.disabled = false;
  }
}

// ---- output ----
/** Rows a table shows at first: more would slow the first sight of the results (docs/calculator.md); a button shows the rest. */
const FIRST_ROWS = 100;

/** Rows of a table, each written when it is shown: 100 at first, the rest on 显示全部 (issue 27). */
interface LazyRows {
  readonly length: number;
  cells(i: number): readonly string[];
}
const lazy = <T,>(items: readonly T[], cells: (item: T) => readonly string[]): LazyRows => ({ length: items.length, cells: (i) => cells(items[i]!) });

function table(id: string, caption: string, head: readonly string[], given: readonly (readonly string[])[] | LazyRows, leftColumns = 1): HTMLElement {
  const rows: LazyRows = Array.isArray(given) ? lazy(given as readonly (readonly string[])[], (r) => r) : (given as LazyRows);
  // the table scrolls in its box; the button for the rest stays below the box, in sight
  const wrap = el('div');
  const box = el('div', undefined, 'scroll');
  const t = el('table');
  t.id = id;
  t.append(el('caption', caption));
  // an empty table is as narrow as its headers: its caption would wrap into lines
  if (rows.length === 0) t.className = 'empty';
  const tr = el('tr');
  head.forEach((h, k) => tr.append(el('th', h, k < leftColumns ? 't' : undefined)));
  t.append(el('thead'));
  t.tHead!.append(tr);
  const body = el('tbody');
  const addRows = (from: number, to: number) => {
    for (let i = from; i < Math.min(to, rows.length); i++) {
      const row = el('tr');
      rows.cells(i).forEach((c, k) => row.append(el('td', c, k < leftColumns ? 't' : undefined)));
      body.append(row);
    }
  };
  addRows(0, FIRST_ROWS);
  t.append(body);
  box.append(t);
  wrap.append(box);
  if (rows.length > FIRST_ROWS) {
    const more = el('button', `显示全部 ${rows.length} 行 / show all rows`, 'secondary');
    more.addEventListener('click', () => {
      addRows(FIRST_ROWS, rows.length);
      more.remove();
    });
    wrap.append(more);
  }
  return wrap;
}

/** Levels in their natural order: 三级, 二级, 一级, 未定级, then the groups (二级及以上). */
const levelRank = (l: string) => {
  const k = (['tertiary', 'secondary', 'primary', 'unrated'] as string[]).indexOf(l);
  return k < 0 ? 9 : k;
};
const statusName = (s: string) => ({ ok: '正常', 'no-purchases': '无采购', 'not-reported': '未报送', inconsistent: '数据不一致' })[s] ?? s;

/**
 * The bulletin's charts (its SVG, parsed, not injected as HTML): below the tables, drawn after them, one at a time
 * (issue 27). Only the charts are parsed, not the bulletin's tables; nothing is drawn for results since replaced.
 */
async function renderCharts(r: Results): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (state.results !== r) return;
  const html = r.bulletin;
  const charts: Node[] = [];
  for (let at = html.indexOf('<svg'); at >= 0; at = html.indexOf('<svg', at + 1)) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (state.results !== r) return;
    const doc = new DOMParser().parseFromString(html.slice(at, html.indexOf('</svg>', at) + '</svg>'.length), 'text/html');
    charts.push(document.importNode(doc.querySelector('svg')!, true));
  }
  $('charts').replaceChildren(...charts);
  $('charts').dataset.drawn = 'yes';
}

function render(r: Results): void {
  const digits = r.choices.digits;
  const pct = (x: Parameters<typeof formatRate>[0]) => formatRate(x, { digits });
  const yuan = (d: { toFixed(n: number): string }) => d.toFixed(2);
  const { ledger } = r.result;
  const byReason = Object.entries(ledger.excluded.byReason).filter(([, t]) => t.lines > 0);
  // lines outside the chosen period, said in a warning's colour before the balance (issue 27); when no line counts at
  // all the library's own warning says so, and the results are not shown as findings
  const outside = ledger.excluded.byReason['outside-period'].lines;
  const span = dataSpan();
  const outsideNote =
    outside > 0 && ledger.included.lines > 0
      ? [el('p', `数据提示：${outside.toLocaleString('en')} 行（占输入 ${((outside / ledger.input.lines) * 100).toFixed(2)}%）的入库日期不在所选期间（${r.choices.periodLabel}）内，未计入${span === null ? '' : `；数据日期 ${span.first} 至 ${span.last}`}。请确认统计期间。 / ${outside === 1 ? '1 line falls' : `${outside} lines fall`} outside the period chosen and ${outside === 1 ? 'is' : 'are'} not counted`, 'warn')]
      : [];
  const nothing = ledger.included.lines === 0;
  $('ledger').replaceChildren(
    // the run's warnings first: a run in which no line counted is said before any balance (issue 25)
    ...r.result.warnings.map((w) => el('p', `数据提示：${w.message}`, 'warn')),
    ...outsideNote,
    el(
      'p',
      `输入 = 纳入 + 剔除 + 拒收。行数：${ledger.input.lines} = ${ledger.included.lines} + ${ledger.excluded.lines} + ${ledger.rejected.lines}；金额：${yuan(ledger.input.amount)} = ${yuan(ledger.included.amount)} + ${yuan(ledger.excluded.amount)} + ${yuan(ledger.rejected.amount)} 元。${ledger.balanced ? '平衡' : '不平衡'}。`,
      ledger.balanced ? 'ok' : 'error',
    ),
    table(
      'ledger-table',
      `台账（${r.policyDocument}，${r.choices.periodLabel}）`,
      ['去向', '原因', '行数', '金额（元）'],
      [
        ['读入的行（文件中的数据行）', '', String(r.rowsRead), '—'],
        ['无法读取的行', '见下表', String(r.rowsUnread), '—'],
        ['输入（读成明细的行）', '', String(ledger.input.lines), yuan(ledger.input.amount)],
        ['纳入', '', String(ledger.included.lines), yuan(ledger.included.amount)],
        ['剔除', '合计', String(ledger.excluded.lines), yuan(ledger.excluded.amount)],
        ...byReason.map(([reason, t]) => ['剔除', exclusionName(reason), String(t.lines), yuan(t.amount)]),
        ['拒收', '见下表', String(ledger.rejected.lines), yuan(ledger.rejected.amount)],
      ],
      2,
    ),
    table('problems', `未计入的行：${r.problems.length} 行（行号为文件中的行，表头为第 1 行）`, ['文件', '行', '列', '值', '原因'], r.problems.map((p) => [p.file, String(p.row), p.column, p.value, p.reason]), 5),
  );
  const checkIndex = new Map(r.checks.map((c) => [`${c.subject.type}|${c.subject.id}|${c.measure}`, c]));
  const checkOf = (subject: { type: string; id: string }, measure: string) => checkIndex.get(`${subject.type}|${subject.id}|${measure}`);
  // one label for one fact (issue 27): the library's reporting statuses decide 未报送 (no line at all) and 无采购 (lines totalling zero)
  const reported = new Map(r.reporting.map((e) => [`${e.institutionId}|${e.measure}`, e.status]));
  const statusOf = (m: { institutionId: string; measure: string; status: string }) => {
    const rs = reported.get(`${m.institutionId}|${m.measure}`);
    return rs === 'not-reported' ? '未报送' : statusName(m.status);
  };
  const checkCells = (subject: { type: string; id: string }, measure: string) => {
    const c = checkOf(subject, measure);
    if (c === undefined) return ['—', '—', '—', '—'];
    const rs = c.subject.type === 'institution' ? reported.get(`${subject.id}|${measure}`) : undefined;
    const result = c.meets !== null ? (c.meets ? '达标' : '未达标') : rs === 'not-reported' ? '未报送' : c.status === 'no-purchases' ? '无采购' : c.status === 'inconsistent' ? '数据不一致' : '无数据';
    const s = c.shortfallScenarios;
    // amounts needed, rounded up to the fen: what is shown, bought, reaches the target (issue 26)
    return [pct(c.target), result, formatShortfall(s?.moveToPlatform ?? null), formatShortfall(s?.addPlatformPurchases ?? null)];
  };
  /** A rate beside the target it is checked against: never printed as the target when it misses it (issue 26). */
  const rateBeside = (m: { subject: { type: string; id: string }; measure: string; rate: Parameters<typeof formatRate>[0] }) => formatRate(m.rate, { digits, target: checkOf(m.subject, m.measure)?.target });
  const names = new Map(r.result.measures.map((m) => [m.institutionId, m.institutionName ?? m.institutionId]));
  const nameOf = (id: string) => names.get(id) ?? id;
  $('tables').replaceChildren(
    table(
      'institution-rates',
      '机构网采率与目标考核',
      ['机构', '编码', '级别', '指标', '省平台（元）', '院内（元）', '应急（元）', '网采率', '状态', '目标', '结果', '需转入省平台（元）', '或需新增省平台（元）'],
      lazy(r.result.measures, (m) => [m.institutionName ?? m.institutionId, m.institutionId, LEVEL_LABELS[m.level].label, m.label, yuan(m.platformAmount), yuan(m.totalAmount), yuan(m.emergencyAmount), rateBeside(m), statusOf(m), ...checkCells(m.subject, m.measure)]),
      2,
    ),
    table(
      'regional-rates',
      `地区网采率（同级 Σ省平台 ÷ Σ院内，不是平均数）${r.checks.some((c) => c.subject.type === 'region') ? '' : '：本政策的目标考核对象为医疗机构，地区不逐一考核'}`,
      ['地区', '级别', '指标', '机构数', '未报送', '省平台（元）', '院内（元）', '网采率', '目标', '结果', '需转入省平台（元）', '或需新增省平台（元）'],
      // 三级, 二级, … then 二级及以上, region by region
      lazy([...r.regions].sort((a, b) => (a.region.id ?? '').localeCompare(b.region.id ?? '') || levelRank(a.level) - levelRank(b.level) || Object.keys(MEASURES).indexOf(a.measure) - Object.keys(MEASURES).indexOf(b.measure)), (m) => [m.region.id ?? '（未指定地区）', levelName(m.level), m.label, String(m.institutions), String(m.notReported.length), yuan(m.platformAmount), yuan(m.totalAmount), rateBeside(m), ...checkCells(m.subject, m.measure)]),
      3,
    ),
    table(
      'completeness',
      '报送完整性（未报送不计为 0%）',
      ['地区', '级别', '指标', '应报', '已报（有采购）', '已报（无采购）', '未报送', '报送率', '未报送机构'],
      lazy(r.completeness, (c) => [c.region ?? '（未指定地区）', levelName(c.level), MEASURES[c.measure].label, String(c.expected), String(c.reported), String(c.noPurchases), String(c.notReported), pct(c.shareReported), c.notReportedIds.join('、') || '—']),
      3,
    ),
    table(
      'peer-ranking',
      '同级排名（并列同名次）',
      ['地区', '级别', '指标', '名次', '机构', '编码', '网采率', '百分位', '同级中位数', '达到中位数需转入省平台（元）', '达到目标需转入省平台（元）'],
      lazy(
        r.peers.flatMap((g) => [...g.ranked.map((x) => ({ g, x, ranked: true as const })), ...g.unranked.map((x) => ({ g, x, ranked: false as const }))]),
        ({ g, x, ranked }) =>
          ranked
            ? [g.region ?? '（未指定地区）', levelName(g.level), MEASURES[g.measure].label, String(x.rank), nameOf(x.institutionId), x.institutionId, pct(x.rate), x.percentile === null ? '—' : pct(x.percentile), pct(g.median), formatShortfall(x.toMedianAmount), formatShortfall(x.toTargetAmount)]
            : [g.region ?? '（未指定地区）', levelName(g.level), MEASURES[g.measure].label, '不排名', nameOf(x.institutionId), x.institutionId, statusOf({ institutionId: x.institutionId, measure: g.measure, status: x.status }), '—', pct(g.median), '—', '—'],
      ),
      3,
    ),
  );
  $('charts').replaceChildren(el('p', '正在绘制图表… / drawing the charts…', 'note'));
  delete $('charts').dataset.drawn;
  // no line counted: the ledger and its warning are the finding; tables of 未报送 and empty charts are not shown as results
  $('findings').hidden = nothing;
  $('charts-section').hidden = nothing;
  $('nothing').hidden = !nothing;
  $('results').hidden = false;
}
