import { perturbStatistics, publishedPeriod, statisticsTeamScope } from '#app/domain/disclosure-control.ts'
import { computeReportTotals, countReportsBy, getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { statisticsResource } from '#app/utils/api-resources.server.ts'
import { ApiStatisticsQuerySchema } from '#app/utils/api-schemas.ts'
import { apiJson, apiRoute, invalidRequest, readQuery } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/**
 * Any member may read, workers and team leads their own teams' reports only. The period is widened to its calendar
 * quarter or year and every count perturbed by its cell key before it leaves (ADR 025), so that no combination of
 * queries can be subtracted into a small count.
 */
const route = apiRoute({
  async GET({ request, user }) {
    const { groupBy, ...query } = readQuery(request, ApiStatisticsQuerySchema)
    const filter = publishedPeriod(query)
    if (!filter) {
      throw invalidRequest([{ code: 'custom', path: ['to'], message: 'disclosure.validation.period', input: query.to }])
    }
    const teams = statisticsTeamScope(user)
    const db = getDb()
    const organisationId = user.organisation.id
    const [threshold, totals, byDimension] = await Promise.all([
      getSmallCountThreshold(db, organisationId),
      computeReportTotals(db, organisationId, filter, teams),
      countReportsBy(db, organisationId, filter, [groupBy], teams),
    ])
    const figures = perturbStatistics({ ...totals, byDimension }, threshold)
    return apiJson(statisticsResource({ groupBy, ...filter }, figures))
  },
})

export const loader = route.loader
export const action = route.action
