import { sql } from 'kysely'
import { type CompiledReportStage, type IndicatorRow, groupIndicatorRows } from '#app/domain/compiled-reports.ts'
import { cellKeyModulus } from '#app/domain/disclosure-control.ts'
import { type AppDb } from '#app/utils/db.server.ts'

export async function listCompiledReports(db: AppDb, organisationId: string, stages?: readonly CompiledReportStage[]) {
  let query = db
    .selectFrom('compiled_reports')
    .where('organisation_id', '=', organisationId)
    .select(['id', 'title', 'stage', 'updated_at as updatedAt', 'published_at as publishedAt'])
    .orderBy('updated_at', 'desc')
    .limit(200)
  if (stages) query = query.where('stage', 'in', stages)
  return query.execute()
}

export function findCompiledReport(db: AppDb, organisationId: string, id: string) {
  return db
    .selectFrom('compiled_reports')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .select([
      'id',
      'title',
      'narrative',
      'stage',
      'version',
      'created_by as createdBy',
      'created_at as createdAt',
      'updated_at as updatedAt',
      'approved_at as approvedAt',
      'published_at as publishedAt',
      'sent_at as sentAt',
      (eb) =>
        eb
          .selectFrom('users')
          .whereRef('users.id', '=', 'compiled_reports.approved_by')
          .select('users.name')
          .as('approvedByName'),
    ])
    .executeTakeFirst()
}

