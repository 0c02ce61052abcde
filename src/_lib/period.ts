import * as z from 'zod/mini';
import { isCivilDate, EXPECTED_CIVIL_DATE } from './dates';
import { pure } from './pure';
import { push, refine, str, strictObject, type Read } from './read';

/**
 * A period of civil dates, both ends included.
 * @internal
 */
export const PeriodSchema = /* @__PURE__ */ pure(() => z
  .strictObject({
    from: z.string().check(z.refine((v) => isCivilDate(v), { message: EXPECTED_CIVIL_DATE })),
    to: z.string().check(z.refine((v) => isCivilDate(v), { message: EXPECTED_CIVIL_DATE })),
  })
  .check(z.refine((p) => p.from <= p.to, { message: 'expected period.to on or after period.from', path: ['to'] })));

/** A period `{ from, to }` of `YYYY-MM-DD` dates, both included. */
export type Period = z.output<typeof PeriodSchema>;

/** A period as PeriodSchema reads it, without zod (../_lib/read.ts). @internal */
export const readPeriod: Read<Period> = /* @__PURE__ */ pure(() => {
  const date = str({}, refine(isCivilDate, EXPECTED_CIVIL_DATE));
  return strictObject({ from: date, to: date }, (p, input, at, issues) => {
    if (p.from > p.to) push(issues, [...at, 'to'], input.to, 'period.to on or after period.from', false);
  });
});
