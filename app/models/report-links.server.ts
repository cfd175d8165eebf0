import { type ExpressionBuilder, sql, type Transaction } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database, type ReportStatus } from './database.ts'

/**
 * What reports and phenomena are linked to: an agenda item or a welfare-report section. Each has a table of
 * phenomenon links and a table of report links; a report link says whether the report was chosen directly
 * (`via_phenomenon_id` null) or came along with a phenomenon.
 */
export type LinkOwner = { kind: 'agenda_item'; id: string } | { kind: 'welfare_section'; id: string }

const linkTables = {
  agenda_item: { reports: 'agenda_item_reports', phenomena: 'agenda_item_phenomena', owner: 'agenda_item_id' },
  welfare_section: { reports: 'welfare_section_reports', phenomena: 'welfare_section_phenomena', owner: 'section_id' },
} as const

function tablesOf(owner: LinkOwner) {
  const tables = linkTables[owner.kind]
  return { reports: sql.table(tables.reports), phenomena: sql.table(tables.phenomena), owner: sql.ref(tables.owner) }
}

export interface LinkedReport {
  id: string
  title: string
  status: ReportStatus
}

/** Those of the ids that name the organisation's phenomena. */
export async function listOwnPhenomenonIds(db: AppDb, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('phenomena')
    .select('id')
    .where('id', 'in', ids)
    .where('organisation_id', '=', organisationId)
    .execute()
  return rows.map((row) => row.id)
}

/** Those of the ids that name the organisation's reports, by title. */
export function listOwnReports(db: AppDb, organisationId: string, ids: readonly string[]): Promise<LinkedReport[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('reports')
    .select(['id', 'title', 'status'])
    .where('id', 'in', ids)
    .where('organisation_id', '=', organisationId)
    .orderBy('title')
    .execute()
}

/** The organisation's reports behind these phenomena, one row per phenomenon and report, by title. */
export function listReportsOfPhenomena(db: AppDb, organisationId: string, phenomenonIds: readonly string[]) {
  if (phenomenonIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('phenomenon_reports')
    .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
    .select(['reports.id', 'reports.title', 'reports.status', 'phenomenon_reports.phenomenon_id'])
    .where('phenomenon_reports.phenomenon_id', 'in', phenomenonIds)
    .where('reports.organisation_id', '=', organisationId)
    .orderBy('reports.title')
    .orderBy('reports.id')
    .execute()
}

/** Links the phenomena; one already linked stays as it is. */
export async function addPhenomenonLinks(
  trx: Transaction<Database>,
  owner: LinkOwner,
  phenomenonIds: readonly string[],
) {
  if (phenomenonIds.length === 0) return
  const t = tablesOf(owner)
  await sql`insert into ${t.phenomena} (${t.owner}, phenomenon_id)
    values ${sql.join(phenomenonIds.map((phenomenonId) => sql`(${owner.id}, ${phenomenonId})`))}
    on conflict do nothing`.execute(trx)
}

/** Links the reports, each directly (`via` null) or as brought along by a phenomenon. */
export async function addReportLinks(
  trx: Transaction<Database>,
  owner: LinkOwner,
  links: readonly { reportId: string; via: string | null }[],
) {
  if (links.length === 0) return
  const t = tablesOf(owner)
  await sql`insert into ${t.reports} (${t.owner}, report_id, via_phenomenon_id)
    values ${sql.join(links.map((link) => sql`(${owner.id}, ${link.reportId}, ${link.via})`))}`.execute(trx)
}

/** The reports linked now: each with the phenomenon it came with, or null when chosen directly. */
export async function listReportLinks(trx: Transaction<Database>, owner: LinkOwner) {
  const t = tablesOf(owner)
  const { rows } = await sql<{ report_id: string; via_phenomenon_id: string | null }>`
    select report_id, via_phenomenon_id from ${t.reports} where ${t.owner} = ${owner.id}`.execute(trx)
  return new Map(rows.map((row) => [row.report_id, row.via_phenomenon_id]))
}

/** The report was chosen directly after all: it stays when the phenomenon it came with is unlinked. */
export async function makeReportLinkDirect(trx: Transaction<Database>, owner: LinkOwner, reportId: string) {
  const t = tablesOf(owner)
  await sql`update ${t.reports} set via_phenomenon_id = null
    where ${t.owner} = ${owner.id} and report_id = ${reportId}`.execute(trx)
}

/** Unlinks every phenomenon and report. */
export async function deleteAllLinks(trx: Transaction<Database>, owner: LinkOwner) {
  const t = tablesOf(owner)
  await sql`delete from ${t.reports} where ${t.owner} = ${owner.id}`.execute(trx)
  await sql`delete from ${t.phenomena} where ${t.owner} = ${owner.id}`.execute(trx)
}

/** Replaces the links with these, all chosen directly. */
export async function replaceLinks(
  trx: Transaction<Database>,
  owner: LinkOwner,
  choice: { reportIds: readonly string[]; phenomenonIds: readonly string[] },
) {
  await deleteAllLinks(trx, owner)
  await addReportLinks(
    trx,
    owner,
    choice.reportIds.map((reportId) => ({ reportId, via: null })),
  )
  await addPhenomenonLinks(trx, owner, choice.phenomenonIds)
}

/** Unlinks the phenomena with the reports they brought along, and the reports chosen. */
export async function deleteLinks(
  trx: Transaction<Database>,
  owner: LinkOwner,
  choice: { reportIds: readonly string[]; phenomenonIds: readonly string[] },
) {
  const t = tablesOf(owner)
  const { phenomenonIds, reportIds } = choice
  if (phenomenonIds.length > 0) {
    await sql`delete from ${t.phenomena}
      where ${t.owner} = ${owner.id} and phenomenon_id in (${sql.join(phenomenonIds)})`.execute(trx)
  }
  const matches = [
    ...(reportIds.length > 0 ? [sql`report_id in (${sql.join(reportIds)})`] : []),
    ...(phenomenonIds.length > 0 ? [sql`via_phenomenon_id in (${sql.join(phenomenonIds)})`] : []),
  ]
  if (matches.length > 0) {
    await sql`delete from ${t.reports} where ${t.owner} = ${owner.id} and (${sql.join(matches, sql` or `)})`.execute(
      trx,
    )
  }
}

/**
 * The reports something owned by a report or by a phenomenon concerns (a proposed action, a sending): its report, or
 * every report linked to its phenomenon, so each reporter hears of what happens to it.
 */
export async function concernedReportIds(
  db: AppDb,
  owner: { report_id: string | null; phenomenon_id: string | null },
): Promise<string[]> {
  if (owner.report_id) return [owner.report_id]
  const links = await db
    .selectFrom('phenomenon_reports')
    .select('report_id')
    .where('phenomenon_id', '=', owner.phenomenon_id!)
    .orderBy('report_id')
    .execute()
  return links.map((link) => link.report_id)
}

/** A phenomenon's reports in the given statuses, inside a query over phenomena: to count, or to ask whether any. */
export function phenomenonReportsIn(eb: ExpressionBuilder<Database, 'phenomena'>, statuses: readonly ReportStatus[]) {
  return eb
    .selectFrom('phenomenon_reports')
    .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
    .whereRef('phenomenon_reports.phenomenon_id', '=', 'phenomena.id')
    .where('reports.status', 'in', statuses)
}
