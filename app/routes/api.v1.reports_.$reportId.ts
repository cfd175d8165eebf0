import { z } from 'zod'
import { isEditable } from '#app/domain/report-status.ts'
import { isReportAuthor } from '#app/domain/team-reports.ts'
import { contentOf } from '#app/models/report.server.ts'
import { saveReportContent } from '#app/services/reports.server.ts'
import { reportResource, requireReportResource } from '#app/utils/api-resources.server.ts'
import { ApiReportInputSchema } from '#app/utils/api-schemas.ts'
import {
  ApiProblem,
  apiJson,
  apiRoute,
  conflict,
  parseWith,
  problemFor,
  readJsonBody,
  requireApiUuid,
} from '#app/utils/api.server.ts'

const route = apiRoute({
  async GET({ params, user }) {
    return apiJson(reportResource(await requireReportResource(user, requireApiUuid(params.reportId))))
  },

  /** Only the fields given change: the body is laid over the stored content and checked as a whole. */
  async PATCH({ request, params, user }) {
    const report = await requireReportResource(user, requireApiUuid(params.reportId))
    if (!isReportAuthor(user.id, report)) throw new ApiProblem('not_found')
    if (!isEditable(report.status)) throw conflict(report.status, 'not_editable')
    const changes = parseWith(z.record(z.string(), z.unknown()), await readJsonBody(request))
    const content = parseWith(ApiReportInputSchema, { ...contentOf(report), ...changes })
    const saved = await saveReportContent(user, { reportId: report.id, content })
    if (!saved.ok && saved.reason === 'identifying_data') throw problemFor(saved)
    if (!saved.ok) throw conflict((await requireReportResource(user, report.id)).status, 'not_editable')
    return apiJson(reportResource(await requireReportResource(user, report.id)))
  },
})

export const loader = route.loader
export const action = route.action
