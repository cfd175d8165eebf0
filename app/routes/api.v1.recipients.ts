import { type z } from 'zod'
import { answerChannel } from '#app/domain/recipients.ts'
import { listRecipientsForSender } from '#app/services/recipients.server.ts'
import { type ApiRecipientListSchema } from '#app/utils/api-schemas.ts'
import { ApiProblem, apiJson, apiRoute } from '#app/utils/api.server.ts'

const route = apiRoute({
  async GET({ user }) {
    const result = await listRecipientsForSender(user)
    if (!result.ok) throw new ApiProblem(result.reason)
    const body: z.input<typeof ApiRecipientListSchema> = {
      recipients: result.recipients.map((recipient) => ({
        id: recipient.id,
        kind: recipient.kind,
        name: recipient.name,
        municipality: recipient.municipality_name,
        answersThrough: answerChannel(recipient.kind),
      })),
    }
    return apiJson(body)
  },
})

export const loader = route.loader
export const action = route.action
