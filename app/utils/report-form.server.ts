import { data, redirect } from '@remix-run/node'
import {
  actionsFromForm,
  DraftReportSchema,
  reportArrayFields,
  SubmittedReportSchema,
} from '#app/domain/report-form.ts'
import { findSimilarReports, findVisibleReportState, type Viewer } from '#app/models/report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { readProtectedForm } from './csrf.server.ts'
import { getDb } from './db.server.ts'
import { type FieldErrors, formValues, parseForm } from './forms.ts'
import { renderMarkdown } from './markdown.server.ts'
import { applyTransition, saveReportContent, scanReportContent } from './report-actions.server.ts'

type Values = Record<string, string | string[]>

export interface ReportFormResult {
  values: Values
  fieldErrors: FieldErrors
  findings: { field: string; kind: string; fragment: string }[]
  previewHtml: string | null
  autosaved?: { reportId: string; at: string }
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

/**
 * The shared action of the new-report and edit-report pages: preview, add or remove action rows,
 * save a draft (explicitly or automatically) and submit. Every text passes the identifiability guard.
 */
export async function handleReportForm(request: Request, user: CurrentUser, routeReportId: string | null) {
  const formData = await readProtectedForm(request)
  const intent = String(formData.get('intent') ?? 'save')
  const values = formValues(formData)
  const db = getDb()
  if (intent === 'addAction' || intent.startsWith('removeAction:')) return result(changeActionRows(values, intent))
  if (intent === 'preview') {
    return result(values, { previewHtml: renderMarkdown(String(formData.get('description') ?? '')) })
  }

  const submitting = intent === 'submit'
  const parsed = parseForm(submitting ? SubmittedReportSchema : DraftReportSchema, formData, reportArrayFields, {
    actions: actionsFromForm(formData),
  })
  if (!parsed.ok) return data(result(values, { fieldErrors: parsed.fieldErrors }), { status: 400 })
  const existingId = routeReportId ?? (String(formData.get('reportId') ?? '') || null)
  if (submitting) {
    const findings = await scanReportContent(db, user.organisation.id, parsed.data)
    if (findings.length > 0) return data(result(values, { findings }), { status: 422 })
  }
  const saved = await saveReportContent(user, existingId, parsed.data)
  if (!saved.ok) throw data({ code: 'conflict' }, { status: 409 })
  const reportId = saved.reportId

  if (intent === 'autosave') return result(values, { autosaved: { reportId, at: new Date().toISOString() } })
  if (!submitting) return redirect(`/reports/${reportId}/edit?saved=1`)
  await submitReport(user, reportId)
  return redirect(`/reports/${reportId}?submitted=1`)
}

async function submitReport(user: CurrentUser, reportId: string) {
  const report = await findVisibleReportState(getDb(), user, reportId)
  const outcome = report
    ? await applyTransition(user, reportId, {
        to: 'submitted',
        expectedStatus: report.status,
        comment: '',
        resolution: null,
        committeeId: null,
        phenomenonId: null,
      })
    : undefined
  if (!outcome?.ok) throw data({ code: 'conflict' }, { status: 409 })
}

export async function similarReportsFor(viewer: Viewer, text: string, excludeId: string | null) {
  return findSimilarReports(getDb(), viewer.organisation.id, text, excludeId)
}
