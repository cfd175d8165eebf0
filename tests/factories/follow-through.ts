import { type FollowUpStatus } from '#app/domain/follow-ups.ts'
import { type RecipientKind } from '#app/domain/recipients.ts'
import { type SendingState } from '#app/domain/sendings.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Locale } from '#app/utils/i18n.ts'

/**
 * Rows of the follow-through written straight into their tables, as a test's starting point or the demo seed's:
 * the flows that write them (sending, answering, deciding, updating) are tested through their services.
 */

/** A recipient other than a committee (a committee's comes with the committee, by trigger), with its members. */
export async function createRecipient(
  db: AppDb,
  recipient: {
    organisationId: string
    kind: Exclude<RecipientKind, 'committee'>
    name: string
    nameSv?: string | null
    municipalityId?: string | null
    contactEmail?: string | null
    locale?: Locale
    memberIds?: string[]
  },
) {
  const created = await db
    .insertInto('recipients')
    .values({
      organisation_id: recipient.organisationId,
      kind: recipient.kind,
      name: recipient.name,
      name_sv: recipient.nameSv ?? null,
      municipality_id: recipient.municipalityId ?? null,
      contact_email: recipient.contactEmail ?? null,
      locale: recipient.locale ?? 'fi',
    })
    .returning(['id', 'name', 'kind'])
    .executeTakeFirstOrThrow()
  for (const userId of recipient.memberIds ?? []) {
    await db.insertInto('recipient_members').values({ recipient_id: created.id, user_id: userId }).execute()
  }
  return created
}

/** The recipient that stands for a committee. */
export async function committeeRecipient(db: AppDb, committeeId: string) {
  return db
    .selectFrom('recipients')
    .select(['id', 'name', 'kind'])
    .where('committee_id', '=', committeeId)
    .executeTakeFirstOrThrow()
}

/** A report or phenomenon sent to a recipient, answered or returned when `reply` is given. */
export async function createSending(
  db: AppDb,
  sending: {
    organisationId: string
    recipientId: string
    sentBy: string
    reportId?: string
    phenomenonId?: string
    coveringNote?: string
    sentAt?: Date
    state?: SendingState
    reply?: { text: string; at: Date; byUserId?: string; byName?: string }
  },
) {
  return db
    .insertInto('sendings')
    .values({
      organisation_id: sending.organisationId,
      recipient_id: sending.recipientId,
      report_id: sending.reportId ?? null,
      phenomenon_id: sending.phenomenonId ?? null,
      covering_note: sending.coveringNote ?? '',
      state: sending.state ?? (sending.reply ? 'answered' : 'sent'),
      answer: sending.reply?.text ?? null,
      answered_by: sending.reply?.byUserId ?? null,
      answered_by_name: sending.reply?.byName ?? null,
      answered_at: sending.reply?.at ?? null,
      received_at: sending.reply?.at ?? null,
      sent_by: sending.sentBy,
      sent_at: sending.sentAt ?? new Date(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
}

/** A follow-up of reports (and of a phenomenon, action or agenda item), with dated updates in order. */
export async function createFollowUp(
  db: AppDb,
  followUp: {
    organisationId: string
    title: string
    decidedOn: string
    targetDate: string
    reportIds?: string[]
    phenomenonId?: string | null
    proposedActionId?: string | null
    agendaItemId?: string | null
    sendingId?: string | null
    responsibleRecipientId?: string | null
    responsibleTeamId?: string | null
    responsibleUserId?: string | null
    status?: FollowUpStatus
    statusReason?: string | null
    progress?: number | null
    createdBy?: string | null
    createdAt?: Date
    updates?: { body: string; at: Date; authorId?: string | null; status?: FollowUpStatus; progress?: number }[]
  },
) {
  const created = await db
    .insertInto('follow_ups')
    .values({
      organisation_id: followUp.organisationId,
      title: followUp.title,
      decided_on: followUp.decidedOn,
      target_date: followUp.targetDate,
      phenomenon_id: followUp.phenomenonId ?? null,
      proposed_action_id: followUp.proposedActionId ?? null,
      agenda_item_id: followUp.agendaItemId ?? null,
      sending_id: followUp.sendingId ?? null,
      responsible_recipient_id: followUp.responsibleRecipientId ?? null,
      responsible_team_id: followUp.responsibleTeamId ?? null,
      responsible_user_id: followUp.responsibleUserId ?? null,
      status: followUp.status ?? 'not_started',
      status_reason: followUp.statusReason ?? null,
      progress: followUp.progress ?? null,
      created_by: followUp.createdBy ?? null,
      created_at: followUp.createdAt ?? new Date(),
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow()
  for (const reportId of followUp.reportIds ?? []) {
    await db.insertInto('follow_up_reports').values({ follow_up_id: created.id, report_id: reportId }).execute()
  }
  const updateIds: string[] = []
  for (const update of followUp.updates ?? []) {
    const row = await db
      .insertInto('follow_up_updates')
      .values({
        organisation_id: followUp.organisationId,
        follow_up_id: created.id,
        author_id: update.authorId ?? followUp.createdBy ?? null,
        body: update.body,
        status: update.status ?? null,
        progress: update.progress ?? null,
        created_at: update.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    updateIds.push(row.id)
  }
  return { ...created, updateIds }
}
