import { sql } from 'kysely'
import { type AuditEntry } from '#app/domain/audit.ts'
import { type AppDb } from '#app/utils/db.server.ts'

/**
 * Appends one entry: a single insert with no read before it, so logging a page view costs one round trip. Takes the
 * database or the caller's transaction, so an administrative change and its entry commit together.
 */
export async function recordAudit(db: AppDb, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      organisation_id: entry.organisationId,
      actor_id: entry.actorId,
      api_token_id: entry.apiTokenId ?? null,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute()
}

/** What the admin narrows the log to; every filter is optional and all apply together. */
export interface AuditFilters {
  actorId: string | null
  /** A target's id, e.g. a report's: every entry about it, whatever its type. */
  targetId: string | null
  /** Inclusive calendar days (YYYY-MM-DD) in the organisation's time zone. */
  from: string | null
  to: string | null
}

function filteredAuditLog(db: AppDb, organisationId: string, filters: AuditFilters) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_id')
    .leftJoin('api_tokens', 'api_tokens.id', 'audit_log.api_token_id')
    // A user the entry is about is named, as people read names rather than ids.
    .leftJoin('users as target_user', (join) =>
      join.on('audit_log.target_type', '=', 'user').onRef('audit_log.target_id', '=', sql`target_user.id::text`),
    )
    .where('audit_log.organisation_id', '=', organisationId)
  if (filters.actorId) query = query.where('audit_log.actor_id', '=', filters.actorId)
  if (filters.targetId) query = query.where('audit_log.target_id', '=', filters.targetId.toLowerCase())
  if (filters.from) query = query.where('audit_log.created_at', '>=', sql<Date>`${filters.from}::date`)
  if (filters.to) query = query.where('audit_log.created_at', '<', sql<Date>`${filters.to}::date + 1`)
  return query
}

/** The organisation's entries, newest first, with the actor's name and the API token's name where there was one. */
export async function listAuditLog(
  db: AppDb,
  organisationId: string,
  filters: AuditFilters,
  window: { limit: number; offset: number },
) {
  return filteredAuditLog(db, organisationId, filters)
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.details',
      'audit_log.created_at',
      'audit_log.actor_id',
      'actor.name as actor_name',
      'actor.email as actor_email',
      'audit_log.api_token_id',
      'api_tokens.name as api_token_name',
      'target_user.name as target_name',
    ])
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute()
}

export type AuditLogRow = Awaited<ReturnType<typeof listAuditLog>>[number]

/** The people who appear in the organisation's log, for the filter by user (removed users included). */
export async function listAuditActors(db: AppDb, organisationId: string) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('audit_log')
          .whereRef('audit_log.actor_id', '=', 'users.id')
          .where('audit_log.organisation_id', '=', organisationId),
      ),
    )
    .orderBy('users.name')
    .execute()
}

/**
 * Removes every entry older than its organisation's retention. Must run in a transaction that has already called
 * `allowAuditRetentionDelete`; the table's trigger refuses any other delete.
 */
export async function deleteExpiredAuditEntries(trx: AppDb, now: Date): Promise<number> {
  const result = await trx
    .deleteFrom('audit_log')
    .using('organisations')
    .whereRef('organisations.id', '=', 'audit_log.organisation_id')
    .where(
      'audit_log.created_at',
      '<',
      sql<Date>`${now}::timestamptz - make_interval(years => organisations.audit_retention_years)`,
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Lets the rest of the current transaction delete from the audit log (the trigger checks this setting). */
export async function allowAuditRetentionDelete(trx: AppDb): Promise<void> {
  await sql`select set_config('app.audit_retention', 'on', true)`.execute(trx)
}
