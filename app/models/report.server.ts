import { type ExpressionBuilder, sql } from 'kysely'
import { committeeVisibleStatuses, reportScopeFor } from '#app/domain/report-visibility.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database, type ReportStatus } from './database.ts'
import { type CurrentUser } from './user.server.ts'

type Viewer = Pick<CurrentUser, 'id' | 'roles' | 'organisation' | 'teams'>

/** The one predicate that decides which reports a viewer may read; every report query goes through it. */
function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'reports'>) => {
    const inOrganisation = eb('reports.organisation_id', '=', viewer.organisation.id)
    const scope = reportScopeFor(viewer.roles)
    if (scope.kind === 'organisation') return inOrganisation
    const teamIds = viewer.teams.map((team) => team.id)
    const allowed = [
      ...(scope.ownReports ? [eb('reports.author_id', '=', viewer.id)] : []),
      ...(scope.teamReports && teamIds.length > 0
        ? [eb.and([eb('reports.team_id', 'in', teamIds), eb('reports.status', '!=', 'draft')])]
        : []),
      ...(scope.committeeReports ? [eb('reports.status', 'in', committeeVisibleStatuses)] : []),
    ]
    return eb.and([inOrganisation, allowed.length > 0 ? eb.or(allowed) : eb.val(false)])
  }
}

export async function listVisibleReports(db: AppDb, viewer: Viewer, page: { limit: number; offset: number }) {
  return db
    .selectFrom('reports')
    .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
    .leftJoin('teams', 'teams.id', 'reports.team_id')
    .select([
      'reports.id',
      'reports.title',
      'reports.status',
      'reports.positive',
      'reports.created_at',
      'municipalities.name as municipality',
      'teams.name as team',
    ])
    .where(visibleTo(viewer))
    .orderBy('reports.created_at', 'desc')
    .orderBy('reports.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export async function countVisibleReportsByStatus(db: AppDb, viewer: Viewer) {
  const rows = await db
    .selectFrom('reports')
    .select(['reports.status', sql<number>`count(*)::int`.as('count')])
    .where(visibleTo(viewer))
    .groupBy('reports.status')
    .execute()
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Partial<Record<ReportStatus, number>>
}
