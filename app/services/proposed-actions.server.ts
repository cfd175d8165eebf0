import {
  type ActionOutcomeInput,
  canAddPhenomenonAction,
  canRecordOutcome,
  type PhenomenonActionInput,
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
import { getDb } from '#app/utils/db.server.ts'
import { actorFor } from './reports.server.ts'
import { type ServiceResult } from './result.ts'

/** Where a proposed action belongs: a report or a phenomenon. */
export type ActionOwnerPage = { kind: 'report'; reportId: string } | { kind: 'phenomenon'; phenomenonId: string }

const notFound = { ok: false, reason: 'not_found' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const

/**
 * Records what became of a proposed action of this report or phenomenon. Someone who may not decide is refused, and
 * an action that is not on this page is not found for them.
 */
export async function recordOutcome(
  actor: CurrentUser,
  input: { page: ActionOwnerPage } & ActionOutcomeInput,
): Promise<ServiceResult> {
  const db = getDb()
  const { page, ...decision } = input
  const action = await findProposedActionOwner(db, actor.organisation.id, decision.proposedActionId)
  if (page.kind === 'report') {
    const report = await findVisibleReportState(db, actor, page.reportId)
    if (!report || action?.report_id !== page.reportId) return notFound
    if (!canRecordOutcome(actorFor(actor, report), { kind: 'report', status: report.status })) return forbidden
  } else {
    if (action?.phenomenon_id !== page.phenomenonId) return notFound
    if (!canRecordOutcome(phenomenonActor(actor.roles), { kind: 'phenomenon' })) return forbidden
  }
  // The reason reaches reporters and may travel on to committees, so it passes the report's guard.
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { reason: decision.reason })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const recorded = await db
    .transaction()
    .execute((trx) =>
      recordActionOutcome(trx, { ...decision, organisationId: actor.organisation.id, actorId: actor.id }),
    )
  return recorded ? { ok: true } : notFound
}

/** A coordinator's new action for a phenomenon, placed after its existing ones. */
export async function addActionToPhenomenon(
  actor: CurrentUser,
  input: { phenomenonId: string } & PhenomenonActionInput,
): Promise<ServiceResult> {
  if (!canAddPhenomenonAction(actor.roles)) return forbidden
  const db = getDb()
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { description: input.description })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const added = await db
    .transaction()
    .execute((trx) => addPhenomenonAction(trx, { ...input, organisationId: actor.organisation.id }))
  return added ? { ok: true } : notFound
}
