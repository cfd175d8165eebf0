import { data } from '@remix-run/node'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { SendRequestSchema } from '#app/domain/sendings.ts'
import { type SendingSubject } from '#app/models/sending.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { sendOn } from '#app/services/sendings.server.ts'
import { type FieldErrors, formValues, parseForm } from './forms.ts'
import { throwRefusal } from './refusals.server.ts'

/** What the send form gets back: how many sendings went, or why none did with everything typed. */
export type SendFormResult =
  | { ok: true; formId: 'send'; sentCount: number }
  | {
      ok: false
      error: 'send_form'
      formId: 'send'
      fieldErrors: FieldErrors
      values: Record<string, string | string[]>
      findings: FieldFinding[]
    }

function failed(formData: FormData, fieldErrors: FieldErrors, findings: FieldFinding[], status: number) {
  return data<SendFormResult>(
    { ok: false, error: 'send_form', formId: 'send', fieldErrors, findings, values: formValues(formData) },
    { status },
  )
}

/**
 * The send form of the report and phenomenon pages: a report or phenomenon goes to the chosen recipients with the
 * covering note. Someone who may not send gets 403, something they cannot see 404; anything to fix keeps the choice
 * and the note.
 */
export async function handleSendForm(user: CurrentUser, subject: SendingSubject, formData: FormData) {
  const parsed = parseForm(SendRequestSchema, formData, ['recipientIds'])
  if (!parsed.ok) return failed(formData, parsed.fieldErrors, [], 400)
  const result = await sendOn(user, { subject, ...parsed.data })
  if (result.ok) return data<SendFormResult>({ ok: true, formId: 'send', sentCount: result.sendings.length })
  switch (result.reason) {
    case 'identifying_data':
      return failed(formData, { coveringNote: 'send.validation.identifying' }, result.findings, 422)
    case 'invalid':
      return failed(formData, result.fieldErrors, [], 400)
    default:
      return throwRefusal(result)
  }
}
