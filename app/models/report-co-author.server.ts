import { type ExpressionBuilder, sql, type Transaction } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'

/** The report is this person's own: they wrote it, or prepared it with its author as a co-author. */
export function authoredBy(eb: ExpressionBuilder<Database, 'reports'>, userId: string) {
  return eb.or([
    eb('reports.author_id', '=', userId),
    eb.exists(
      eb
        .selectFrom('report_co_authors')
        .select('report_co_authors.user_id')
        .whereRef('report_co_authors.report_id', '=', 'reports.id')
        .where('report_co_authors.user_id', '=', userId),
    ),
  ])
}

/** The ids of the report's co-authors, as a column of a query on reports. */
export function coAuthorIdsOf(eb: ExpressionBuilder<Database, 'reports'>) {
  return eb.fn
    .coalesce(
      eb
        .selectFrom('report_co_authors')
        .select((sub) => sub.fn.agg<string[]>('array_agg', ['report_co_authors.user_id']).as('ids'))
        .whereRef('report_co_authors.report_id', '=', 'reports.id'),
      eb.val<string[]>([]),
    )
    .$castTo<string[]>()
}

/**
 * Who may be named as a co-author of a report written by `authorId`: the active members of the author's own teams
 * in the organisation, the author left out.
 */
function coAuthorCandidates(db: AppDb, organisationId: string, authorId: string) {
  return db
    .selectFrom('team_memberships')
    .innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .innerJoin('users', 'users.id', 'team_memberships.user_id')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'users.id')
        .on('memberships.organisation_id', '=', organisationId)
        .on('memberships.active', '=', true),
    )
    .where('teams.organisation_id', '=', organisationId)
    .where('users.removed_at', 'is', null)
    .where('users.id', '!=', authorId)
    .where(
      'team_memberships.team_id',
      'in',
      db.selectFrom('team_memberships as own').select('own.team_id').where('own.user_id', '=', authorId),
    )
}

/** The team members the report form offers as co-authors, by name. */
export function listCoAuthorCandidates(db: AppDb, organisationId: string, authorId: string) {
  return coAuthorCandidates(db, organisationId, authorId)
    .select(['users.id', 'users.name'])
    .distinct()
    .orderBy('users.name')
    .orderBy('users.id')
    .execute()
}

/** Names the report's co-authors anew; an id that is not one of the author's team members is dropped. */
export async function replaceCoAuthors(
  trx: Transaction<Database>,
  report: { id: string; organisationId: string; authorId: string },
  userIds: readonly string[],
) {
  await trx.deleteFrom('report_co_authors').where('report_id', '=', report.id).execute()
  if (userIds.length === 0) return
  await trx
    .insertInto('report_co_authors')
    .columns(['report_id', 'user_id', 'organisation_id'])
    .expression(
      coAuthorCandidates(trx, report.organisationId, report.authorId)
        .where('users.id', 'in', [...userIds])
        .select([
          sql<string>`${report.id}::uuid`.as('report_id'),
          'users.id',
          sql<string>`${report.organisationId}::uuid`.as('org'),
        ])
        .distinct(),
    )
    .execute()
}

/** The report's co-authors by name, for the report page and the API. */
export function listCoAuthors(db: AppDb, reportId: string) {
  return db
    .selectFrom('report_co_authors')
    .innerJoin('users', 'users.id', 'report_co_authors.user_id')
    .select(['users.id', 'users.name'])
    .where('report_co_authors.report_id', '=', reportId)
    .orderBy('users.name')
    .execute()
}
