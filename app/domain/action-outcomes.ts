import { z } from 'zod'
import { type FieldErrors } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { type FieldFinding } from './identifiability.ts'
import { actionLevels } from './report-fields.ts'
import { type Actor, type ReportStatus } from './report-status.ts'
import { type Role } from './roles.ts'

/** What became of a proposed action: taken up as proposed, taken up changed, turned down, carried out. */
export const actionOutcomes = ['accepted', 'adapted', 'rejected', 'done'] as const
export type ActionOutcome = (typeof actionOutcomes)[number]

/** Whose proposed action it is: a report's (with its status) or a phenomenon's, drafted by a coordinator. */
export type ActionOwner = { kind: 'report'; status: ReportStatus } | { kind: 'phenomenon' }

/**
 * An action's outcome is decided once the report has left the team's hands (forwarded or later). A report
 * closed in review keeps its place here: the team may still record that it carried an action out itself.
 */
export function acceptsOutcomes(status: ReportStatus): boolean {
  switch (status) {
    case 'forwarded':
    case 'on_agenda':
    case 'decided':
    case 'in_welfare_report':
    case 'closed':
      return true
    case 'draft':
    case 'submitted':
    case 'in_review':
    case 'changes_requested':
    case 'withdrawn':
      return false
  }
}

/**
 * Coordinators decide on any action of their organisation; a team lead on the actions of reports of a team
 * they lead. A phenomenon's actions belong to no team, so only coordinators decide on them.
 */
export function canRecordOutcome(actor: Actor, owner: ActionOwner): boolean {
  const coordinator = actor.roles.includes('coordinator')
  switch (owner.kind) {
    case 'phenomenon':
      return coordinator
    case 'report':
      return (
        acceptsOutcomes(owner.status) && (coordinator || (actor.roles.includes('team_lead') && actor.leadsReportTeam))
      )
  }
}

/** How a user stands to a phenomenon: it has no author and no team, so only the roles count. */
export function phenomenonActor(roles: readonly Role[]): Actor {
  return { roles, isAuthor: false, leadsReportTeam: false }
}

/** Coordinators draft proposed actions of their own for a phenomenon. */
export function canAddPhenomenonAction(roles: readonly Role[]): boolean {
  return roles.includes('coordinator')
}

/** The outcome form of one proposed action; the reason travels to the reporter, so it is required. */
export const ActionOutcomeSchema = z.object({
  proposedActionId: z.uuid({ error: 'validation.invalid' }),
  outcome: z.enum(actionOutcomes, { error: 'proposedActions.validation.outcomeRequired' }),
  reason: z
    .string({ error: 'proposedActions.validation.reasonRequired' })
    .trim()
    .min(1, 'proposedActions.validation.reasonRequired')
    .max(2000, 'validation.tooLong'),
})

export type ActionOutcomeInput = z.output<typeof ActionOutcomeSchema>

/** A coordinator's own proposed action for a phenomenon. */
export const PhenomenonActionSchema = z.object({
  description: z
    .string({ error: 'proposedActions.validation.descriptionRequired' })
    .trim()
    .min(1, 'proposedActions.validation.descriptionRequired')
    .max(2000, 'validation.tooLong'),
  level: z.enum(actionLevels, { error: 'proposedActions.validation.levelRequired' }),
})

export type PhenomenonActionInput = z.output<typeof PhenomenonActionSchema>

/** Which form on the page a result belongs to, so its messages appear beside that form and no other. */
export function actionFormId(form: { intent: 'outcome'; proposedActionId: string } | { intent: 'addAction' }) {
  return form.intent === 'outcome' ? `outcome:${form.proposedActionId}` : 'addAction'
}

/**
 * What a proposed-action form gets back: on failure the field errors, what the user typed and what the
 * identifiability guard found. `error` keeps it apart from the other results of the page it is posted to.
 */
export type ActionFormResult =
  | { ok: true; formId: string; message: MessageKey }
  | {
      ok: false
      error: 'action_form'
      formId: string
      fieldErrors: FieldErrors
      values: Record<string, string | string[]>
      findings: FieldFinding[]
    }
