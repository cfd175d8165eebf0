import { listWelfareReports } from '#app/services/welfare-reports.server.ts'
import { welfareReportSummaryResource } from '#app/utils/api-resources.server.ts'
import { apiJson, apiRoute } from '#app/utils/api.server.ts'

/** Any member may read: welfare reports are published documents, and their counts are suppressed. */
const route = apiRoute({
  async GET({ user }) {
    const welfareReports = await listWelfareReports(user)
    return apiJson({ welfareReports: welfareReports.map(welfareReportSummaryResource) })
  },
})

export const loader = route.loader
export const action = route.action
