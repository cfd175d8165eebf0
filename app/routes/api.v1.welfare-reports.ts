import { listWelfareReports } from '#app/models/welfare-report.server.ts'
import { welfareReportSummaryResource } from '#app/utils/api-resources.server.ts'
import { apiJson, apiRoute } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** Any member may read: welfare reports are published documents, and their counts are suppressed. */
const route = apiRoute({
  async GET({ user }) {
    const welfareReports = await listWelfareReports(getDb(), user.organisation.id)
    return apiJson({ welfareReports: welfareReports.map(welfareReportSummaryResource) })
  },
})

export const loader = route.loader
export const action = route.action
