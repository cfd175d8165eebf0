import { type ExpressionBuilder, sql, type Transaction } from 'kysely'
import { type ActionLevel } from '#app/domain/report-fields.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type ActionOutcome, type Database } from './database.ts'
import { concernedReportIds } from './report-links.server.ts'
import { recordReportEvent } from './report.server.ts'

/** A proposed action as pages, the welfare report and the API show it, with the state of its outcome. */
export interface ProposedActionView {
  id: string
  reportId: string | null
  phenomenonId: string | null
  position: number
  description: string
  level: ActionLevel
  outcome: ActionOutcome | null
  outcomeReason: string | null
  outcomeByName: string | null
  outcomeAt: Date | null
}

/** An action belongs to the organisation its report or phenomenon belongs to; every query here goes through this. */
function inOrganisation(organisationId: string) {
  return (eb: ExpressionBuilder<Database, 'proposed_actions'>) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('reports')
          .select('reports.id')
          .whereRef('reports.id', '=', 'proposed_actions.report_id')
          .where('reports.organisation_id', '=', organisationId),
      ),
      eb.exists(
        eb
          .selectFrom('phenomena')
          .select('phenomena.id')
          .whereRef('phenomena.id', '=', 'proposed_actions.phenomenon_id')
          .where('phenomena.organisation_id', '=', organisationId),
      ),
    ])
}

/**
 * The proposed actions of the given reports and phenomena of one organisation, report actions first, each
 * owner's in their order. Only the owners named are read: an omitted or empty list reads none.
 */
export async function listProposedActions(
  db: AppDb,
  organisationId: string,
  owners: { reportIds?: string[]; phenomenonIds?: string[] },
): Promise<ProposedActionView[]> {
  const reportIds = owners.reportIds ?? []
  const phenomenonIds = owners.phenomenonIds ?? []
  if (reportIds.length === 0 && phenomenonIds.length === 0) return []
  return db
    .selectFrom('proposed_actions')
    .leftJoin('users as decider', 'decider.id', 'proposed_actions.outcome_by')
    .select([
      'proposed_actions.id',
      'proposed_actions.report_id as reportId',
      'proposed_actions.phenomenon_id as phenomenonId',
      'proposed_actions.position',
      'proposed_actions.description',
      'proposed_actions.level',
      'proposed_actions.outcome',
      'proposed_actions.outcome_reason as outcomeReason',
      'decider.name as outcomeByName',
      'proposed_actions.outcome_at as outcomeAt',
    ])
    .where((eb) =>
      eb.or([
        ...(reportIds.length > 0 ? [eb('proposed_actions.report_id', 'in', reportIds)] : []),
        ...(phenomenonIds.length > 0 ? [eb('proposed_actions.phenomenon_id', 'in', phenomenonIds)] : []),
      ]),
    )
    .where(inOrganisation(organisationId))
    .orderBy('proposed_actions.report_id')
    .orderBy('proposed_actions.phenomenon_id')
    .orderBy('proposed_actions.position')
    .execute()
}

/** Whose action it is, when it is one of the organisation's; null otherwise. */
export function findProposedActionOwner(db: AppDb, organisationId: string, proposedActionId: string) {
  return db
    .selectFrom('proposed_actions')
    .select(['proposed_actions.id', 'proposed_actions.report_id', 'proposed_actions.phenomenon_id'])
    .where('proposed_actions.id', '=', proposedActionId)
    .where(inOrganisation(organisationId))
    .executeTakeFirst()
}

/** Appends a coordinator's proposed action to a phenomenon of the organisation; null when there is no such phenomenon. */
export async function addPhenomenonAction(
  trx: Transaction<Database>,
  action: { organisationId: string; phenomenonId: string; description: string; level: ActionLevel },
): Promise<string | null> {
  // The lock makes two coordinators adding at once take the next positions in turn.
  const phenomenon = await trx
    .selectFrom('phenomena')
    .select('id')
    .where('id', '=', action.phenomenonId)
    .where('organisation_id', '=', action.organisationId)
    .forUpdate()
    .executeTakeFirst()
  if (!phenomenon) return null
  const inserted = await trx
    .insertInto('proposed_actions')
    .values({
      report_id: null,
      phenomenon_id: phenomenon.id,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from proposed_actions where phenomenon_id = ${phenomenon.id})`,
      description: action.description,
      level: action.level,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/**
 * Records who decided what about an action and why. A changed outcome replaces the earlier one and is recorded
 * again. The event goes on the owning report or, for a phenomenon's action, on every report linked to the
 * phenomenon, so each reporter is told. Null when the action is not one of the organisation's.
 */
export async function recordActionOutcome(
  trx: Transaction<Database>,
  decision: {
    organisationId: string
    actorId: string
    proposedActionId: string
    outcome: ActionOutcome
    reason: string
  },
): Promise<{ eventIds: string[] } | null> {
  const action = await trx
    .updateTable('proposed_actions')
    .set({
      outcome: decision.outcome,
      outcome_reason: decision.reason,
      outcome_by: decision.actorId,
      outcome_at: new Date(),
    })
    .where('proposed_actions.id', '=', decision.proposedActionId)
    .where(inOrganisation(decision.organisationId))
    .returning(['proposed_actions.report_id', 'proposed_actions.phenomenon_id'])
    .executeTakeFirst()
  if (!action) return null
  const eventIds: string[] = []
  for (const reportId of await concernedReportIds(trx, action)) {
    eventIds.push(
      await recordReportEvent(trx, {
        reportId,
        organisationId: decision.organisationId,
        actorId: decision.actorId,
        type: 'action_outcome',
        proposedActionId: decision.proposedActionId,
        actionOutcome: decision.outcome,
        comment: decision.reason,
        phenomenonId: action.phenomenon_id,
      }),
    )
  }
  return { eventIds }
}
