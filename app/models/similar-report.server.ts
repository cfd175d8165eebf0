import { type ExpressionBuilder, sql } from 'kysely'
import { isEditable } from '#app/domain/report-status.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database, reportStatuses } from './database.ts'
import { visibleTo, type Viewer } from './report.server.ts'

/** Drafts are nobody else's business and withdrawn reports are nobody's concern: neither is ever offered. */
const lookedUpStatuses = reportStatuses.filter((status) => status !== 'draft' && status !== 'withdrawn')
const editableStatuses = reportStatuses.filter(isEditable)

/** How many reports each step hands on to be ranked, however many match: the lookup's cost stays bounded. */
const fullTextCandidates = 100
const titleCandidates = 20
const shownHits = 5

export interface TypedReport {
  /** Everything typed so far, title and description. */
  text: string
  /** The title as typed; titles are compared with titles. */
  title: string
  /** The report being written, once saved: never a hit of its own, and its marks are said on each hit. */
  reportId: string | null
}

/** Whether the viewer may open the report, and its title and team in any case: the lookup shows those to everyone. */
function maySee(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'reports'>) => visibleTo(viewer)(eb).$castTo<boolean>().as('may_open')
}

/**
 * Up to five reports of the organisation that look like the text being written, best match first. Two bounded
 * steps find the candidates: reports holding every word typed (the stored search vector, first 100 found) and
 * the 20 titles nearest to the typed title by trigrams (the GiST index gives them nearest first). Only those are
 * ranked, by the better of title resemblance and full-text rank (ADR 028).
 */
export async function findSimilarReports(db: AppDb, viewer: Viewer, typed: TypedReport) {
  const text = typed.text.trim().slice(0, 500)
  const title = typed.title.trim().slice(0, 200)
  if (text.length < 3) return []
  const tsQuery = sql`websearch_to_tsquery('finnish', ${text})`
  const scoped = db
    .selectFrom('reports')
    .select('reports.id')
    .where('reports.organisation_id', '=', viewer.organisation.id)
    .where('reports.status', 'in', lookedUpStatuses)
    .$if(typed.reportId !== null, (qb) => qb.where('reports.id', '!=', typed.reportId!))
  const fullText = scoped.where(sql<boolean>`reports.search_vector @@ ${tsQuery}`).limit(fullTextCandidates)
  const nearTitles = scoped
    .where(sql<boolean>`reports.title % ${title}`)
    .orderBy(sql`reports.title <-> ${title}`)
    .limit(titleCandidates)
  const candidates =
    title.length >= 3
      ? db
          .selectFrom(fullText.as('text_hits'))
          .select('text_hits.id')
          .union(db.selectFrom(nearTitles.as('title_hits')).select('title_hits.id'))
      : db.selectFrom(fullText.as('text_hits')).select('text_hits.id')
  return db
    .selectFrom(candidates.as('candidates'))
    .innerJoin('reports', 'reports.id', 'candidates.id')
    .leftJoin('teams', 'teams.id', 'reports.team_id')
    .select([
      'reports.id',
      'reports.title',
      'reports.status',
      'teams.name as team',
      maySee(viewer),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('report_same_phenomenon')
              .whereRef('report_same_phenomenon.same_as_report_id', '=', 'reports.id')
              .where('report_same_phenomenon.report_id', '=', typed.reportId),
          )
          .$castTo<boolean>()
          .as('marked_same'),
      sql<number>`greatest(similarity(reports.title, ${title}), ts_rank(reports.search_vector, ${tsQuery}))`.as(
        'score',
      ),
      // The phenomenon the hit belongs to, if any: the writer may say "Havaitsen saman" on it instead.
      sql<string | null>`(select phenomenon_reports.phenomenon_id from phenomenon_reports
        where phenomenon_reports.report_id = reports.id order by phenomenon_reports.linked_at limit 1)`.as(
        'phenomenon_id',
      ),
      sql<string | null>`(select phenomena.title from phenomenon_reports
        join phenomena on phenomena.id = phenomenon_reports.phenomenon_id
        where phenomenon_reports.report_id = reports.id order by phenomenon_reports.linked_at limit 1)`.as(
        'phenomenon_title',
      ),
    ])
    .orderBy('score', 'desc')
    .orderBy('reports.id')
    .limit(shownHits)
    .execute()
}

