import { getFollowUp, postFollowUpUpdate } from '#app/services/follow-ups.server.ts'
import { followUpResource } from '#app/utils/api-follow-ups.server.ts'
import { ApiFollowUpUpdateInputSchema } from '#app/utils/api-schemas.ts'
import { ApiProblem, apiJson, apiRoute, problemFor, readJson, requireApiUuid } from '#app/utils/api.server.ts'

/** A dated update, with the same permissions, guard and 409-on-stale rule as the follow-up's page. */
const route = apiRoute({
  async POST({ request, params, user }) {
    const followUpId = requireApiUuid(params.followUpId)
    const { expectedVersion, body, status, progress } = await readJson(request, ApiFollowUpUpdateInputSchema)
    const result = await postFollowUpUpdate(user, {
      followUpId,
      expectedVersion,
      body,
      status: status ?? null,
      progress: progress ?? null,
    })
    if (!result.ok && result.reason === 'stale') {
      const current = await getFollowUp(user, followUpId)
      throw new ApiProblem('conflict', {
        detail: (t) => t('followUps.api.conflict', { version: current?.followUp.version ?? expectedVersion }),
        extra: { currentVersion: current?.followUp.version },
      })
    }
    if (!result.ok) throw problemFor(result)
    const detail = await getFollowUp(user, followUpId)
    if (!detail) throw new ApiProblem('not_found')
    return apiJson(followUpResource(detail), {
      status: 201,
      headers: { Location: `/api/v1/follow-ups/${followUpId}` },
    })
  },
})

export const loader = route.loader
export const action = route.action
