import { perturbStatistics, statisticsTeamScope } from '#app/domain/disclosure-control.ts'
import { type PublicStatistics, type StatisticsFilter } from '#app/domain/statistics.ts'
import { listFeedbackTimesByTeam, listOverdueReports } from '#app/models/feedback-times.server.ts'
import { getFeedbackLimitDays } from '#app/models/organisation.server.ts'
import { type Viewer } from '#app/models/report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getReportStatistics, getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/**
 * The dashboard's figures for a published period, each count perturbed (ADR 025): the whole organisation's for its
 * readers, only their own teams' reports for workers and team leads (statisticsTeamScope). The first view of a
 * period computes them and stores them; later views read them back until a write changes them (ADR 031).
 */
export async function getDashboardFigures(
  actor: Pick<CurrentUser, 'organisation' | 'roles' | 'teams'>,
  filter: StatisticsFilter,
): Promise<PublicStatistics> {
  const db = getDb()
  const [statistics, threshold] = await Promise.all([
    getReportStatistics(db, actor.organisation.id, filter, statisticsTeamScope(actor)),
    getSmallCountThreshold(db, actor.organisation.id),
  ])
  return perturbStatistics(statistics, threshold)
}

/**
 * The feedback-times page: the organisation's limit, each team's figures and the longest-waiting overdue reports.
 * The team figures read every report's history, so they are counted as at the start of the hour and reused
 * within it until a write changes them (ADR 031); the overdue list is short and read as of now.
 */
export async function getFeedbackTimesPage(viewer: Viewer, input: { periodDays: number; overdueShown: number }) {
  const db = getDb()
  const now = new Date()
  const startOfHour = new Date(Math.floor(now.getTime() / hourMs) * hourMs)
  const [limitDays, teams, overdue] = await Promise.all([
    getFeedbackLimitDays(db, viewer.organisation.id),
    listFeedbackTimesByTeam(db, viewer, { periodDays: input.periodDays, now: startOfHour }),
    listOverdueReports(db, viewer, { limit: input.overdueShown + 1, now }),
  ])
  return {
    limitDays,
    teams,
    overdue: overdue.slice(0, input.overdueShown),
    moreOverdue: overdue.length > input.overdueShown,
  }
}

const hourMs = 3_600_000
