import { hasWorkerView, sharedPictureRoles } from '#app/domain/shared-picture.ts'
import { hasAnyRole } from '#app/domain/roles.ts'
import { listPhenomena } from '#app/models/phenomenon.server.ts'
import { getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { phenomenonResource } from '#app/utils/api-resources.server.ts'
import { type ApiPhenomenonListSchema } from '#app/utils/api-schemas.ts'
import { ApiProblem, apiJson, apiRoute } from '#app/utils/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type z } from 'zod'

const route = apiRoute({
  /** The same view as the phenomena page: a worker's counts suppressed as outside the team. */
  async GET({ user }) {
    if (!hasAnyRole(user.roles, sharedPictureRoles)) throw new ApiProblem('forbidden')
    const db = getDb()
    const workerView = hasWorkerView(user.roles)
    const [phenomena, threshold] = await Promise.all([
      listPhenomena(db, user.organisation.id),
      workerView ? getSmallCountThreshold(db, user.organisation.id) : null,
    ])
    const body: z.input<typeof ApiPhenomenonListSchema> = {
      view: workerView ? 'worker' : 'full',
      smallCountThreshold: threshold,
      phenomena: phenomena.map((phenomenon) => phenomenonResource(phenomenon, threshold)),
    }
    return apiJson(body)
  },
})

export const loader = route.loader
export const action = route.action
