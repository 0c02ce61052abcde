import { ID_MAX_LENGTH, LEVELS, OWNERSHIPS, type Institution, type Region } from './schema';
import { pure } from '../_lib/pure';

const LEVEL_SET: ReadonlySet<unknown> = /* @__PURE__ */ pure(() => new Set(LEVELS));
const OWNERSHIP_SET: ReadonlySet<unknown> = /* @__PURE__ */ pure(() => new Set(OWNERSHIPS));
const REGION_KEYS = ['province', 'city', 'county'] as const;

/** A plain object (`{…}` or `new Object()`), the only kind this fast path reads. */
function isPlain(x: unknown): x is Record<string, unknown> {
  // Stryker disable next-line ConditionalExpression: a test made always true still refuses what is not a plain object (its prototype is not Object.prototype)
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/** A region as RegionSchema gives it, or null when it is not plain and clean. */
function cleanRegion(x: unknown): Region | null {
  if (x === undefined) return {};
  if (!isPlain(x)) return null;
  const out: Record<string, string | undefined> = {};
  for (const key of REGION_KEYS) {
    if (!(key in x)) continue;
    const v = x[key];
    if (v === undefined) {
      out[key] = undefined;
      continue;
    }
    if (typeof v !== 'string') return null;
    const trimmed = v.trim();
    if (trimmed.length === 0) return null;
    out[key] = trimmed;
  }
  return out as Region;
}

/**
 * The institutions exactly as `z.array(InstitutionSchema)` parses them (same keys, in the same
 * order, trimmed region names, a fresh `{}` for a missing region), read by hand; or null as soon
 * as one is not a plain object with clean fields, and then the caller asks zod, which also words
 * the errors. Checking 100,000 institutions through zod took ~1.6 µs each, and a call now and then
 * much longer when zod's own code had been deoptimised.
 * @internal
 */
export function cleanInstitutions(input: unknown): Institution[] | null {
  if (!Array.isArray(input)) return null;
  // Stryker disable next-line ArrayDeclaration: an array made empty grows to the same one
  const out: Institution[] = new Array<Institution>(input.length);
  for (let i = 0; i < input.length; i++) {
    const x: unknown = input[i];
    if (!isPlain(x)) return null;
    const { id, name, level, ownership } = x;
    if (typeof id !== 'string' || id.length === 0 || id.length > ID_MAX_LENGTH) return null;
    // Stryker disable next-line ConditionalExpression,StringLiteral: refusing more only sends the institutions to zod, which gives the same answer
    if (name !== undefined && typeof name !== 'string') return null;
    if (!LEVEL_SET.has(level) || !OWNERSHIP_SET.has(ownership)) return null;
    const region = cleanRegion(x.region);
    if (region === null) return null;
    // the keys in the schema's order; `name` only when the input has the key, as zod does
    out[i] = ('name' in x ? { id, name, level, ownership, region } : { id, level, ownership, region }) as Institution;
  }
  return out;
}
