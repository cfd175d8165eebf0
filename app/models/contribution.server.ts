import { sql } from 'kysely'
import { type ContributionForum, type ContributionKind } from '#app/domain/contributions.ts'
import { type AppDb } from '#app/utils/db.server.ts'

export async function getContributorsEnabled(db: AppDb, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('contributors_enabled')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return row.contributors_enabled
}

export async function setContributorsEnabled(db: AppDb, organisationId: string, enabled: boolean) {
  await db
    .updateTable('organisations')
    .set({ contributors_enabled: enabled })
    .where('id', '=', organisationId)
    .execute()
}

/** Phenomena the organisation opened for views, with only what a contributor may read: title and public summary. */
export function listPhenomenaOpenForViews(db: AppDb, organisationId: string) {
  return db
    .selectFrom('phenomena')
    .select(['id', 'title', 'public_summary'])
    .where('organisation_id', '=', organisationId)
    .where('open_for_views', '=', true)
    .orderBy('title')
    .execute()
}

export function findPhenomenonOpenForViews(db: AppDb, organisationId: string, phenomenonId: string) {
  return db
    .selectFrom('phenomena')
    .select(['id', 'title', 'public_summary'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', phenomenonId)
    .where('open_for_views', '=', true)
    .executeTakeFirst()
}

export async function setPhenomenonOpenForViews(
  db: AppDb,
  organisationId: string,
  phenomenonId: string,
  opening: { open: boolean; publicSummary: string },
) {
  const result = await db
    .updateTable('phenomena')
    .set({ open_for_views: opening.open, public_summary: opening.publicSummary })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', phenomenonId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function createContribution(
  db: AppDb,
  contribution: {
    organisationId: string
    authorId: string
    kind: ContributionKind
    phenomenonId: string | null
    forum: ContributionForum
    text: string
  },
) {
  return db
    .insertInto('contributions')
    .values({
      organisation_id: contribution.organisationId,
      author_id: contribution.authorId,
      kind: contribution.kind,
      phenomenon_id: contribution.phenomenonId,
      forum: contribution.forum,
      text: contribution.text,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/**
 * The author's own contributions, newest first, each with its phenomenon's title and the statuses of the reports
 * behind it: the page turns those into the one public step a contributor is told, and no report leaves here.
 */
export function listOwnContributions(db: AppDb, organisationId: string, authorId: string) {
  return db
    .selectFrom('contributions')
    .leftJoin('phenomena', 'phenomena.id', 'contributions.phenomenon_id')
    .select([
      'contributions.id',
      'contributions.kind',
      'contributions.forum',
      'contributions.text',
      'contributions.created_at',
      'phenomena.title as phenomenon_title',
      sql<string[] | null>`(
        select array_agg(reports.status) from phenomenon_reports
        join reports on reports.id = phenomenon_reports.report_id
        where phenomenon_reports.phenomenon_id = contributions.phenomenon_id
      )`.as('report_statuses'),
    ])
    .where('contributions.organisation_id', '=', organisationId)
    .where('contributions.author_id', '=', authorId)
    .orderBy('contributions.created_at', 'desc')
    .limit(200)
    .execute()
}

/** A phenomenon's opening for views, for the coordinator's page; null when it is not the organisation's. */
export function findPhenomenonOpening(db: AppDb, organisationId: string, phenomenonId: string) {
  return db
    .selectFrom('phenomena')
    .select(['id', 'title', 'open_for_views', 'public_summary'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', phenomenonId)
    .executeTakeFirst()
}

/** The views sent on a phenomenon, for its coordinator: what was said and through which forum, never by whom. */
export function listContributionsOnPhenomenon(db: AppDb, organisationId: string, phenomenonId: string) {
  return db
    .selectFrom('contributions')
    .select(['id', 'kind', 'forum', 'text', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('phenomenon_id', '=', phenomenonId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
}
