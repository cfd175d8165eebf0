import { sql, type Transaction } from 'kysely'
import { cellKeyModulus } from '#app/domain/disclosure-control.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { isVersion } from './edit-version.server.ts'
import { recordReportEvent, type Viewer, visibleTo } from './report.server.ts'

/**
 * Phenomena with the evidence behind them: how many reports, teams and municipalities, since when, and how many
 * workers said "Havaitsen saman" (their municipalities count with the reports'), with the reports' cell key.
 */
function phenomenaWithEvidence(db: AppDb, organisationId: string) {
  const linkedReports = sql`phenomenon_reports join reports on reports.id = phenomenon_reports.report_id
    where phenomenon_reports.phenomenon_id = phenomena.id`
  return db
    .selectFrom('phenomena')
    .select([
      'phenomena.id',
      'phenomena.title',
      'phenomena.description',
      'phenomena.created_at',
      'phenomena.updated_at',
      sql<number>`(select count(*) from ${linkedReports})::int`.as('report_count'),
      sql<number>`(select count(distinct reports.team_id) from ${linkedReports})::int`.as('team_count'),
      sql<number>`(select count(distinct place) from (
        select reports.municipality_id as place from ${linkedReports}
        union select municipality_id from phenomenon_observations where phenomenon_id = phenomena.id
      ) as places)::int`.as('municipality_count'),
      sql<number>`(select count(*) from phenomenon_observations where phenomenon_id = phenomena.id)::int`.as(
        'observation_count',
      ),
      sql<number>`(select coalesce(sum(reports.statistics_key::bigint), 0) % ${sql.lit(cellKeyModulus)}
        from ${linkedReports})::int`.as('cell_key'),
      sql<string | null>`(select min(coalesce(reports.observed_since, reports.created_at::date))::text
        from ${linkedReports})`.as('first_observed'),
      sql<Date | null>`(select max(reports.created_at) from ${linkedReports})`.as('latest_report'),
    ])
    .where('phenomena.organisation_id', '=', organisationId)
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

/** The phenomenon's version, or null when it is not in the organisation. */
export function findPhenomenonVersion(db: AppDb, organisationId: string, phenomenonId: string) {
  return db
    .selectFrom('phenomena')
    .select(['id', 'updated_at'])
    .where('id', '=', phenomenonId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** Replaces the description only while the phenomenon is at the version the editor saw; false when it is not. */
export async function updatePhenomenonDescription(
  db: AppDb,
  change: { organisationId: string; phenomenonId: string; description: string; version: Date },
): Promise<boolean> {
  const updated = await db
    .updateTable('phenomena')
    .set({ description: change.description, updated_at: sql<Date>`now()` })
    .where('id', '=', change.phenomenonId)
    .where('organisation_id', '=', change.organisationId)
    .where(isVersion(change.version))
    .returning('id')
    .executeTakeFirst()
  return Boolean(updated)
}

export async function createObservation(
  trx: Transaction<Database>,
  observation: {
    organisationId: string
    phenomenonId: string
    authorId: string
    municipalityId: string | null
    clientEstimate: number | null
    sentence: string
  },
) {
  return trx
    .insertInto('phenomenon_observations')
    .values({
      organisation_id: observation.organisationId,
      phenomenon_id: observation.phenomenonId,
      author_id: observation.authorId,
      municipality_id: observation.municipalityId,
      client_estimate: observation.clientEstimate,
      sentence: observation.sentence,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow()
}

/** "Havaitsen saman" observations, newest first, without their authors' names: only whether one is the reader's own. */
export function listObservations(
  db: AppDb,
  viewer: { id: string; organisation: { id: string } },
  phenomenonId: string,
) {
  return db
    .selectFrom('phenomenon_observations')
    .leftJoin('municipalities', 'municipalities.id', 'phenomenon_observations.municipality_id')
    .select([
      'phenomenon_observations.id',
      'phenomenon_observations.sentence',
      'phenomenon_observations.client_estimate',
      'phenomenon_observations.created_at',
      'municipalities.name as municipality',
      'municipalities.name_sv as municipality_sv',
      sql<boolean>`phenomenon_observations.author_id = ${viewer.id}`.as('own'),
    ])
    .where('phenomenon_observations.organisation_id', '=', viewer.organisation.id)
    .where('phenomenon_observations.phenomenon_id', '=', phenomenonId)
    .orderBy('phenomenon_observations.created_at', 'desc')
    .execute()
}
