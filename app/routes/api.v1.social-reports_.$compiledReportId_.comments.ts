import { commentOnCompiledReport } from '#app/services/compiled-reports.server.ts'
import { ApiCompiledReportCommentInputSchema, compiledReportProblem } from '#app/utils/api-compiled-reports.server.ts'
import { apiJson, apiRoute, readJson, requireApiUuid } from '#app/utils/api.server.ts'

/** A reviewer's comment during the comment round, with the page's guard (422) and 409 outside the round. */
const route = apiRoute({
  async POST({ request, params, user }) {
    const compiledReportId = requireApiUuid(params.compiledReportId)
    const { text } = await readJson(request, ApiCompiledReportCommentInputSchema)
    const result = await commentOnCompiledReport(user, { compiledReportId, text })
    if (!result.ok) throw compiledReportProblem(result)
    return apiJson({ id: result.commentId }, { status: 201 })
  },
})

export const loader = route.loader
export const action = route.action