/**
 * Records the writer's word that their report, still theirs to edit, is about the same phenomenon as another
 * report of the organisation that the lookup could show them; false when either is not so.
 */
export async function markSamePhenomenon(
  db: AppDb,
  author: Viewer,
  mark: { reportId: string; sameAsReportId: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('report_same_phenomenon')
    .columns(['report_id', 'same_as_report_id', 'organisation_id'])
    .expression((eb) =>
      eb
        .selectFrom(['reports as own', 'reports as other'])
        .select(['own.id', 'other.id as same_as_report_id', 'own.organisation_id'])
        .where('own.id', '=', mark.reportId)
        .where('own.author_id', '=', author.id)
        .where('own.organisation_id', '=', author.organisation.id)
        .where('own.status', 'in', editableStatuses)
        .where('other.id', '=', mark.sameAsReportId)
        .whereRef('other.id', '!=', 'own.id')
        .whereRef('other.organisation_id', '=', 'own.organisation_id')
        .where('other.status', 'in', lookedUpStatuses),
    )
    // Saying it again changes nothing but still answers that it is said (a no-op update returns the row).
    .onConflict((oc) =>
      oc.columns(['report_id', 'same_as_report_id']).doUpdateSet({ report_id: (eb) => eb.ref('excluded.report_id') }),
    )
    .returning('report_id')
    .execute()
  return inserted.length > 0
}

/** Takes the writer's word back while the report is still theirs to edit; false when there was nothing to take back. */
export async function removeSamePhenomenonMark(
  db: AppDb,
  author: Viewer,
  mark: { reportId: string; sameAsReportId: string },
): Promise<boolean> {
  const removed = await db
    .deleteFrom('report_same_phenomenon')
    .where('report_same_phenomenon.report_id', '=', mark.reportId)
    .where('report_same_phenomenon.same_as_report_id', '=', mark.sameAsReportId)
    .where('report_same_phenomenon.organisation_id', '=', author.organisation.id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('reports')
          .whereRef('reports.id', '=', 'report_same_phenomenon.report_id')
          .where('reports.author_id', '=', author.id)
          .where('reports.status', 'in', editableStatuses),
      ),
    )
    .executeTakeFirst()
  return removed.numDeletedRows > 0n
}

/**
 * The reports the writer said theirs is the same phenomenon as, by title, each with whether the viewer may open it
 * and the phenomena it is linked to (for a lead to link this report to the same one).
 */
export async function listSamePhenomenonReports(db: AppDb, viewer: Viewer, reportId: string) {
  const reports = await db
    .selectFrom('report_same_phenomenon')
    .innerJoin('reports', 'reports.id', 'report_same_phenomenon.same_as_report_id')
    .leftJoin('teams', 'teams.id', 'reports.team_id')
    .select(['reports.id', 'reports.title', 'reports.status', 'teams.name as team', maySee(viewer)])
    .where('report_same_phenomenon.report_id', '=', reportId)
    .where('report_same_phenomenon.organisation_id', '=', viewer.organisation.id)
    .where('reports.organisation_id', '=', viewer.organisation.id)
    .orderBy('reports.title')
    .orderBy('reports.id')
    .execute()
  const phenomena =
    reports.length === 0
      ? []
      : await db
          .selectFrom('phenomenon_reports')
          .innerJoin('phenomena', 'phenomena.id', 'phenomenon_reports.phenomenon_id')
          .select(['phenomenon_reports.report_id', 'phenomena.id', 'phenomena.title'])
          .where(
            'phenomenon_reports.report_id',
            'in',
            reports.map((report) => report.id),
          )
          .where('phenomena.organisation_id', '=', viewer.organisation.id)
          .orderBy('phenomena.title')
          .execute()
  return reports.map((report) => ({
    ...report,
    phenomena: phenomena
      .filter((phenomenon) => phenomenon.report_id === report.id)
      .map(({ id, title }) => ({ id, title })),
  }))
}
