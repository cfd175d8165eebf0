import { sendThroughApi } from '#app/utils/api-sendings.server.ts'
import { apiRoute, requireApiUuid } from '#app/utils/api.server.ts'

const route = apiRoute({
  POST: ({ request, params, user }) =>
    sendThroughApi(request, user, { kind: 'report', reportId: requireApiUuid(params.reportId) }),
})

export const loader = route.loader
export const action = route.action
