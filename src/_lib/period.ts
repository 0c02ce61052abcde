import { z } from 'zod';
import { isCivilDate } from './dates';

/**
 * A period of civil dates, both ends included.
 * @internal
 */
export const PeriodSchema = z
  .object({
    from: z.string().refine((v) => isCivilDate(v), { message: 'expected a real civil date "YYYY-MM-DD"' }),
    to: z.string().refine((v) => isCivilDate(v), { message: 'expected a real civil date "YYYY-MM-DD"' }),
  })
  .refine((p) => p.from <= p.to, { message: 'expected period.to on or after period.from', path: ['to'] });

/** A period `{ from, to }` of `YYYY-MM-DD` dates, both included. */
export type Period = z.output<typeof PeriodSchema>;
