import { z } from 'zod'

/** A list's page number from the query string; a missing or malformed one means the first page, never an error. */
export const PageNumberSchema = z.coerce.number().int().min(1).catch(1).default(1)

const PageSchema = z.object({ page: PageNumberSchema })

export function readPageNumber(searchParams: URLSearchParams): number {
  return PageSchema.parse(Object.fromEntries(searchParams)).page
}

/** The rows to ask for: one more than a page holds, so the list knows whether another page follows. */
export function pageWindow(page: number, pageSize: number) {
  return { limit: pageSize + 1, offset: (page - 1) * pageSize }
}

/** The page's rows and whether another page follows, from rows asked for with `pageWindow`. */
export function pageOf<Row>(rows: Row[], pageSize: number) {
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize }
}

/** A link to another page of a list without filters. */
export function pageHref(page: number): string {
  return `?page=${page}`
}
