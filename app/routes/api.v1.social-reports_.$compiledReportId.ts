import { getCompiledReportPage } from '#app/services/compiled-reports.server.ts'
import { compiledReportResource } from '#app/utils/api-compiled-reports.server.ts'
import { ApiProblem, apiJson, apiRoute, requireApiUuid } from '#app/utils/api.server.ts'

/** One compiled report, with the page's permissions: drafts only for those who compile them. */
const route = apiRoute({
  async GET({ params, user }) {
    const page = await getCompiledReportPage(user, requireApiUuid(params.compiledReportId))
    if (!page) throw new ApiProblem('not_found')
    return apiJson(compiledReportResource(page))
  },
})

export const loader = route.loader
export const action = route.action
