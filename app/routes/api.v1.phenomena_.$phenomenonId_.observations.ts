import { type z } from 'zod'
import { observePhenomenon } from '#app/services/shared-picture.server.ts'
import { ApiObservationInputSchema, type ApiObservationSchema } from '#app/utils/api-schemas.ts'
import { apiJson, apiRoute, problemFor, readJson, requireApiUuid } from '#app/utils/api.server.ts'

const route = apiRoute({
  /** "Havaitsen saman": the same rules and guard as the phenomenon page's form. */
  async POST({ request, params, user }) {
    const phenomenonId = requireApiUuid(params.phenomenonId)
    const input = await readJson(request, ApiObservationInputSchema)
    const result = await observePhenomenon(user, { phenomenonId, ...input })
    if (!result.ok) throw problemFor(result)
    const body: z.input<typeof ApiObservationSchema> = {
      observation: { id: result.observationId, phenomenonId },
      following: true,
    }
    return apiJson(body, { status: 201 })
  },
})

export const loader = route.loader
export const action = route.action
