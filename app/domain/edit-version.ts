import { z } from 'zod'

/**
 * The version of a row an edit form was made from: the row's last change, to the millisecond, sent back with
 * the form so that a save over someone else's newer change is refused (409) instead of silently replacing it.
 */
export const EditVersionSchema = z.iso.datetime({ error: 'validation.invalid' }).transform((value) => new Date(value))
