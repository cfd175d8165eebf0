import { sql, type Transaction } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { recordReportEvent, type Viewer, visibleTo } from './report.server.ts'

/** Phenomena with the evidence behind them: how many reports, teams and municipalities, and since when. */
function phenomenaWithEvidence(db: AppDb, organisationId: string) {
  return db
    .selectFrom('phenomena')
    .leftJoin('phenomenon_reports', 'phenomenon_reports.phenomenon_id', 'phenomena.id')
    .leftJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
    .select([
      'phenomena.id',
      'phenomena.title',
      'phenomena.created_at',
      sql<number>`count(reports.id)::int`.as('report_count'),
      sql<number>`count(distinct reports.team_id)::int`.as('team_count'),
      sql<number>`count(distinct reports.municipality_id)::int`.as('municipality_count'),
      sql<string | null>`min(coalesce(reports.observed_since, reports.created_at::date))::text`.as('first_observed'),
      sql<Date | null>`max(reports.created_at)`.as('latest_report'),
    ])
    .where('phenomena.organisation_id', '=', organisationId)
    .groupBy('phenomena.id')
}

/** The organisation's phenomena with their evidence, most reports first; `only` limits them to those ids. */
export async function listPhenomena(db: AppDb, organisationId: string, only?: readonly string[]) {
  if (only?.length === 0) return []
  return phenomenaWithEvidence(db, organisationId)
    .$if(only !== undefined, (qb) => qb.where('phenomena.id', 'in', only!))
    .orderBy('report_count', 'desc')
    .orderBy('phenomena.title')
    .execute()
}

export async function getPhenomenon(db: AppDb, organisationId: string, phenomenonId: string) {
  const phenomenon = await phenomenaWithEvidence(db, organisationId)
    .where('phenomena.id', '=', phenomenonId)
    .executeTakeFirst()
  if (!phenomenon) return null
  const reports = await db
    .selectFrom('phenomenon_reports')
    .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
    .leftJoin('teams', 'teams.id', 'reports.team_id')
    .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
    .select([
      'reports.id',
      'reports.title',
      'reports.status',
      'reports.created_at',
      'teams.name as team',
      'municipalities.name as municipality',
    ])
    .where('phenomenon_reports.phenomenon_id', '=', phenomenonId)
    .orderBy('reports.created_at', 'desc')
    .execute()
  return { ...phenomenon, reports }
}

/** The phenomenon's reports that the viewer may open, newest first. */
export function listReadableReportsOfPhenomenon(db: AppDb, viewer: Viewer, phenomenonId: string) {
  return db
    .selectFrom('reports')
    .select(['reports.id', 'reports.title', 'reports.status'])
    .where(
      'reports.id',
      'in',
      db.selectFrom('phenomenon_reports').select('report_id').where('phenomenon_id', '=', phenomenonId),
    )
    .where(visibleTo(viewer))
    .orderBy('reports.created_at', 'desc')
    .execute()
}

interface LinkChange {
  organisationId: string
  reportId: string
  actorId: string
}

export async function createPhenomenonForReport(trx: Transaction<Database>, change: LinkChange & { title: string }) {
  const phenomenon = await trx
    .insertInto('phenomena')
    .values({ organisation_id: change.organisationId, title: change.title, created_by: change.actorId })
    .returning('id')
    .executeTakeFirstOrThrow()
  await linkReportToPhenomenon(trx, { ...change, phenomenonId: phenomenon.id })
  return phenomenon.id
}

/** Links a report once; a phenomenon outside the organisation is not found. */
export async function linkReportToPhenomenon(
  trx: Transaction<Database>,
  change: LinkChange & { phenomenonId: string },
): Promise<'linked' | 'already_linked' | 'not_found'> {
  const phenomenon = await trx
    .selectFrom('phenomena')
    .select('id')
    .where('id', '=', change.phenomenonId)
    .where('organisation_id', '=', change.organisationId)
    .executeTakeFirst()
  if (!phenomenon) return 'not_found'
  const linked = await trx
    .insertInto('phenomenon_reports')
    .values({ phenomenon_id: change.phenomenonId, report_id: change.reportId, linked_by: change.actorId })
    .onConflict((oc) => oc.columns(['phenomenon_id', 'report_id']).doNothing())
    .returning('report_id')
    .executeTakeFirst()
  if (!linked) return 'already_linked'
  await recordReportEvent(trx, { ...change, type: 'phenomenon_linked' })
  return 'linked'
}

export async function unlinkReportFromPhenomenon(
  trx: Transaction<Database>,
  change: LinkChange & { phenomenonId: string },
) {
  const removed = await trx
    .deleteFrom('phenomenon_reports')
    .where('phenomenon_id', '=', change.phenomenonId)
    .where('report_id', '=', change.reportId)
    .where('phenomenon_id', 'in', (eb) =>
      eb.selectFrom('phenomena').select('id').where('organisation_id', '=', change.organisationId),
    )
    .returning('report_id')
    .executeTakeFirst()
  if (!removed) return false
  await recordReportEvent(trx, { ...change, type: 'phenomenon_unlinked' })
  return true
}
