import { type AuditAction, type AuditTargetType } from '#app/domain/audit.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import {
  allowAuditRetentionDelete,
  type AuditFilters,
  deleteExpiredAuditEntries,
  listAuditActors,
  listAuditLog,
  recordAudit,
} from '#app/models/audit-log.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

type Reader = Pick<CurrentUser, 'id' | 'organisation'>

/**
 * Logs that the user read or exported something through a page or the API: one insert, no read, so the page
 * costs one round trip more. `request` gives the route (path and query) the thing was read through.
 */
export async function recordRead(
  user: Reader,
  request: Request,
  read: { action: AuditAction; target: { type: AuditTargetType; id: string }; apiTokenId?: string | null },
): Promise<void> {
  const url = new URL(request.url)
  await recordAudit(getDb(), {
    organisationId: user.organisation.id,
    actorId: user.id,
    action: read.action,
    apiTokenId: read.apiTokenId ?? null,
    target: read.target,
    details: { route: url.pathname + url.search, method: request.method },
  })
}

type AuditAdmin = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

const pageSize = 50
const exportLimit = 100_000

/** One page of the admin's own organisation's log, newest first, and the people it names for the user filter. */
export async function readAuditLog(
  admin: AuditAdmin,
  filters: AuditFilters,
  page: number,
): Promise<
  ServiceResult<{
    rows: Awaited<ReturnType<typeof listAuditLog>>
    hasNext: boolean
    actors: { id: string; name: string }[]
  }>
> {
  if (!canAdministerOrganisation(admin.roles)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const [rows, actors] = await Promise.all([
    listAuditLog(db, admin.organisation.id, filters, { limit: pageSize + 1, offset: (page - 1) * pageSize }),
    listAuditActors(db, admin.organisation.id),
  ])
  return { ok: true, rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize, actors }
}

/** Every entry the filters select, for the CSV; the export itself is logged with the filters used. */
export async function exportAuditLog(
  admin: AuditAdmin,
  request: Request,
  filters: AuditFilters,
): Promise<ServiceResult<{ rows: Awaited<ReturnType<typeof listAuditLog>> }>> {
  if (!canAdministerOrganisation(admin.roles)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const rows = await listAuditLog(db, admin.organisation.id, filters, { limit: exportLimit, offset: 0 })
  const url = new URL(request.url)
  await recordAudit(db, {
    organisationId: admin.organisation.id,
    actorId: admin.id,
    action: 'audit.exported',
    target: { type: 'audit_log', id: admin.organisation.id },
    details: { route: url.pathname + url.search, method: request.method, filters, rows: rows.length },
  })
  return { ok: true, rows }
}

/**
 * The daily retention round: removes every organisation's entries older than its own retention, in the one
 * transaction the table's trigger lets delete. Returns how many went.
 */
export async function removeExpiredAuditEntries(db: AppDb, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await allowAuditRetentionDelete(trx)
    return deleteExpiredAuditEntries(trx, now)
  })
}
