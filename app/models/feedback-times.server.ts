import { type ExpressionBuilder, sql } from 'kysely'
import { daysBetween, periodStart, roundDays, type TeamFeedbackTimes } from '#app/domain/feedback-times.ts'
import { reportScopeFor } from '#app/domain/report-visibility.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { getFeedbackLimitDays, listTeams } from './organisation.server.ts'
import { cachedStatistics } from './statistics-cache.server.ts'
import { firstFeedbackAt, overdueForFeedback, type Viewer, visibleTo, waitingForFeedback } from './report.server.ts'

/**
 * The teams whose feedback times the viewer may follow: every team of the organisation for coordinators and
 * admins, their own teams for team leads. `null` team ids means "the whole organisation".
 */
function feedbackScope(viewer: Viewer): { teamIds: string[] | null } {
  return reportScopeFor(viewer.roles).kind === 'organisation'
    ? { teamIds: null }
    : { teamIds: viewer.teams.map((team) => team.id) }
}

function inScope(scope: { teamIds: string[] | null }) {
  return (eb: ExpressionBuilder<Database, 'reports'>) =>
    scope.teamIds === null ? eb.val(true) : eb('reports.team_id', 'in', scope.teamIds)
}

export interface TeamFeedbackRow extends TeamFeedbackTimes {
  /** Null for the reports of authors who belong to no team (only the organisation-wide view has them). */
  teamId: string | null
  teamName: string | null
}

/**
 * Per team: reports submitted in the period, median and longest days to first feedback among them, and how
 * many reports wait for first feedback now and how many of those are overdue. One query for the figures;
 * teams without reports are listed with zeros.
 */
export async function listFeedbackTimesByTeam(
  db: AppDb,
  viewer: Viewer,
  options: { periodDays: number; now?: Date },
): Promise<TeamFeedbackRow[]> {
  const now = options.now ?? new Date()
  const scope = feedbackScope(viewer)
  if (scope.teamIds?.length === 0) return []
  const since = periodStart(now, options.periodDays)
  const inPeriod = sql<boolean>`submitted_at >= ${since}::timestamptz`
  const answered = sql<boolean>`${inPeriod} and first_feedback_at is not null`
  const days = sql<number>`(extract(epoch from first_feedback_at - submitted_at) / 86400)::float8`
  const figuresQuery = db
    .with('submitted', (qb) =>
      qb
        .selectFrom('reports')
        .select((eb) => [
          'reports.team_id',
          'reports.submitted_at',
          firstFeedbackAt(eb).as('first_feedback_at'),
          waitingForFeedback(eb).as('waiting'),
          overdueForFeedback(now)(eb).as('overdue'),
        ])
        .where(visibleTo(viewer))
        .where(inScope(scope))
        .where('reports.status', '!=', 'draft')
        .where('reports.submitted_at', 'is not', null),
    )
    .selectFrom('submitted')
    .select([
      'team_id',
      sql<number>`(count(*) filter (where ${inPeriod}))::int`.as('submitted'),
      sql<
        number | null
      >`round((percentile_cont(0.5) within group (order by ${days}) filter (where ${answered}))::numeric, 1)::float8`.as(
        'median_days',
      ),
      sql<number | null>`round((max(${days}) filter (where ${answered}))::numeric, 1)::float8`.as('longest_days'),
      sql<number>`(count(*) filter (where waiting))::int`.as('waiting'),
      sql<number>`(count(*) filter (where overdue))::int`.as('overdue'),
    ])
    .groupBy('team_id')
  // Reading every report's first feedback takes seconds at a million reports: computed once per moment, scope and
  // limit, and again whenever a report or its history changes (statistics-cache.server.ts, ADR 031).
  const limitDays = await getFeedbackLimitDays(db, viewer.organisation.id)
  const teamIds = scope.teamIds === null ? null : [...scope.teamIds].sort()
  const key = JSON.stringify([teamIds, options.periodDays, limitDays, now])
  const [teams, figures] = await Promise.all([
    scope.teamIds === null ? listTeams(db, viewer.organisation.id) : [...viewer.teams].sort(byName),
    cachedStatistics(db, { organisationId: viewer.organisation.id, kind: 'feedback_times', key }, () =>
      figuresQuery.execute(),
    ),
  ])
  const figuresByTeam = new Map(figures.map((row) => [row.team_id, row]))
  const rowFor = (teamId: string | null, teamName: string | null): TeamFeedbackRow => {
    const row = figuresByTeam.get(teamId)
    return {
      teamId,
      teamName,
      submitted: row?.submitted ?? 0,
      medianDays: row?.median_days ?? null,
      longestDays: row?.longest_days ?? null,
      waiting: row?.waiting ?? 0,
      overdue: row?.overdue ?? 0,
    }
  }
  return [...teams.map((team) => rowFor(team.id, team.name)), ...(figuresByTeam.has(null) ? [rowFor(null, null)] : [])]
}

function byName(a: { name: string }, b: { name: string }) {
  return a.name.localeCompare(b.name, 'fi')
}

/** Reports overdue for first feedback that the viewer may follow, the longest waiting first. */
export async function listOverdueReports(db: AppDb, viewer: Viewer, options: { limit: number; now?: Date }) {
  const now = options.now ?? new Date()
  const scope = feedbackScope(viewer)
  if (scope.teamIds?.length === 0) return []
  const rows = await db
    .selectFrom('reports')
    .leftJoin('teams', 'teams.id', 'reports.team_id')
    .select(['reports.id', 'reports.title', 'reports.status', 'reports.submitted_at', 'teams.name as team'])
    .where(visibleTo(viewer))
    .where(inScope(scope))
    .where(overdueForFeedback(now))
    .orderBy('reports.submitted_at', 'asc')
    .orderBy('reports.id')
    .limit(options.limit)
    .execute()
  return rows.map((row) => ({
    ...row,
    submitted_at: row.submitted_at!,
    daysWaiting: roundDays(daysBetween(row.submitted_at!, now)),
  }))
}
