import { data, redirect } from '@remix-run/node'
import {
  actionsFromForm,
  type AutosaveProblem,
  DraftReportSchema,
  reportArrayFields,
  SubmittedReportSchema,
} from '#app/domain/report-form.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type SavedReport, saveReportContent, submitReport } from '#app/services/reports.server.ts'
import { setSamePhenomenon } from '#app/services/similar-reports.server.ts'
import { readProtectedForm } from './csrf.server.ts'
import { type FieldErrors, formValues, parseForm } from './forms.ts'
import { renderMarkdown } from './markdown.server.ts'

type Values = Record<string, string | string[]>

export interface ReportFormResult {
  values: Values
  fieldErrors: FieldErrors
  findings: { field: string; kind: string; fragment: string }[]
  previewHtml: string | null
  autosaved?: { reportId: string; at: string }
  autosaveProblem?: AutosaveProblem
}

function result(values: Values, extra: Partial<ReportFormResult> = {}): ReportFormResult {
  return { values, fieldErrors: {}, findings: [], previewHtml: null, ...extra }
}

/** Adding or removing a proposed action re-renders the form with one row more or less; nothing is saved. */
function changeActionRows(values: Values, intent: string): Values {
  const descriptions = [values.actionDescription ?? []].flat()
  const levels = [values.actionLevel ?? []].flat()
  if (intent === 'addAction')
    return { ...values, actionDescription: [...descriptions, ''], actionLevel: [...levels, 'team'] }
  const index = Number(intent.split(':')[1])
  return {
    ...values,
    actionDescription: descriptions.filter((_, i) => i !== index),
    actionLevel: levels.filter((_, i) => i !== index),
  }
}

/** `same:<id>` or `notSame:<id>`: the writer says whether a similar report is about the same phenomenon. */
const samePhenomenonIntent = /^(same|notSame):([0-9a-f-]{36})$/

/**
 * The shared action of the new-report and edit-report pages: preview, add or remove action rows,
 * save a draft (explicitly or automatically), say a similar report is the same phenomenon, and submit.
 * Every text passes the identifiability guard.
 */
export async function handleReportForm(request: Request, user: CurrentUser, routeReportId: string | null) {
  const formData = await readProtectedForm(request)
  const intent = String(formData.get('intent') ?? 'save')
  const values = formValues(formData)
  if (intent === 'addAction' || intent.startsWith('removeAction:')) return result(changeActionRows(values, intent))
  if (intent === 'preview') {
    return result(values, { previewHtml: renderMarkdown(String(formData.get('description') ?? '')) })
  }

  const submitting = intent === 'submit'
  const autosaving = intent === 'autosave'
  const parsed = parseForm(submitting ? SubmittedReportSchema : DraftReportSchema, formData, reportArrayFields, {
    actions: actionsFromForm(formData),
  })
  if (!parsed.ok) {
    const problem = autosaving ? { autosaveProblem: 'invalid' as const } : {}
    return data(result(values, { fieldErrors: parsed.fieldErrors, ...problem }), { status: 400 })
  }
  const existingId = routeReportId ?? (String(formData.get('reportId') ?? '') || null)
  const saved = await saveReportContent(user, { reportId: existingId, content: parsed.data })
  if (!saved.ok) return refusedForm(values, saved, autosaving)
  const reportId = saved.reportId

  if (autosaving) {
    return result(values, { autosaved: { reportId, at: new Date().toISOString() } })
  }
  // Saying so saves the draft first, so everything typed is kept and the mark has a report to belong to.
  const samePhenomenon = samePhenomenonIntent.exec(intent)
  if (samePhenomenon) {
    const [, answer, sameAsReportId] = samePhenomenon
    const same = answer === 'same'
    const marked = await setSamePhenomenon(user, { reportId, sameAsReportId: sameAsReportId!, same })
    const said = !marked.ok ? 'unavailable' : same ? 'marked' : 'unmarked'
    return redirect(`/reports/${reportId}/edit?same=${said}#similar-reports`)
  }
  if (!submitting) return redirect(`/reports/${reportId}/edit?saved=1`)
  // The content was just checked and saved, so a refused submission means someone else moved the report on.
  if (!(await submitReport(user, { reportId })).ok) throw conflict()
  return redirect(`/reports/${reportId}?submitted=1`)
}

const conflict = () => data({ code: 'conflict' }, { status: 409 })

/**
 * A refused save: identifying data is shown on the form; otherwise the report is no longer the author's to edit.
 * A background save answers instead of throwing, so the page and everything typed on it stay.
 */
function refusedForm(values: Values, refused: Exclude<SavedReport, { ok: true }>, autosaving: boolean) {
  if (refused.reason === 'identifying_data') {
    const problem = autosaving ? { autosaveProblem: 'identifying_data' as const } : {}
    return data(result(values, { findings: refused.findings, ...problem }), { status: 422 })
  }
  if (autosaving) return data(result(values, { autosaveProblem: 'stale' }), { status: 409 })
  throw conflict()
}
