import { data } from '@remix-run/react'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { type ReportStatus } from '#app/domain/report-status.ts'
import { type CommonRefusal, type Refused } from '#app/services/result.ts'
import { type Confirmation, type ConfirmationText, confirmationFor } from './confirmation.ts'
import { type FieldErrors, formValues } from './forms.ts'
import { type MessageKey } from './i18n.ts'

/**
 * What every form on a page gets back from its action: which form it was (`formId`, so the message and the typed
 * text appear beside that form), field errors, everything typed, what the identifiability guard found, and the
 * reports the message is about.
 */
export interface PageFormResult {
  ok: boolean
  formId: string
  message: MessageKey | null
  fieldErrors: FieldErrors
  findings: FieldFinding[]
  values: Record<string, string | string[]>
  /** Reports the message is about, e.g. those that stopped publishing or inclusion. */
  reports: { id: string; title: string; status: ReportStatus }[]
  /** The item or section just added, so the add form starts afresh in the same render as the success message. */
  addedId?: string
  /** An irreversible action sent without confirming: the question, asked as a page when JavaScript is off. */
  confirmation?: Confirmation
  /** After a deletion that can be undone: the form that puts back what was deleted. */
  undo?: { intent: string; fields: [string, string][] }
}

/** The result meant for this form, if the last submission came from it. */
export function resultFor(result: unknown, formId: string): PageFormResult | undefined {
  const candidate = result as PageFormResult | undefined
  return candidate?.formId === formId ? candidate : undefined
}

/** The result if it belongs to this form and the submission failed: its errors and the values typed. */
export function failureFor(result: unknown, formId: string): PageFormResult | undefined {
  const candidate = resultFor(result, formId)
  return candidate && !candidate.ok ? candidate : undefined
}

/** How the page answers a refusal of its own area: the status, the message, and whether to name the reports. */
export interface RefusalAnswer {
  status: number
  message?: MessageKey | null
}

type AnyRefusal = CommonRefusal | Refused<string, { reports?: PageFormResult['reports'] }>

/**
 * The page's answers to one submitted form. A service refusal becomes the page result in one place: `not_found`
 * and `forbidden` are thrown as 404 and 403, the common reasons get their common answer, an area's own reasons
 * the answer the route names for them (which may also override a common one).
 */
export function pageReplies(formData: FormData, formId: string, guardField: MessageKey) {
  const reply = (status: number, result: Partial<PageFormResult> = {}) =>
    data<PageFormResult>(
      {
        ok: status < 300,
        formId,
        message: null,
        fieldErrors: {},
        findings: [],
        values: status < 300 ? {} : formValues(formData),
        reports: [],
        ...result,
      },
      { status },
    )
  const guardFieldErrors = (findings: readonly FieldFinding[]): FieldErrors =>
    Object.fromEntries(findings.map((finding) => [finding.field, guardField]))
  return {
    reply,
    done: (message: MessageKey, result: Partial<PageFormResult> = {}) => reply(200, { message, ...result }),
    confirm: (text: ConfirmationText) => reply(200, { ok: false, confirmation: confirmationFor(formData, text) }),
    invalid: (fieldErrors: FieldErrors, findings: FieldFinding[] = []) =>
      reply(400, { findings, fieldErrors: { ...guardFieldErrors(findings), ...fieldErrors } }),
    guardFieldErrors,
    refused(refusal: AnyRefusal, answers: Record<string, RefusalAnswer> = {}) {
      const answer = answers[refusal.reason]
      const findings = 'findings' in refusal ? (refusal.findings as FieldFinding[]) : []
      if (refusal.reason === 'identifying_data') {
        return reply(answer?.status ?? 422, { findings, fieldErrors: guardFieldErrors(findings) })
      }
      if (answer) {
        const reports = 'reports' in refusal && Array.isArray(refusal.reports) ? refusal.reports : []
        return reply(answer.status, { message: answer.message ?? null, reports })
      }
      switch (refusal.reason) {
        case 'not_found':
          throw data({ code: 'not_found' }, { status: 404 })
        case 'forbidden':
          throw data({ code: 'forbidden' }, { status: 403 })
        case 'stale':
          return reply(409, { message: 'edit.stale' })
        case 'invalid':
          return reply(400, { fieldErrors: (refusal as Refused<'invalid', { fieldErrors: FieldErrors }>).fieldErrors })
      }
      throw new Error(`No page answer for the refusal ${refusal.reason}`)
    },
  }
}
