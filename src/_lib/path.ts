/** Formats a zod path as a dot path: `['lines', 3, 'amount']` → `lines[3].amount`. */
export function toDotPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
