import { z } from 'zod'
import { isPlausibleYear } from './dates.ts'

/**
 * The version of a row an edit form was made from: the row's last change, to the millisecond, sent back with
 * the form so that a save over someone else's newer change is refused (409) instead of silently replacing it.
 * A version outside the years any row can carry never matches one, and PostgreSQL cannot compare year 0.
 */
export const EditVersionSchema = z.iso
  .datetime({ error: 'validation.invalid' })
  .transform((value) => new Date(value))
  .refine((version) => isPlausibleYear(version.getUTCFullYear()), { error: 'validation.invalid' })
