import { listReportEvents } from '#app/models/report.server.ts'
import { eventResource, requireReportResource } from '#app/utils/api-resources.server.ts'
import { apiJson, apiRoute, requireApiUuid } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const route = apiRoute({
  async GET({ params, user }) {
    const report = await requireReportResource(user, requireApiUuid(params.reportId))
    const events = await listReportEvents(getDb(), user.organisation.id, report.id)
    return apiJson({ events: events.map(eventResource) })
  },
})

export const loader = route.loader
export const action = route.action
