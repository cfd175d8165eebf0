import { getWelfareReport } from '#app/services/welfare-reports.server.ts'
import { welfareReportResource } from '#app/utils/api-resources.server.ts'
import { ApiProblem, apiJson, apiRoute, requireApiUuid } from '#app/utils/api.server.ts'

const route = apiRoute({
  async GET({ params, user }) {
    const welfareReportId = requireApiUuid(params.welfareReportId)
    const document = await getWelfareReport(user, welfareReportId)
    if (!document) throw new ApiProblem('not_found')
    return apiJson(welfareReportResource(document))
  },
})

export const loader = route.loader
export const action = route.action
