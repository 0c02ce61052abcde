/**
 * Deterministic purchase lines for the benchmarks: 1,000 institutions of every level, both
 * categories, ~5% of excluded kinds, ~1% returns (negative amounts), ~10% off the platform.
 * Every line has the same fields (as rows from a database or a CSV reader do).
 */
import type { InstitutionInput, ProductKind } from '../src/index';

export const INSTITUTION_COUNT = 1000;

export function benchInstitutions(count = INSTITUTION_COUNT): InstitutionInput[] {
  const levels = ['tertiary', 'secondary', 'secondary', 'primary'] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `H${String(i).padStart(6, '0')}`,
    level: levels[i % 4]!,
    ownership: i % 17 === 0 ? 'private' : i % 23 === 0 ? 'military' : 'public',
    region: { province: '示例省', city: `市${i % 13}`, county: `县${i % 97}` },
  }));
}

const EXCLUDED_DRUG_KINDS = ['tcm-decoction-pieces', 'formula-granules', 'narcotic', 'psychotropic', 'preventive-biologic'] as const;

/** A small, fast, deterministic generator (xorshift32). */
export function makeRandom(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export interface BenchLine {
  institutionId: string;
  receivedOn: string;
  category: 'drug' | 'consumable';
  kind: ProductKind | undefined;
  highValue: boolean;
  insuranceCode: string | undefined;
  channel: 'platform' | 'emergency' | 'offline';
  amount: string;
}

const DATES = Array.from({ length: 365 }, (_, d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
const IDS = Array.from({ length: INSTITUTION_COUNT }, (_, i) => `H${String(i).padStart(6, '0')}`);

/** Lines one at a time, so a stream of any length takes no memory. */
export function* generateLines(count: number, seed = 20241123): Generator<BenchLine> {
  const random = makeRandom(seed);
  for (let i = 0; i < count; i++) {
    const drug = random() < 0.6;
    const r = random();
    const kind = r < 0.05 ? (drug ? EXCLUDED_DRUG_KINDS[i % EXCLUDED_DRUG_KINDS.length] : 'ivd-reagent') : undefined;
    const c = random();
    const channel = c < 0.9 ? 'platform' : c < 0.97 ? 'offline' : 'emergency';
    let fen = 1 + Math.floor(random() * 10_000_000); // up to 100,000 yuan
    if (random() < 0.01) fen = -fen; // a return
    const abs = Math.abs(fen);
    const amount = `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    yield {
      institutionId: IDS[Math.floor(random() * INSTITUTION_COUNT)]!,
      receivedOn: DATES[Math.floor(random() * 365)]!,
      category: drug ? 'drug' : 'consumable',
      kind,
      highValue: !drug && random() < 0.3,
      insuranceCode: random() < 0.995 ? 'XA01' : undefined,
      channel,
      amount,
    };
  }
}

/**
 * Lines by index, the same in JavaScript and in SQL, so that a database can generate millions of
 * lines in seconds (an appender took 57 s for 10 M) and the JavaScript engine can read the very same
 * lines. Each field is a small hash of the index: x = (i·a + b) mod P, h = x² mod P, with P a prime
 * below 2^26, so that every step is exact in a double and in a BIGINT. The distribution is that of
 * generateLines: 60 % drugs, 5 % excluded kinds, 90 % / 7 % / 3 % platform / offline / emergency,
 * 1 % returns, 30 % of consumables high-value, 0.5 % without a code; 1,000 institutions, 2024.
 */
const P = 67108859;
const HASHES = Array.from({ length: 9 }, (_, k) => [1000003 + k * 7919, 12345 + k * 101] as const);
const hash = (i: number, k: number): number => {
  const [a, b] = HASHES[k]!;
  const x = (((i * a) % P) + b) % P;
  return (x * x) % P;
};
const hashSQL = (k: number): string => {
  const [a, b] = HASHES[k]!;
  const x = `((((i * ${a}) % ${P}) + ${b}) % ${P})`;
  return `((${x} * ${x}) % ${P})`;
};

/** The line at index i (0-based). */
export function lineAt(i: number): BenchLine {
  const drug = hash(i, 0) % 10 < 6;
  const kindRoll = hash(i, 1) % 100;
  const c = hash(i, 2) % 100;
  const abs = 1 + (hash(i, 3) % 10_000_000);
  const neg = hash(i, 4) % 100 === 0;
  return {
    institutionId: IDS[hash(i, 5) % INSTITUTION_COUNT]!,
    receivedOn: DATES[hash(i, 6) % 365]!,
    category: drug ? 'drug' : 'consumable',
    kind: kindRoll < 5 ? (drug ? EXCLUDED_DRUG_KINDS[i % EXCLUDED_DRUG_KINDS.length] : 'ivd-reagent') : undefined,
    highValue: !drug && hash(i, 7) % 10 < 3,
    insuranceCode: hash(i, 8) % 1000 < 995 ? 'XA01' : undefined,
    channel: c < 90 ? 'platform' : c < 97 ? 'offline' : 'emergency',
    amount: `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
  };
}

/** Lines 0 … count − 1 of lineAt, one at a time. */
export function* linesByIndex(count: number): Generator<BenchLine> {
  for (let i = 0; i < count; i++) yield lineAt(i);
}

/**
 * The SELECT that gives lines 0 … count − 1 of lineAt, with the columns of docs/sql.md
 * (amount DECIMAL(18, 2)), for DuckDB or PostgreSQL, spread over the first `institutions` of benchInstitutions.
 */
export function linesSQL(count: number, dialect: 'duckdb' | 'postgres', institutions = INSTITUTION_COUNT): string {
  const kinds = EXCLUDED_DRUG_KINDS.map((k, n) => `WHEN ${n} THEN '${k}'`).join(' ');
  const amount =
    dialect === 'duckdb'
      ? `CAST(CAST((1 + ${hashSQL(3)} % 10000000) * CASE WHEN ${hashSQL(4)} % 100 = 0 THEN -1 ELSE 1 END AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2))`
      : `CAST(CAST((1 + ${hashSQL(3)} % 10000000) * CASE WHEN ${hashSQL(4)} % 100 = 0 THEN -1 ELSE 1 END AS NUMERIC) / 100 AS NUMERIC(18, 2))`;
  const source = dialect === 'duckdb' ? `range(${count}) t(i)` : `generate_series(CAST(0 AS BIGINT), ${count - 1}) t(i)`;
  return `SELECT
  'H' || lpad(CAST(${hashSQL(5)} % ${institutions} AS VARCHAR), 6, '0') AS institution_id,
  DATE '2024-01-01' + CAST(${hashSQL(6)} % 365 AS INTEGER) AS received_on,
  CASE WHEN ${hashSQL(0)} % 10 < 6 THEN 'drug' ELSE 'consumable' END AS category,
  CASE WHEN ${hashSQL(1)} % 100 >= 5 THEN NULL WHEN ${hashSQL(0)} % 10 >= 6 THEN 'ivd-reagent' ELSE CASE i % ${EXCLUDED_DRUG_KINDS.length} ${kinds} END END AS kind,
  ${hashSQL(0)} % 10 >= 6 AND ${hashSQL(7)} % 10 < 3 AS high_value,
  CASE WHEN ${hashSQL(8)} % 1000 < 995 THEN 'XA01' END AS insurance_code,
  CASE WHEN ${hashSQL(2)} % 100 < 90 THEN 'platform' WHEN ${hashSQL(2)} % 100 < 97 THEN 'offline' ELSE 'emergency' END AS channel,
  ${amount} AS amount
FROM ${source}`;
}

const KIND_LABELS: Record<string, string> = {
  'tcm-decoction-pieces': '中药饮片',
  'formula-granules': '配方颗粒',
  narcotic: '麻醉药品',
  psychotropic: '精神药品',
  'preventive-biologic': '预防用生物制品',
  'ivd-reagent': '体外诊断试剂',
};
const CHANNEL_TEXT = { platform: '省平台', offline: '线下', emergency: '应急' } as const;

/**
 * The rows a CSV reader gives for the lines of lineAt (every cell a string, Chinese headers and
 * values, half the dates with a time as exports write them), with the line each must become.
 */
export function csvRowAt(i: number): Record<string, string> {
  const l = lineAt(i);
  return {
    医疗机构编码: l.institutionId,
    入库日期: i % 2 === 0 ? l.receivedOn : `${l.receivedOn} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
    类别: l.category === 'drug' ? '药品' : '医用耗材',
    品种: l.kind === undefined ? '' : KIND_LABELS[l.kind]!,
    高值: l.highValue ? '是' : '否',
    医保代码: l.insuranceCode ?? '',
    采购渠道: CHANNEL_TEXT[l.channel],
    金额: l.amount,
  };
}

/**
 * 3503 records (商品采购): a code by category (X… drugs, C… consumables), a price of up to six
 * decimals and a count of up to four, an inbound time; one in fifty a gift.
 */
export function nhsaRecordAt(i: number): Record<string, string> {
  const l = lineAt(i);
  const price = 1 + (hash(i, 3) % 100_000_000);
  const count = 1 + (hash(i, 7) % 100_000);
  return {
    med_list_codg: `${l.category === 'drug' ? 'XA01' : 'C0101'}${String(i % 1000).padStart(6, '0')}`,
    fixmedins_hilist_id: `K${i}`,
    finl_trns_pric: `${Math.floor(price / 1e6)}.${String(price % 1e6).padStart(6, '0')}`,
    purc_retn_cnt: `${Math.floor(count / 1e4)}.${String(count % 1e4).padStart(4, '0')}`,
    purc_retn_stoin_time: `${l.receivedOn} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
    prod_geay_flag: i % 50 === 0 ? '1' : '0',
  };
}
