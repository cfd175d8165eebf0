import { getFollowUp } from '#app/services/follow-ups.server.ts'
import { followUpResource } from '#app/utils/api-follow-ups.server.ts'
import { ApiProblem, apiJson, apiRoute, requireApiUuid } from '#app/utils/api.server.ts'

const route = apiRoute({
  async GET({ params, user }) {
    const detail = await getFollowUp(user, requireApiUuid(params.followUpId))
    if (!detail) throw new ApiProblem('not_found')
    return apiJson(followUpResource(detail))
  },
})

export const loader = route.loader
export const action = route.action
