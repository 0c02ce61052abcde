import * as z from 'zod/mini';
import { isCivilDate } from './dates';
import { pure } from './pure';

/**
 * A period of civil dates, both ends included.
 * @internal
 */
export const PeriodSchema = /* @__PURE__ */ pure(() => z
  .object({
    from: z.string().check(z.refine((v) => isCivilDate(v), { message: 'expected a real civil date "YYYY-MM-DD"' })),
    to: z.string().check(z.refine((v) => isCivilDate(v), { message: 'expected a real civil date "YYYY-MM-DD"' })),
  })
  .check(z.refine((p) => p.from <= p.to, { message: 'expected period.to on or after period.from', path: ['to'] })));

/** A period `{ from, to }` of `YYYY-MM-DD` dates, both included. */
export type Period = z.output<typeof PeriodSchema>;