export async function insertCompiledReport(
  db: AppDb,
  input: { organisationId: string; title: string; createdBy: string; phenomenonIds: readonly string[] },
) {
  const { id } = await db
    .insertInto('compiled_reports')
    .values({ organisation_id: input.organisationId, title: input.title, created_by: input.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replacePhenomena(db, input.organisationId, id, input.phenomenonIds)
  return id
}

/** Raises the version only if it is still the one the change was made from; false when someone was first. */
export async function updateCompiledReportIfVersion(
  db: AppDb,
  organisationId: string,
  id: string,
  version: number,
  changes: {
    title?: string
    narrative?: string
    stage?: CompiledReportStage
    approved_by?: string
    approved_at?: Date
    published_at?: Date
    sent_at?: Date
  },
) {
  const updated = await db
    .updateTable('compiled_reports')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

/** Only the organisation's own phenomena are linked; other ids are dropped. */
export async function replacePhenomena(
  db: AppDb,
  organisationId: string,
  id: string,
  phenomenonIds: readonly string[],
) {
  await db.deleteFrom('compiled_report_phenomena').where('compiled_report_id', '=', id).execute()
  if (phenomenonIds.length === 0) return
  await db
    .insertInto('compiled_report_phenomena')
    .columns(['compiled_report_id', 'phenomenon_id'])
    .expression(
      db
        .selectFrom('phenomena')
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', phenomenonIds)
        .select([sql.lit(id).as('compiled_report_id'), 'id']),
    )
    .execute()
}

export async function replaceIndicators(db: AppDb, organisationId: string, id: string, seriesIds: readonly string[]) {
  await db.deleteFrom('compiled_report_indicators').where('compiled_report_id', '=', id).execute()
  if (seriesIds.length === 0) return
  await db
    .insertInto('compiled_report_indicators')
    .columns(['compiled_report_id', 'series_id'])
    .expression(
      db
        .selectFrom('indicator_series')
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', seriesIds)
        .select([sql.lit(id).as('compiled_report_id'), 'id']),
    )
    .execute()
}

/** The phenomena the report uses with their descriptions: the excerpts. No author names. */
export function listCompiledReportPhenomena(db: AppDb, compiledReportId: string) {
  return db
    .selectFrom('compiled_report_phenomena')
    .innerJoin('phenomena', 'phenomena.id', 'compiled_report_phenomena.phenomenon_id')
    .where('compiled_report_phenomena.compiled_report_id', '=', compiledReportId)
    .select([
      'phenomena.id',
      'phenomena.title',
      'phenomena.description',
      (eb) =>
        eb
          .selectFrom('phenomenon_reports')
          .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
          .whereRef('phenomenon_reports.phenomenon_id', '=', 'phenomena.id')
          .where('reports.status', 'not in', ['draft', 'withdrawn'])
          .select(sql<string[]>`coalesce(array_agg(reports.title order by reports.submitted_at), '{}')`.as('titles'))
          .as('reportTitles'),
    ])
    .orderBy('phenomena.title')
    .execute()
}

export function listPhenomenaOfOrganisation(db: AppDb, organisationId: string) {
  return db
    .selectFrom('phenomena')
    .where('organisation_id', '=', organisationId)
    .select(['id', 'title'])
    .orderBy('title')
    .limit(500)
    .execute()
}

/** Reports of the linked phenomena that count (submitted, not withdrawn), each once however many phenomena hold it. */
function linkedReports(db: AppDb, organisationId: string, compiledReportId: string) {
  return db
    .selectFrom('reports')
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.submitted_at', 'is not', null)
    .where('reports.status', '!=', 'withdrawn')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('phenomenon_reports')
          .innerJoin(
            'compiled_report_phenomena',
            'compiled_report_phenomena.phenomenon_id',
            'phenomenon_reports.phenomenon_id',
          )
          .whereRef('phenomenon_reports.report_id', '=', 'reports.id')
          .where('compiled_report_phenomena.compiled_report_id', '=', compiledReportId),
      ),
    )
}

export interface KeyedCell {
  dimension: 'total' | 'sector' | 'trend' | 'month' | 'quarter'
  key: string
  count: number
  cellKey: number
  /** The sum of the workers' client-count estimates in the cell. */
  clients: number
}

/**
 * The linked reports counted by sector, trend, month and quarter with each cell's key (the sum of the reports'
 * statistics keys), so disclosure control perturbs and suppresses them as it does every other figure.
 */
export async function countLinkedReports(db: AppDb, organisationId: string, compiledReportId: string) {
  const reports = linkedReports(db, organisationId, compiledReportId).select([
    'reports.statistics_key',
    'reports.sectors',
    'reports.trend',
    'reports.client_count',
    'reports.submitted_at',
  ])
  const { rows } = await sql<KeyedCell>`
    select g.dimension, g.key, count(*)::int as count,
      (sum(r.statistics_key::bigint) % ${cellKeyModulus})::int as "cellKey",
      coalesce(sum(r.client_count), 0)::int as clients
    from (${reports}) as r
    cross join lateral (
      select 'total', 'total'
      union all select 'sector', unnest(r.sectors)
      union all select 'trend', coalesce(r.trend, 'unknown')
      union all select 'month', to_char(r.submitted_at at time zone 'Europe/Helsinki', 'YYYY-MM')
      union all select 'quarter', to_char(r.submitted_at at time zone 'Europe/Helsinki', 'YYYY-"Q"Q')
    ) as g(dimension, key)
    group by 1, 2
    order by 1, 2`.execute(db)
  return rows
}

export function listIndicatorSeries(db: AppDb, organisationId: string) {
  return db
    .selectFrom('indicator_series')
    .innerJoin('users', 'users.id', 'indicator_series.imported_by')
    .where('indicator_series.organisation_id', '=', organisationId)
    .select([
      'indicator_series.id',
      'indicator_series.name',
      'indicator_series.source',
      'indicator_series.unit',
      'indicator_series.imported_at as importedAt',
      'users.name as importedByName',
      (eb) =>
        eb
          .selectFrom('indicator_values')
          .whereRef('indicator_values.series_id', '=', 'indicator_series.id')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .as('valueCount'),
    ])
    .orderBy('indicator_series.imported_at', 'desc')
    .limit(500)
    .execute()
}

/** The chosen series with their values, source and import date; who imported them is not shown with them. */
export async function listCompiledReportIndicators(db: AppDb, compiledReportId: string) {
  const series = await db
    .selectFrom('compiled_report_indicators')
    .innerJoin('indicator_series', 'indicator_series.id', 'compiled_report_indicators.series_id')
    .where('compiled_report_indicators.compiled_report_id', '=', compiledReportId)
    .select([
      'indicator_series.id',
      'indicator_series.name',
      'indicator_series.source',
      'indicator_series.unit',
      'indicator_series.imported_at as importedAt',
    ])
    .orderBy('indicator_series.name')
    .execute()
  if (series.length === 0) return []
  const values = await db
    .selectFrom('indicator_values')
    .where(
      'series_id',
      'in',
      series.map((entry) => entry.id),
    )
    .select(['series_id as seriesId', 'area', 'period', sql<string>`value::text`.as('value')])
    .orderBy('area')
    .orderBy('period')
    .execute()
  return series.map((entry) => ({ ...entry, values: values.filter((value) => value.seriesId === entry.id) }))
}

export async function insertIndicatorRows(
  db: AppDb,
  input: { organisationId: string; importedBy: string; rows: readonly IndicatorRow[] },
) {
  const ids: string[] = []
  for (const series of groupIndicatorRows(input.rows)) {
    const { id } = await db
      .insertInto('indicator_series')
      .values({
        organisation_id: input.organisationId,
        name: series.name,
        source: series.source,
        imported_by: input.importedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('indicator_values')
      .values(series.values.map((value) => ({ series_id: id, ...value })))
      .execute()
    ids.push(id)
  }
  return ids
}

/** Staff of a working group may compile reports as coordinators do. */
export async function isWorkingGroupMember(db: AppDb, organisationId: string, userId: string) {
  const row = await db
    .selectFrom('recipient_members')
    .innerJoin('recipients', 'recipients.id', 'recipient_members.recipient_id')
    .where('recipients.organisation_id', '=', organisationId)
    .where('recipients.kind', '=', 'working_group')
    .where('recipients.archived_at', 'is', null)
    .where('recipient_members.user_id', '=', userId)
    .select('recipient_members.user_id')
    .executeTakeFirst()
  return row !== undefined
}

export async function replaceReviewers(db: AppDb, organisationId: string, id: string, userIds: readonly string[]) {
  await db.deleteFrom('compiled_report_reviewers').where('compiled_report_id', '=', id).execute()
  if (userIds.length === 0) return
  // Only active members of the organisation can review, whatever their role.
  await db
    .insertInto('compiled_report_reviewers')
    .columns(['compiled_report_id', 'user_id'])
    .expression(
      db
        .selectFrom('memberships')
        .where('organisation_id', '=', organisationId)
        .where('active', '=', true)
        .where('user_id', 'in', userIds)
        .select([sql.lit(id).as('compiled_report_id'), 'user_id']),
    )
    .execute()
}

export async function isReviewer(db: AppDb, compiledReportId: string, userId: string) {
  const row = await db
    .selectFrom('compiled_report_reviewers')
    .where('compiled_report_id', '=', compiledReportId)
    .where('user_id', '=', userId)
    .select('user_id')
    .executeTakeFirst()
  return row !== undefined
}

export function listReviewers(db: AppDb, compiledReportId: string) {
  return db
    .selectFrom('compiled_report_reviewers')
    .innerJoin('users', 'users.id', 'compiled_report_reviewers.user_id')
    .where('compiled_report_id', '=', compiledReportId)
    .select(['users.id', 'users.name'])
    .orderBy('users.name')
    .execute()
}

/** Staff who may be chosen as reviewers: the organisation's active members. */
export function listReviewerCandidates(db: AppDb, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.active', '=', true)
    .select(['users.id', 'users.name'])
    .orderBy('users.name')
    .limit(500)
    .execute()
}

export async function insertComment(db: AppDb, input: { compiledReportId: string; authorId: string; text: string }) {
  const { id } = await db
    .insertInto('compiled_report_comments')
    .values({ compiled_report_id: input.compiledReportId, author_id: input.authorId, text: input.text })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Answers a comment of this compiled report that has no answer yet; false if there is none such. */
export async function answerComment(
  db: AppDb,
  input: { compiledReportId: string; commentId: string; answeredBy: string; answer: string },
) {
  const updated = await db
    .updateTable('compiled_report_comments')
    .set({ answer: input.answer, answered_by: input.answeredBy, answered_at: new Date() })
    .where('compiled_report_id', '=', input.compiledReportId)
    .where('id', '=', input.commentId)
    .where('answer', 'is', null)
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

export function listComments(db: AppDb, compiledReportId: string) {
  return db
    .selectFrom('compiled_report_comments')
    .innerJoin('users as author', 'author.id', 'compiled_report_comments.author_id')
    .leftJoin('users as answerer', 'answerer.id', 'compiled_report_comments.answered_by')
    .where('compiled_report_comments.compiled_report_id', '=', compiledReportId)
    .select([
      'compiled_report_comments.id',
      'compiled_report_comments.text',
      'compiled_report_comments.created_at as createdAt',
      'compiled_report_comments.answer',
      'compiled_report_comments.answered_at as answeredAt',
      'author.name as authorName',
      'answerer.name as answeredByName',
    ])
    .orderBy('compiled_report_comments.created_at')
    .execute()
}

/** A published compiled report of an organisation that shows them publicly, found by its slug or id. */
export async function findPublicCompiledReport(db: AppDb, organisation: string, compiledReportId: string) {
  return db
    .selectFrom('compiled_reports')
    .innerJoin('organisations', 'organisations.id', 'compiled_reports.organisation_id')
    .where('organisations.public_social_reports', '=', true)
    .where((eb) =>
      eb.or([eb('organisations.slug', '=', organisation), eb(sql`organisations.id::text`, '=', organisation)]),
    )
    .where('compiled_reports.id', '=', compiledReportId)
    .where('compiled_reports.stage', 'in', ['published', 'sent'])
    .select([
      'compiled_reports.id',
      'compiled_reports.title',
      'compiled_reports.narrative',
      'compiled_reports.published_at as publishedAt',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'organisations.name_sv as organisationNameSv',
    ])
    .executeTakeFirst()
}

export async function publicReportsEnabled(db: AppDb, organisationId: string) {
  const row = await db
    .selectFrom('organisations')
    .where('id', '=', organisationId)
    .select('public_social_reports')
    .executeTakeFirstOrThrow()
  return row.public_social_reports
}

export async function setPublicReports(db: AppDb, organisationId: string, enabled: boolean) {
  await db
    .updateTable('organisations')
    .set({ public_social_reports: enabled })
    .where('id', '=', organisationId)
    .execute()
}
