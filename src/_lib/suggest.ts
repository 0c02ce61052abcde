/**
 * "Did you mean …?": the known word nearest a misspelt one, for refusals of unknown option keys
 * and values outside a list (issue 25).
 * @internal
 */

/** Words people write for the package's own, where spelling is no guide (`period: { start, end }`). */
const SYNONYMS: Readonly<Record<string, string>> = {
  start: 'from',
  begin: 'from',
  since: 'from',
  end: 'to',
  until: 'to',
  through: 'to',
};

/** Edit distance with transpositions (optimal string alignment), capped: past `max` the exact figure does not matter. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Lower case without separators: `Jiangsu_2022` and `jiangsu-2022` compare equal. */
const fold = (s: string) => s.toLowerCase().replace(/[-_\s.]/g, '');

/**
 * The candidate nearest `word`: the same word in other case or separators, a known synonym, or
 * the nearest by edit distance (at most 1 for words of up to 4 characters, 2 up to 8, 3 beyond);
 * `undefined` when none is near.
 *
 * @example
 * nearest('peroid', ['policy', 'institutions', 'period']) //=> 'period'
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const folded = fold(word);
  const same = candidates.find((c) => fold(c) === folded);
  if (same !== undefined) return same;
  const synonym = Object.hasOwn(SYNONYMS, folded) ? SYNONYMS[folded] : undefined;
  if (synonym !== undefined && candidates.includes(synonym)) return synonym;
  const max = folded.length <= 4 ? 1 : folded.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = editDistance(folded, fold(c), max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
