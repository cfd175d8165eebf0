import { meResource } from '#app/utils/api-resources.server.ts'
import { apiJson, apiRoute } from '#app/utils/api.server.ts'

const route = apiRoute({
  async GET({ user }) {
    return apiJson(meResource(user))
  },
})

export const loader = route.loader
export const action = route.action
