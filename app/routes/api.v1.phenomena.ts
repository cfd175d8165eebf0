import { phenomenonReaders } from '#app/domain/phenomena.ts'
import { hasAnyRole } from '#app/domain/roles.ts'
import { listPhenomena } from '#app/models/phenomenon.server.ts'
import { phenomenonResource } from '#app/utils/api-resources.server.ts'
import { ApiProblem, apiJson, apiRoute } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const route = apiRoute({
  async GET({ user }) {
    if (!hasAnyRole(user.roles, phenomenonReaders)) throw new ApiProblem('forbidden')
    const phenomena = await listPhenomena(getDb(), user.organisation.id)
    return apiJson({ phenomena: phenomena.map(phenomenonResource) })
  },
})

export const loader = route.loader
export const action = route.action
