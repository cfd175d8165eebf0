import { type z } from 'zod'
import { type SendingSubject } from '#app/models/sending.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { sendOn } from '#app/services/sendings.server.ts'
import { ApiSendingInputSchema, type ApiSendingListSchema } from './api-schemas.ts'
import { apiJson, problemFor, readJson } from './api.server.ts'

/** POST …/sendings of a report or a phenomenon: the same rules, guard and answers as the page's send form. */
export async function sendThroughApi(request: Request, user: CurrentUser, subject: SendingSubject) {
  const input = await readJson(request, ApiSendingInputSchema)
  const result = await sendOn(user, { subject, ...input })
  if (!result.ok) throw problemFor(result)
  const body: z.input<typeof ApiSendingListSchema> = {
    sendings: result.sendings.map((sending) => ({ ...sending, state: 'sent' })),
  }
  return apiJson(body, { status: 201 })
}
