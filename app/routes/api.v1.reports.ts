import { reportWriterRoles, hasAnyRole } from '#app/domain/roles.ts'
import { listVisibleReports } from '#app/models/report.server.ts'
import { saveReportContent } from '#app/services/reports.server.ts'
import { reportResource, reportSummaryResource, requireReportResource } from '#app/utils/api-resources.server.ts'
import { ApiReportInputSchema, ApiReportListQuerySchema } from '#app/utils/api-schemas.ts'
import { ApiProblem, apiJson, apiRoute, problemFor, readJson, readQuery } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const route = apiRoute({
  async GET({ request, user }) {
    const query = readQuery(request, ApiReportListQuerySchema)
    const rows = await listVisibleReports(
      getDb(),
      user,
      { limit: query.limit + 1, offset: query.offset },
      query.status ?? null,
    )
    return apiJson({
      reports: rows.slice(0, query.limit).map(reportSummaryResource),
      limit: query.limit,
      offset: query.offset,
      hasMore: rows.length > query.limit,
    })
  },

  async POST({ request, user }) {
    if (!hasAnyRole(user.roles, reportWriterRoles)) throw new ApiProblem('forbidden')
    const content = await readJson(request, ApiReportInputSchema)
    const saved = await saveReportContent(user, { reportId: null, content })
    if (!saved.ok) throw saved.reason === 'identifying_data' ? problemFor(saved) : new ApiProblem('forbidden')
    const report = reportResource(await requireReportResource(user, saved.reportId))
    return apiJson(report, { status: 201, headers: { Location: `/api/v1/reports/${saved.reportId}` } })
  },
})

export const loader = route.loader
export const action = route.action
