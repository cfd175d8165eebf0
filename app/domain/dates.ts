import { z } from 'zod'

/** Years a period or meeting may fall in; anything else is a typing mistake (and year 0 is no PostgreSQL date). */
export const plausibleYears = { min: 2000, max: 2100 } as const

export function isPlausibleYear(year: number): boolean {
  return year >= plausibleYears.min && year <= plausibleYears.max
}

const calendarDay = z.iso.date()

/** A calendar day `yyyy-mm-dd` within the plausible years, from a form, a query string or the API. */
export const IsoDateSchema = z.iso
  .date({ error: 'validation.date' })
  // Asked only of a real date, so a malformed one gets the one message that helps.
  .refine(
    (value) => !calendarDay.safeParse(value).success || isPlausibleYear(Number(value.slice(0, 4))),
    'validation.dateYears',
  )

const calendarMonth = /^\d{4}-(0[1-9]|1[0-2])$/

/** A month `yyyy-mm` within the plausible years, such as when a report's phenomenon was first observed. */
export const IsoMonthSchema = z
  .string({ error: 'report.validation.month' })
  .regex(calendarMonth, 'report.validation.month')
  .refine((value) => !calendarMonth.test(value) || isPlausibleYear(Number(value.slice(0, 4))), 'validation.dateYears')
