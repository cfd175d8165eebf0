import { type Transaction } from 'kysely'
import { reminderAfterMs, type SendingState } from '#app/domain/sendings.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { concernedReportIds } from './report-links.server.ts'
import { recordReportEvent } from './report.server.ts'

/** What a sending carries: one report or one phenomenon. */
export type SendingSubject = { kind: 'report'; reportId: string } | { kind: 'phenomenon'; phenomenonId: string }

export async function createSending(
  trx: Transaction<Database>,
  sending: {
    organisationId: string
    recipientId: string
    subject: SendingSubject
    coveringNote: string
    sentBy: string
  },
): Promise<string> {
  const row = await trx
    .insertInto('sendings')
    .values({
      organisation_id: sending.organisationId,
      recipient_id: sending.recipientId,
      report_id: sending.subject.kind === 'report' ? sending.subject.reportId : null,
      phenomenon_id: sending.subject.kind === 'phenomenon' ? sending.subject.phenomenonId : null,
      covering_note: sending.coveringNote,
      sent_by: sending.sentBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The follow-ups started from a sending's answer, oldest first. */
export function listSendingFollowUps(db: AppDb, organisationId: string, sendingId: string) {
  return db
    .selectFrom('follow_ups')
    .select(['id', 'title', 'target_date', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('sending_id', '=', sendingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/**
 * Records a step of the sending on its report, or on every report linked to its phenomenon, so each reporter and
 * follower hears of it. `actorId` is null for a partner answering through its link.
 */
export async function recordSendingEvent(
  trx: Transaction<Database>,
  step: {
    organisationId: string
    sendingId: string
    actorId: string | null
    type: 'sent_to_recipient' | 'recipient_answered' | 'sending_returned'
    comment: string
  },
) {
  const sending = await trx
    .selectFrom('sendings')
    .select(['report_id', 'phenomenon_id'])
    .where('id', '=', step.sendingId)
    .where('organisation_id', '=', step.organisationId)
    .executeTakeFirstOrThrow()
  for (const reportId of await concernedReportIds(trx, sending)) {
    await recordReportEvent(trx, {
      reportId,
      organisationId: step.organisationId,
      actorId: step.actorId,
      type: step.type,
      comment: step.comment,
      phenomenonId: sending.phenomenon_id,
      sendingId: step.sendingId,
    })
  }
}

/**
 * Moves a sending on from the state and version its answerer saw; false when it has moved meanwhile, so a second
 * answer never overwrites the first. An answer or return reason ends it.
 */
export async function updateSendingState(
  trx: Transaction<Database>,
  change: {
    organisationId: string
    sendingId: string
    from: SendingState
    to: SendingState
    expectedVersion: number | null
    answer?: string
    answeredBy?: string | null
    answeredByName?: string | null
  },
): Promise<boolean> {
  const now = new Date()
  const finishing = change.to === 'answered' || change.to === 'returned'
  const updated = await trx
    .updateTable('sendings')
    .set((eb) => ({
      state: change.to,
      version: eb('version', '+', 1),
      updated_at: now,
      ...(change.to === 'received' ? { received_at: now } : {}),
      ...(finishing
        ? {
            answer: change.answer ?? '',
            answered_at: now,
            answered_by: change.answeredBy ?? null,
            answered_by_name: change.answeredByName ?? null,
          }
        : {}),
    }))
    .where('id', '=', change.sendingId)
    .where('organisation_id', '=', change.organisationId)
    .where('state', '=', change.from)
    .$if(change.expectedVersion !== null, (qb) => qb.where('version', '=', change.expectedVersion!))
    .returning('id')
    .executeTakeFirst()
  return updated !== undefined
}

/** A sending with what it carries and to whom, inside one organisation; null when there is none such. */
export async function getSending(db: AppDb, organisationId: string, sendingId: string) {
  const sending = await db
    .selectFrom('sendings')
    .innerJoin('recipients', 'recipients.id', 'sendings.recipient_id')
    .innerJoin('users as sender', 'sender.id', 'sendings.sent_by')
    .innerJoin('organisations', 'organisations.id', 'sendings.organisation_id')
    .leftJoin('users as answerer', 'answerer.id', 'sendings.answered_by')
    .select([
      'sendings.id',
      'sendings.organisation_id',
      'sendings.recipient_id',
      'sendings.report_id',
      'sendings.phenomenon_id',
      'sendings.covering_note',
      'sendings.state',
      'sendings.answer',
      'sendings.answered_at',
      'sendings.received_at',
      'sendings.reminded_at',
      'sendings.sent_at',
      'sendings.version',
      'recipients.kind as recipient_kind',
      'recipients.name as recipient_name',
      'recipients.name_sv as recipient_name_sv',
      'recipients.locale as recipient_locale',
      'sender.name as sender_name',
      'organisations.name as organisation_name',
      'organisations.name_sv as organisation_name_sv',
      (eb) => eb.fn.coalesce('answerer.name', 'sendings.answered_by_name').as('answerer_name'),
    ])
    .where('sendings.id', '=', sendingId)
    .where('sendings.organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!sending) return null
  return { ...sending, subject: await getSentContent(db, sending) }
}

/**
 * What was sent, as a recipient outside the team may read it: the title, the description and the proposed actions.
 * Reports carry no identifying data by design, so this is what a partner's email shows too.
 */
async function getSentContent(db: AppDb, sending: { report_id: string | null; phenomenon_id: string | null }) {
  const kind = sending.report_id ? ('report' as const) : ('phenomenon' as const)
  const id = (sending.report_id ?? sending.phenomenon_id)!
  const table = kind === 'report' ? 'reports' : 'phenomena'
  const [content, actions] = await Promise.all([
    db.selectFrom(table).select(['title', 'description']).where('id', '=', id).executeTakeFirstOrThrow(),
    db
      .selectFrom('proposed_actions')
      .select('description')
      .where(kind === 'report' ? 'report_id' : 'phenomenon_id', '=', id)
      .orderBy('position')
      .execute(),
  ])
  return { kind, id, ...content, actions: actions.map((action) => action.description) }
}

/** Sendings of the organisation, newest first; `recipientIds` limits them to those bodies' sendings. */
/** Newest first, one page at a time (`pageWindow`): an organisation sends for years. */
export function listSendings(
  db: AppDb,
  organisationId: string,
  recipientIds: readonly string[] | 'all',
  page: { limit: number; offset: number },
) {
  if (recipientIds !== 'all' && recipientIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('sendings')
    .innerJoin('recipients', 'recipients.id', 'sendings.recipient_id')
    .leftJoin('reports', 'reports.id', 'sendings.report_id')
    .leftJoin('phenomena', 'phenomena.id', 'sendings.phenomenon_id')
    .select([
      'sendings.id',
      'sendings.state',
      'sendings.sent_at',
      'sendings.report_id',
      'recipients.name as recipient_name',
      'recipients.name_sv as recipient_name_sv',
      'recipients.kind as recipient_kind',
      (eb) => eb.fn.coalesce('reports.title', 'phenomena.title').$castTo<string>().as('title'),
    ])
    .where('sendings.organisation_id', '=', organisationId)
    .$if(recipientIds !== 'all', (qb) => qb.where('sendings.recipient_id', 'in', recipientIds as string[]))
    .orderBy('sendings.sent_at', 'desc')
    .orderBy('sendings.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** Whether the user answers for this recipient. */
export async function isRecipientMember(db: AppDb, recipientId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('recipient_members')
    .select('user_id')
    .where('recipient_id', '=', recipientId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

export function createSendingLink(
  trx: Transaction<Database>,
  link: { sendingId: string; tokenHash: string; expiresAt: Date },
) {
  return trx
    .insertInto('sending_links')
    .values({ sending_id: link.sendingId, token_hash: link.tokenHash, expires_at: link.expiresAt })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow()
}

/** Ends the sending's unused links by expiring them now, so an older link explains itself as expired. */
export async function invalidateSendingLinks(trx: Transaction<Database>, sendingId: string, now: Date) {
  await trx
    .updateTable('sending_links')
    .set({ expires_at: now })
    .where('sending_id', '=', sendingId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute()
}

/** The link in whatever state it is, with its sending's state, so the page can tell a used link from an expired one. */
export function findSendingLink(db: AppDb, tokenHash: string) {
  return db
    .selectFrom('sending_links')
    .innerJoin('sendings', 'sendings.id', 'sending_links.sending_id')
    .innerJoin('recipients', 'recipients.id', 'sendings.recipient_id')
    .select([
      'sending_links.id',
      'sending_links.expires_at',
      'sending_links.used_at',
      'sendings.id as sending_id',
      'sendings.organisation_id',
      'sendings.state',
      'recipients.locale',
    ])
    .where('sending_links.token_hash', '=', tokenHash)
    .where('recipients.kind', '=', 'partner')
    .executeTakeFirst()
}

/** Spends the link; false when it was used or lapsed meanwhile, so two submissions cannot both be recorded. */
export async function markSendingLinkUsed(trx: Transaction<Database>, linkId: string, now: Date): Promise<boolean> {
  const used = await trx
    .updateTable('sending_links')
    .set({ used_at: now })
    .where('id', '=', linkId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst()
  return used !== undefined
}

/** Partners' unfinished sendings that have waited the reminder time without one; `isReminderDue` has the last word. */
export function listSendingsAwaitingReminder(db: AppDb, now: Date) {
  return db
    .selectFrom('sendings')
    .innerJoin('recipients', 'recipients.id', 'sendings.recipient_id')
    .select([
      'sendings.id',
      'sendings.organisation_id',
      'sendings.recipient_id',
      'sendings.state',
      'sendings.sent_at',
      'sendings.reminded_at',
    ])
    .where('recipients.kind', '=', 'partner')
    .where('sendings.state', 'in', ['sent', 'received'])
    .where('sendings.reminded_at', 'is', null)
    .where('sendings.sent_at', '<=', new Date(now.getTime() - reminderAfterMs))
    .orderBy('sendings.sent_at')
    .limit(100)
    .execute()
}

/** Claims the sending's one reminder; false when another worker claimed it or the sending was answered meanwhile. */
export async function markSendingReminded(trx: Transaction<Database>, sendingId: string, now: Date): Promise<boolean> {
  const updated = await trx
    .updateTable('sendings')
    .set({ reminded_at: now })
    .where('id', '=', sendingId)
    .where('reminded_at', 'is', null)
    .where('state', 'in', ['sent', 'received'])
    .returning('id')
    .executeTakeFirst()
  return updated !== undefined
}

export type SendingView = NonNullable<Awaited<ReturnType<typeof getSending>>>
