/**
 * The longest line esbuild is asked to write in a shipped .js/.cjs file (tsup.config.ts and
 * scripts/build-sheets.ts pass it as `lineLimit`); test/package.test.ts holds every shipped line
 * under MAX_SHIPPED_LINE, which leaves room for the string literals esbuild cannot break.
 */
export const LINE_LIMIT = 160;
/** The longest line allowed in a shipped .js/.cjs file (issue 25: "no line longer than 1,000 characters"). */
export const MAX_SHIPPED_LINE = 1000;
