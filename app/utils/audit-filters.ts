import { z } from 'zod'
import { IsoDateSchema } from '#app/domain/dates.ts'
import { type AuditFilters } from '#app/models/audit-log.server.ts'
import { optionalFilter } from './list-filters.ts'
import { PageNumberSchema } from './paging.ts'

/**
 * The audit log's filters from the query string, shared by the page and its CSV. A malformed value means no filter,
 * as in every list; a target is an id or an API path, never free text.
 */
const AuditFiltersSchema = z.object({
  actor: optionalFilter(z.uuid()),
  target: optionalFilter(
    z
      .string()
      .trim()
      .max(200)
      .regex(/^[0-9A-Za-z/_.-]+$/),
  ),
  from: optionalFilter(IsoDateSchema),
  to: optionalFilter(IsoDateSchema),
  page: PageNumberSchema,
})

export function readAuditFilters(searchParams: URLSearchParams): { filters: AuditFilters; page: number } {
  const { actor, target, from, to, page } = AuditFiltersSchema.parse(Object.fromEntries(searchParams))
  return { filters: { actorId: actor, targetId: target, from, to }, page }
}

/** The query string of the same filters, for the pager and the CSV link. */
export function auditFilterQuery(filters: AuditFilters): URLSearchParams {
  const entries = { actor: filters.actorId, target: filters.targetId, from: filters.from, to: filters.to }
  return new URLSearchParams(Object.entries(entries).filter((entry): entry is [string, string] => Boolean(entry[1])))
}
