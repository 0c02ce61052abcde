import type { Region } from '../institution/schema';

/** The key of a region at a level: `province`, `province/city` or `province/city/county` (parts that are known); null without that level. */
export function regionKey(r: Region, by: 'province' | 'city' | 'county'): string | null {
  const parts = by === 'province' ? [r.province] : by === 'city' ? [r.province, r.city] : [r.province, r.city, r.county];
  return parts[parts.length - 1] === undefined ? null : parts.filter((p) => p !== undefined).join('/');
}
