import { data } from '@remix-run/node'
import {
  type ActionFormResult,
  actionFormId,
  ActionOutcomeSchema,
  canAddPhenomenonAction,
  canRecordOutcome,
  PhenomenonActionSchema,
  phenomenonActor,
} from '#app/domain/action-outcomes.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import {
  addPhenomenonAction,
  findProposedActionOwner,
  recordActionOutcome,
} from '#app/models/proposed-action.server.ts'
import { findVisibleReportState } from '#app/models/report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { actorFor } from '#app/services/reports.server.ts'
import { getDb } from './db.server.ts'
import { formValues, parseForm } from './forms.ts'

/** The page a proposed-action form is posted to: a report's or a phenomenon's. */
export type ActionFormPage = { kind: 'report'; reportId: string } | { kind: 'phenomenon'; phenomenonId: string }

const notFound = () => data({ code: 'not_found' }, { status: 404 })
const forbidden = () => data({ code: 'forbidden' }, { status: 403 })

function failed(
  formData: FormData,
  formId: string,
  result: Omit<Extract<ActionFormResult, { ok: false }>, 'ok' | 'error' | 'formId' | 'values'>,
  status: number,
) {
  return data<ActionFormResult>(
    { ok: false, error: 'action_form', formId, values: formValues(formData), ...result },
    { status },
  )
}

/**
 * Handles the outcome form of a proposed action and a coordinator's new phenomenon action, for the report and
 * phenomenon pages alike. Someone who may not decide gets 403, an action not on this page 404; a field error
 * keeps everything the user typed.
 */
export async function handleProposedActionForm(user: CurrentUser, page: ActionFormPage, formData: FormData) {
  const intent = formData.get('intent')
  if (intent === 'outcome') return saveOutcome(user, page, formData)
  if (intent === 'addAction' && page.kind === 'phenomenon') return addAction(user, page.phenomenonId, formData)
  throw data({ code: 'invalid' }, { status: 400 })
}

async function saveOutcome(user: CurrentUser, page: ActionFormPage, formData: FormData) {
  const db = getDb()
  const formId = actionFormId({ intent: 'outcome', proposedActionId: String(formData.get('proposedActionId') ?? '') })
  const parsed = parseForm(ActionOutcomeSchema, formData)
  if (!parsed.ok) return failed(formData, formId, { fieldErrors: parsed.fieldErrors, findings: [] }, 400)
  const input = parsed.data
  const action = await findProposedActionOwner(db, user.organisation.id, input.proposedActionId)
  if (page.kind === 'report') {
    const report = await findVisibleReportState(db, user, page.reportId)
    if (!report || action?.report_id !== page.reportId) throw notFound()
    if (!canRecordOutcome(actorFor(user, report), { kind: 'report', status: report.status })) throw forbidden()
  } else {
    if (action?.phenomenon_id !== page.phenomenonId) throw notFound()
    if (!canRecordOutcome(phenomenonActor(user.roles), { kind: 'phenomenon' })) throw forbidden()
  }
  // The reason reaches reporters and may travel on to committees, so it passes the report's guard.
  const findings = await scanTextsOfOrganisation(db, user.organisation.id, { reason: input.reason })
  if (findings.length > 0) {
    return failed(
      formData,
      formId,
      { fieldErrors: { reason: 'proposedActions.validation.identifying' }, findings },
      422,
    )
  }
  const recorded = await db
    .transaction()
    .execute((trx) => recordActionOutcome(trx, { ...input, organisationId: user.organisation.id, actorId: user.id }))
  if (!recorded) throw notFound()
  return data<ActionFormResult>({
    ok: true,
    formId,
    message: page.kind === 'report' ? 'proposedActions.record.saved' : 'proposedActions.record.savedPhenomenon',
  })
}

async function addAction(user: CurrentUser, phenomenonId: string, formData: FormData) {
  const db = getDb()
  const formId = actionFormId({ intent: 'addAction' })
  if (!canAddPhenomenonAction(user.roles)) throw forbidden()
  const parsed = parseForm(PhenomenonActionSchema, formData)
  if (!parsed.ok) return failed(formData, formId, { fieldErrors: parsed.fieldErrors, findings: [] }, 400)
  const input = parsed.data
  const findings = await scanTextsOfOrganisation(db, user.organisation.id, { description: input.description })
  if (findings.length > 0) {
    return failed(
      formData,
      formId,
      { fieldErrors: { description: 'proposedActions.validation.identifying' }, findings },
      422,
    )
  }
  const added = await db
    .transaction()
    .execute((trx) => addPhenomenonAction(trx, { ...input, organisationId: user.organisation.id, phenomenonId }))
  if (!added) throw notFound()
  return data<ActionFormResult>({ ok: true, formId, message: 'proposedActions.add.saved' })
}
