import { type Transaction } from 'kysely'
import { type DecisionInput, onAgendaStatus } from '#app/domain/meetings.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'

/** An item of a published meeting of the organisation, with what deciding on it needs. */
export function findPublishedAgendaItem(db: AppDb, organisationId: string, meetingId: string, itemId: string) {
  return db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select(['agenda_items.id', 'agenda_items.decision', 'meetings.committee_id'])
    .where('agenda_items.id', '=', itemId)
    .where('agenda_items.meeting_id', '=', meetingId)
    .where('meetings.organisation_id', '=', organisationId)
    .where('meetings.published_at', 'is not', null)
    .executeTakeFirst()
}

/** Records the decision unless the item has one already; false when it had (a second would overwrite the first). */
export async function setDecisionIfNone(
  trx: Transaction<Database>,
  itemId: string,
  decision: DecisionInput & { decidedBy: string },
): Promise<boolean> {
  const decided = await trx
    .updateTable('agenda_items')
    .set({
      decision: decision.kind,
      decision_text: decision.text || null,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', itemId)
    .where('decision', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return decided !== undefined
}

/** The item's reports still on the agenda, locked until the decision has moved them on. */
export async function lockReportsOnAgendaOfItem(trx: Transaction<Database>, organisationId: string, itemId: string) {
  const reports = await trx
    .selectFrom('agenda_item_reports')
    .innerJoin('reports', 'reports.id', 'agenda_item_reports.report_id')
    .select('reports.id')
    .where('agenda_item_reports.agenda_item_id', '=', itemId)
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.status', '=', onAgendaStatus)
    .orderBy('reports.id')
    .forUpdate()
    .execute()
  return reports.map((report) => report.id)
}
