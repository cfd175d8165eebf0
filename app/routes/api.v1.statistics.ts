import { suppressStatistics } from '#app/domain/statistics.ts'
import { computeReportTotals, countReportsBy, getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { statisticsResource } from '#app/utils/api-resources.server.ts'
import { ApiStatisticsQuerySchema } from '#app/utils/api-schemas.ts'
import { apiJson, apiRoute, readQuery } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** Any member may read: every count below the organisation's threshold is suppressed before it leaves. */
const route = apiRoute({
  async GET({ request, user }) {
    const { groupBy, ...filter } = readQuery(request, ApiStatisticsQuerySchema)
    const db = getDb()
    const organisationId = user.organisation.id
    const [threshold, totals, byDimension] = await Promise.all([
      getSmallCountThreshold(db, organisationId),
      computeReportTotals(db, organisationId, filter),
      countReportsBy(db, organisationId, filter, [groupBy]),
    ])
    const figures = suppressStatistics({ ...totals, byDimension }, threshold)
    return apiJson(statisticsResource({ groupBy, ...filter }, figures))
  },
})

export const loader = route.loader
export const action = route.action
