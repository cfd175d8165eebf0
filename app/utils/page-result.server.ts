import { type Refused } from '#app/services/result.ts'
import { getDb } from './db.server.ts'
import { type FieldErrors } from './forms.ts'
import { findingsInTyped } from './guard-forms.server.ts'
import { type MessageKey } from './i18n.ts'
import { type PageFormResult, pageReplies, type RefusalAnswer } from './page-result.ts'

/**
 * The page's answers to one submitted form, as an intent handler uses them: `answer` turns a service result into
 * the page result (success message, or the refusal in the area's own words), `invalidTexts` refuses a text form
 * with its fields' errors and whatever the guard finds in the typed texts, so one submission names every problem.
 */
export function formReplies(input: {
  organisationId: string
  formData: FormData
  formId: string
  guardField: MessageKey
  refusals: Record<string, RefusalAnswer>
}) {
  const { organisationId, formData, refusals } = input
  const page = pageReplies(formData, input.formId, input.guardField)
  return {
    ...page,
    answer: (result: { ok: true } | Refused<string>, done: MessageKey, extra: Partial<PageFormResult> = {}) =>
      result.ok ? page.done(done, extra) : page.refused(result, refusals),
    invalidTexts: async (fieldErrors: FieldErrors, fields: readonly string[]) =>
      page.invalid(fieldErrors, await findingsInTyped(getDb(), organisationId, formData, fields)),
    /** A form without a readable version was made before versions existed: treated as stale, never as unknown. */
    staleForm: () => page.reply(409, { message: 'edit.stale' }),
  }
}

export type FormReplies = ReturnType<typeof formReplies>
export type FormReply = ReturnType<FormReplies['reply']>
