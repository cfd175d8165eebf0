import { countUnread, listNotifications } from '#app/models/notification.server.ts'
import { notificationResource } from '#app/utils/api-resources.server.ts'
import { ApiNotificationListQuerySchema } from '#app/utils/api-schemas.ts'
import { apiJson, apiRoute, readQuery } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** The caller's own notifications in their current organisation, newest first; reading them marks nothing read. */
const route = apiRoute({
  async GET({ request, user }) {
    const query = readQuery(request, ApiNotificationListQuerySchema)
    const owner = { userId: user.id, organisationId: user.organisation.id }
    const [rows, unread] = await Promise.all([
      listNotifications(getDb(), owner, { limit: query.limit + 1, offset: query.offset }),
      countUnread(getDb(), owner),
    ])
    return apiJson({
      notifications: rows.slice(0, query.limit).map(notificationResource),
      unread,
      limit: query.limit,
      offset: query.offset,
      hasMore: rows.length > query.limit,
    })
  },
})

export const loader = route.loader
export const action = route.action
