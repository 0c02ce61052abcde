import * as z from 'zod/mini';
import { isCivilDate, EXPECTED_CIVIL_DATE } from '../_lib/dates';
import { pure } from '../_lib/pure';

/**
 * One day of a holiday notice: a day off (`isOffDay: true`) or a make-up working day
 * (`isOffDay: false`, 调休), with the holiday's name. The shape of the holiday-cn data set,
 * so its yearly files can be passed as they are.
 *
 * @category Calendar
 * @example
 * HolidayDaySchema.parse({ date: '2027-01-01', name: '元旦', isOffDay: true }).isOffDay //=> true
 */
export const HolidayDaySchema = /* @__PURE__ */ pure(() => z.object({
  date: z.string().check(z.refine((v) => isCivilDate(v), { message: EXPECTED_CIVIL_DATE })),
  name: z.string().check(z.trim(), z.minLength(1, 'expected the holiday name, e.g. "春节"')),
  isOffDay: z.boolean(),
}));

/**
 * One year's holiday arrangement (the State Council notice of that year, or a local one).
 *
 * @category Calendar
 * @example
 * HolidayYearSchema.parse({ year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }] }).year //=> 2027
 */
export const HolidayYearSchema = /* @__PURE__ */ pure(() => z.object({
  year: z.int().check(z.gte(1950), z.lte(2200)),
  /** The notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  title: z.optional(z.string()),
  /** Where the notice was published. */
  papers: z.optional(z.array(z.string())),
  days: z.array(HolidayDaySchema),
}));

/** One year's holiday arrangement as callers pass it. */
export type HolidayYearInput = z.input<typeof HolidayYearSchema>;
/** One year's holiday arrangement once validated. */
export type HolidayYear = z.output<typeof HolidayYearSchema>;
