import { applyTransition } from '#app/services/reports.server.ts'
import { reportResource, requireReportResource } from '#app/utils/api-resources.server.ts'
import { ApiTransitionInputSchema } from '#app/utils/api-schemas.ts'
import { apiJson, apiRoute, problemFor, readJson, requireApiUuid } from '#app/utils/api.server.ts'

const route = apiRoute({
  async POST({ request, params, user }) {
    const reportId = requireApiUuid(params.reportId)
    const transition = await readJson(request, ApiTransitionInputSchema)
    const result = await applyTransition(user, { reportId, ...transition })
    if (!result.ok) throw problemFor(result)
    return apiJson(reportResource(await requireReportResource(user, reportId)))
  },
})

export const loader = route.loader
export const action = route.action
