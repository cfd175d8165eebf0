import { listCompiledReports } from '#app/services/compiled-reports.server.ts'
import { compiledReportSummaryResource } from '#app/utils/api-compiled-reports.server.ts'
import { apiJson, apiRoute } from '#app/utils/api.server.ts'

/** Published and sent compiled reports for everyone; every stage for those who compile them, as on the page. */
const route = apiRoute({
  async GET({ user }) {
    const { reports } = await listCompiledReports(user)
    return apiJson({ socialReports: reports.map(compiledReportSummaryResource) })
  },
})

export const loader = route.loader
export const action = route.action
