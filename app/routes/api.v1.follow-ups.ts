import { listFollowUpBoard } from '#app/services/follow-ups.server.ts'
import { followUpSummaryResource } from '#app/utils/api-follow-ups.server.ts'
import { ApiFollowUpListQuerySchema } from '#app/utils/api-schemas.ts'
import { apiJson, apiRoute, readQuery } from '#app/utils/api.server.ts'

/** The follow-up board as data: the same scope and filters as /follow-ups. */
const route = apiRoute({
  async GET({ request, user }) {
    const query = readQuery(request, ApiFollowUpListQuerySchema)
    const rows = await listFollowUpBoard(
      user,
      {
        responsibleUserId: query.responsibleUserId ?? null,
        status: query.status ?? null,
        overdue: query.overdue === 'true',
        recipientId: query.recipientId ?? null,
        municipalityId: query.municipalityId ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
      },
      { limit: query.limit + 1, offset: query.offset },
    )
    return apiJson({
      followUps: rows.slice(0, query.limit).map(followUpSummaryResource),
      limit: query.limit,
      offset: query.offset,
      hasMore: rows.length > query.limit,
    })
  },
})

export const loader = route.loader
export const action = route.action
