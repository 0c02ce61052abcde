/**
 * Builds a module-level value (a zod schema, a Decimal constant, a lookup table) in a way that a
 * bundler may drop when nothing uses it: the annotation tells esbuild and Rollup that a call of this
 * function has no effect but its result. A value initialised by an ordinary call (`z.string().check(…)`,
 * `Decimal.clone(…)`) is kept in every bundle that imports its module, whether used or not (zod's own
 * tree-shaking tests say the same).
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function pure<T>(make: () => T): T {
  return make();
}
