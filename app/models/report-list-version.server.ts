import { sql } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'

/**
 * The organisation's report list version: a trigger moves it on the commit of every write that may change what a
 * report list shows (migration 0009, ADR 030). Counts computed under one version hold until it moves.
 */
export async function getReportListVersion(db: AppDb, organisationId: string): Promise<string> {
  const { rows } = await sql<{ version: string }>`
    select version::text from report_list_versions where organisation_id = ${organisationId}
  `.execute(db)
  return rows[0]?.version ?? '0'
}
