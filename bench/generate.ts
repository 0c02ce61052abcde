/**
 * Deterministic purchase lines for the benchmarks: 1,000 institutions of every level, both
 * categories, ~5% of excluded kinds, ~1% returns (negative amounts), ~10% off the platform.
 * Every line has the same fields (as rows from a database or a CSV reader do).
 */
import type { InstitutionInput } from '../src/index';

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
  kind: string | undefined;
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
