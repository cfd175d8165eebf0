import { perturbStatistics } from '#app/domain/disclosure-control.ts'
import { type PublicStatistics, type StatisticsFilter } from '#app/domain/statistics.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getReportStatistics, getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/**
 * The dashboard's figures for a published period, each count perturbed (ADR 025). The first view of a period
 * computes them and stores them; later views read them back until a write changes them (ADR 031).
 */
export async function getDashboardFigures(
  actor: Pick<CurrentUser, 'organisation'>,
  filter: StatisticsFilter,
): Promise<PublicStatistics> {
  const db = getDb()
  const [statistics, threshold] = await Promise.all([
    getReportStatistics(db, actor.organisation.id, filter),
    getSmallCountThreshold(db, actor.organisation.id),
  ])
  return perturbStatistics(statistics, threshold)
}
