import { data } from '@remix-run/node'
import {
  type ActionFormResult,
  actionFormId,
  ActionOutcomeSchema,
  canAddPhenomenonAction,
  PhenomenonActionSchema,
} from '#app/domain/action-outcomes.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type ActionOwnerPage, addActionToPhenomenon, recordOutcome } from '#app/services/proposed-actions.server.ts'
import { type ServiceResult } from '#app/services/result.ts'
import { formValues, parseForm } from './forms.ts'
import { throwRefusal } from './refusals.server.ts'

/** The page a proposed-action form is posted to: a report's or a phenomenon's. */
export type ActionFormPage = ActionOwnerPage

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

/** The form's answer to a refusal: the guard's findings beside the text field, 404 or 403 for the rest. */
function refused(formData: FormData, formId: string, refusal: Exclude<ServiceResult, { ok: true }>, field: string) {
  if (refusal.reason !== 'identifying_data') return throwRefusal(refusal)
  const fieldErrors = { [field]: 'proposedActions.validation.identifying' } as const
  return failed(formData, formId, { fieldErrors, findings: refusal.findings }, 422)
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
  const formId = actionFormId({ intent: 'outcome', proposedActionId: String(formData.get('proposedActionId') ?? '') })
  const parsed = parseForm(ActionOutcomeSchema, formData)
  if (!parsed.ok) return failed(formData, formId, { fieldErrors: parsed.fieldErrors, findings: [] }, 400)
  const result = await recordOutcome(user, { ...parsed.data, page })
  if (!result.ok) return refused(formData, formId, result, 'reason')
  return data<ActionFormResult>({
    ok: true,
    formId,
    message: page.kind === 'report' ? 'proposedActions.record.saved' : 'proposedActions.record.savedPhenomenon',
  })
}

async function addAction(user: CurrentUser, phenomenonId: string, formData: FormData) {
  const formId = actionFormId({ intent: 'addAction' })
  // Someone who may not add actions is told so before their form is read.
  if (!canAddPhenomenonAction(user.roles)) return throwRefusal({ ok: false, reason: 'forbidden' })
  const parsed = parseForm(PhenomenonActionSchema, formData)
  if (!parsed.ok) return failed(formData, formId, { fieldErrors: parsed.fieldErrors, findings: [] }, 400)
  const result = await addActionToPhenomenon(user, { ...parsed.data, phenomenonId })
  if (!result.ok) return refused(formData, formId, result, 'description')
  return data<ActionFormResult>({ ok: true, formId, message: 'proposedActions.add.saved' })
}
