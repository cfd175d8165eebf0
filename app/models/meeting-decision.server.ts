import { type Transaction } from 'kysely'
import { type AgendaDecision, onAgendaStatus } from '#app/domain/meetings.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { recordSendingEvent } from './sending.server.ts'

/** An item of a published meeting of the organisation, with what deciding on it needs. */
export function findPublishedAgendaItem(db: AppDb, organisationId: string, meetingId: string, itemId: string) {
  return db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select(['agenda_items.id', 'agenda_items.decision', 'meetings.committee_id', 'meetings.starts_at'])
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
  decision: { kind: AgendaDecision; text: string; decidedBy: string },
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

/** Every report on the item (directly or through a phenomenon) and the item's phenomena, whatever their status. */
export async function listItemSubjects(db: AppDb, itemId: string) {
  const [reports, phenomena] = await Promise.all([
    db
      .selectFrom('agenda_item_reports')
      .select('report_id')
      .where('agenda_item_id', '=', itemId)
      .orderBy('report_id')
      .execute(),
    db
      .selectFrom('agenda_item_phenomena')
      .select('phenomenon_id')
      .where('agenda_item_id', '=', itemId)
      .orderBy('phenomenon_id')
      .execute(),
  ])
  return { reportIds: reports.map((row) => row.report_id), phenomenonIds: phenomena.map((row) => row.phenomenon_id) }
}

/**
 * The committee's decision answers every open sending of the item's reports and phenomena to the committee: each
 * becomes answered with the decision text, and the reports it concerns (a phenomenon's: every report linked to
 * it) are told, in the deciding transaction. Returns how many sendings were answered.
 */
export async function answerSendingsByDecision(
  trx: Transaction<Database>,
  decision: { organisationId: string; itemId: string; committeeId: string; actorId: string; answer: string },
): Promise<number> {
  const now = new Date()
  const answered = await trx
    .updateTable('sendings')
    .set((eb) => ({
      state: 'answered',
      answer: decision.answer,
      answered_by: decision.actorId,
      answered_at: now,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('sendings.organisation_id', '=', decision.organisationId)
    .where('sendings.state', 'in', ['sent', 'received'])
    .where('sendings.recipient_id', 'in', (eb) =>
      eb
        .selectFrom('recipients')
        .select('recipients.id')
        .where('recipients.committee_id', '=', decision.committeeId)
        .where('recipients.organisation_id', '=', decision.organisationId),
    )
    .where((eb) =>
      eb.or([
        eb(
          'sendings.report_id',
          'in',
          eb
            .selectFrom('agenda_item_reports')
            .select('agenda_item_reports.report_id')
            .where('agenda_item_reports.agenda_item_id', '=', decision.itemId),
        ),
        eb(
          'sendings.phenomenon_id',
          'in',
          eb
            .selectFrom('agenda_item_phenomena')
            .select('agenda_item_phenomena.phenomenon_id')
            .where('agenda_item_phenomena.agenda_item_id', '=', decision.itemId),
        ),
      ]),
    )
    .returning('sendings.id')
    .execute()
  for (const sending of answered.sort((a, b) => a.id.localeCompare(b.id))) {
    await recordSendingEvent(trx, {
      organisationId: decision.organisationId,
      sendingId: sending.id,
      actorId: decision.actorId,
      type: 'recipient_answered',
      comment: decision.answer,
    })
  }
  return answered.length
}
