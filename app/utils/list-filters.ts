import { z } from 'zod'
import { reportStatuses } from '#app/models/database.ts'
import { PageNumberSchema } from './paging.ts'

/**
 * A filter read from the query string. A missing, empty or malformed value means "no filter": a hand-edited
 * or outdated link should still show a list, never an error page.
 */
export const optionalFilter = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal('')])
    .optional()
    .catch(undefined)
    .transform((v) => v || null)

/** The filters every report list offers, plus the page number; lists extend this with their own. */
export const ReportListFiltersSchema = z.object({
  status: optionalFilter(z.enum(reportStatuses)),
  positive: optionalFilter(z.enum(['yes', 'no'])),
  q: optionalFilter(z.string().trim().max(200)),
  page: PageNumberSchema,
})

export function parseListFilters<Schema extends z.ZodType>(
  schema: Schema,
  searchParams: URLSearchParams,
): z.output<Schema> {
  return schema.parse(Object.fromEntries(searchParams))
}

/** The "kind of observation" choice as the query needs it: good practices, problems, or both. */
export function positiveFlag(positive: 'yes' | 'no' | null): boolean | null {
  return positive === null ? null : positive === 'yes'
}

/** A link to another page of the same filtered list. */
export function filteredPageHref(filters: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams(
    Object.entries(filters)
      .filter(([key, value]) => key !== 'page' && value !== null && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  )
  params.set('page', String(page))
  return `?${params}`
}
