import { type Transaction } from 'kysely'
import { displayName } from '#app/domain/display-name.ts'
import { answerChannel } from '#app/domain/recipients.ts'
import {
  availableSendingMoves,
  canMove,
  canSendPhenomenon,
  canSendReport,
  isFinished,
  isReminderDue,
  responseLinkValidityMs,
  type SendingMove,
  type SendRequest,
} from '#app/domain/sendings.ts'
import { tokenState } from '#app/domain/user-tokens.ts'
import { type Database } from '#app/models/database.ts'
import { enqueueEmail } from '#app/models/email-job.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { getPhenomenon } from '#app/models/phenomenon.server.ts'
import { findSendableRecipients, listMembersToTell, listMembershipRecipientIds } from '#app/models/recipient.server.ts'
import { findVisibleReportState } from '#app/models/report.server.ts'
import {
  createSending,
  createSendingLink,
  findSendingLink,
  getSending,
  invalidateSendingLinks,
  isRecipientMember,
  listSendings,
  listSendingsAwaitingReminder,
  markSendingLinkUsed,
  markSendingReminded,
  recordSendingEvent,
  type SendingSubject,
  updateSendingState,
} from '#app/models/sending.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { hashToken, newSecretToken } from '#app/utils/auth.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type Locale } from '#app/utils/i18n.ts'
import { pageOf, pageWindow } from '#app/utils/paging.ts'
import { actorFor } from './reports.server.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

const sendingsPageSize = 50

const notFound = { ok: false, reason: 'not_found' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const

/** A partner's single-use response link; the secret is only in the returned URL, which goes into the email. */
async function issueResponseLink(trx: Transaction<Database>, sendingId: string, now: Date) {
  await invalidateSendingLinks(trx, sendingId, now)
  const token = newSecretToken()
  const link = await createSendingLink(trx, {
    sendingId,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + responseLinkValidityMs),
  })
  return { id: link.id, url: `${getEnv().appUrl}/respond/${token}`, expiresAt: link.expires_at.toISOString() }
}

export type SendResult = ServiceResult<
  { sendings: { id: string; recipientId: string }[] },
  Exclude<CommonRefusal, { reason: 'stale' }>
>

/** May this user send the report or phenomenon on? Not found when they cannot see it at all. */
async function checkSender(db: AppDb, user: CurrentUser, subject: SendingSubject): Promise<SendResult> {
  if (subject.kind === 'report') {
    const report = await findVisibleReportState(db, user, subject.reportId)
    if (!report) return notFound
    return canSendReport(actorFor(user, report), report.status) ? { ok: true, sendings: [] } : forbidden
  }
  if (!canSendPhenomenon(user.roles)) return forbidden
  const phenomenon = await getPhenomenon(db, user.organisation.id, subject.phenomenonId)
  return phenomenon ? { ok: true, sendings: [] } : notFound
}

/**
 * Sends a report or a phenomenon to one or several recipients at once, each its own sending with the covering note.
 * Every report concerned gets a `sent_to_recipient` event per recipient, so its reporter and followers hear of it; an
 * internal body's members get an email pointing to the sending, and a partner its request email with a single-use
 * link, in the one transaction.
 */
export async function sendOn(user: CurrentUser, input: { subject: SendingSubject } & SendRequest): Promise<SendResult> {
  const db = getDb()
  const organisationId = user.organisation.id
  const allowed = await checkSender(db, user, input.subject)
  if (!allowed.ok) return allowed
  const findings = await scanTextsOfOrganisation(db, organisationId, { coveringNote: input.coveringNote })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const recipients = await findSendableRecipients(db, organisationId, input.recipientIds)
  if (recipients.length !== input.recipientIds.length) {
    return { ok: false, reason: 'invalid', fieldErrors: { recipientIds: 'send.validation.recipientsUnavailable' } }
  }
  const now = new Date()
  const sendings = await db.transaction().execute(async (trx) => {
    const sent: { id: string; recipientId: string }[] = []
    for (const recipient of recipients) {
      const sendingId = await createSending(trx, {
        organisationId,
        recipientId: recipient.id,
        subject: input.subject,
        coveringNote: input.coveringNote,
        sentBy: user.id,
      })
      sent.push({ id: sendingId, recipientId: recipient.id })
      await recordSendingEvent(trx, {
        organisationId,
        sendingId,
        actorId: user.id,
        type: 'sent_to_recipient',
        comment: input.coveringNote,
      })
      if (answerChannel(recipient.kind) === 'members') {
        for (const member of await listMembersToTell(trx, organisationId, recipient.id, user.id)) {
          await enqueueEmail(trx, {
            organisationId,
            recipientId: member.id,
            kind: 'member_request',
            payload: { sendingId },
            idempotencyKey: `member_request/${sendingId}/${member.id}`,
          })
        }
      }
      if (answerChannel(recipient.kind) !== 'link') continue
      const link = await issueResponseLink(trx, sendingId, now)
      await enqueueEmail(trx, {
        organisationId,
        partnerRecipientId: recipient.id,
        kind: 'partner_request',
        payload: { sendingId, url: link.url, expiresAt: link.expiresAt },
        idempotencyKey: `partner_request/${link.id}`,
      })
    }
    return sent
  })
  return { ok: true, sendings }
}

/**
 * One page of the sendings this user may see: all of the organisation's for a coordinator, else those to bodies they
 * answer for.
 */
export async function listSendingsForUser(user: CurrentUser, page: number) {
  const db = getDb()
  const all = user.roles.includes('coordinator')
  const recipientIds = all ? 'all' : await listMembershipRecipientIds(db, user.organisation.id, user.id)
  const rows = await listSendings(db, user.organisation.id, recipientIds, pageWindow(page, sendingsPageSize))
  const { rows: sendings, hasNext } = pageOf(rows, sendingsPageSize)
  return { all, sendings, hasNext, page }
}

/**
 * One sending as its page shows it, with the moves this user may make. Members of the recipient and coordinators see
 * it; to anyone else it does not exist.
 */
export async function readSending(user: CurrentUser, input: { sendingId: string }) {
  const db = getDb()
  const sending = await getSending(db, user.organisation.id, input.sendingId)
  if (!sending) return notFound
  const isMember = await isRecipientMember(db, sending.recipient_id, user.id)
  if (!isMember && !user.roles.includes('coordinator')) return notFound
  const channel = answerChannel(sending.recipient_kind)
  const moves = channel === 'members' ? availableSendingMoves(sending.state, isMember) : []
  return { ok: true, sending, channel, isMember, moves } as const
}

export type SendingMoveResult = ServiceResult<object, CommonRefusal>

/**
 * A member of an internal body marks the sending received, answers it or returns it with a reason, from the version
 * they saw: a sending someone else moved meanwhile is stale, and the text is refused (kept by the page) rather than
 * overwriting the first answer. Answers and returns reach the reporters and followers.
 */
export async function moveSending(
  user: CurrentUser,
  input: { sendingId: string; to: SendingMove; text: string; version: number },
): Promise<SendingMoveResult> {
  const db = getDb()
  const read = await readSending(user, input)
  if (!read.ok) return read
  const { sending } = read
  if (read.channel !== 'members' || !read.isMember) return forbidden
  if (sending.version !== input.version) return { ok: false, reason: 'stale' }
  if (!canMove(sending.state, input.to)) return forbidden
  if (input.to !== 'received') {
    const findings = await scanTextsOfOrganisation(db, user.organisation.id, { text: input.text })
    if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  }
  const moved = await db.transaction().execute(async (trx) => {
    const updated = await updateSendingState(trx, {
      organisationId: user.organisation.id,
      sendingId: sending.id,
      from: sending.state,
      to: input.to,
      expectedVersion: input.version,
      ...(input.to === 'received' ? {} : { answer: input.text, answeredBy: user.id }),
    })
    if (!updated || input.to === 'received') return updated
    await recordSendingEvent(trx, {
      organisationId: user.organisation.id,
      sendingId: sending.id,
      actorId: user.id,
      type: input.to === 'answered' ? 'recipient_answered' : 'sending_returned',
      comment: input.text,
    })
    return true
  })
  return moved ? { ok: true } : { ok: false, reason: 'stale' }
}

export type ResponseLinkState = 'usable' | 'used' | 'expired' | 'unknown'

async function inspectResponseLink(db: AppDb, token: string, now: Date) {
  const link = token ? await findSendingLink(db, hashToken(token)) : undefined
  if (!link) return null
  const state = tokenState({ usedAt: link.used_at, expiresAt: link.expires_at }, now)
  // A sending answered by other means (or returned) has nothing more to take.
  return { link, state: state === 'usable' && isFinished(link.state) ? ('used' as const) : state }
}

/** What the partner's response page may show: what was sent, while the link works; else only why it does not. */
export async function readResponseLink(token: string) {
  const db = getDb()
  const inspected = await inspectResponseLink(db, token, new Date())
  if (!inspected) return { state: 'unknown' as const, locale: null }
  const { link, state } = inspected
  const locale: Locale = link.locale
  if (state !== 'usable') return { state, locale }
  const sending = await getSending(db, link.organisation_id, link.sending_id)
  if (!sending) return { state: 'unknown' as const, locale: null }
  return {
    state,
    locale,
    request: {
      organisationName: displayName(locale, sending.organisation_name, sending.organisation_name_sv),
      recipientName: displayName(locale, sending.recipient_name, sending.recipient_name_sv),
      matter: sending.subject,
      coveringNote: sending.covering_note,
      sentAt: sending.sent_at,
    },
  }
}

export type LinkAnswerResult = ServiceResult<
  object,
  | Refused<'link_unusable', { state: Exclude<ResponseLinkState, 'usable'> }>
  | Extract<CommonRefusal, { reason: 'identifying_data' }>
>

/**
 * A partner's answer through its link: the link is spent and the sending answered, with the name they gave, in one
 * transaction, so a link used twice, expired or altered stores nothing. The answer reaches the reporters and
 * followers with no user as its actor.
 */
export async function answerThroughLink(
  token: string,
  input: { answeredByName: string; answer: string },
): Promise<LinkAnswerResult> {
  const db = getDb()
  const now = new Date()
  const unusable = (state: Exclude<ResponseLinkState, 'usable'>) =>
    ({ ok: false, reason: 'link_unusable', state }) as const
  const inspected = await inspectResponseLink(db, token, now)
  if (!inspected) return unusable('unknown')
  const { link, state } = inspected
  if (state !== 'usable') return unusable(state)
  const findings = await scanTextsOfOrganisation(db, link.organisation_id, { answer: input.answer })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  return db
    .transaction()
    .execute(async (trx): Promise<LinkAnswerResult> => {
      if (!(await markSendingLinkUsed(trx, link.id, now))) return unusable('used')
      const answered = await updateSendingState(trx, {
        organisationId: link.organisation_id,
        sendingId: link.sending_id,
        from: link.state,
        to: 'answered',
        expectedVersion: null,
        answer: input.answer,
        answeredByName: input.answeredByName || null,
      })
      // Rolled back with the link: the sending moved on meanwhile, so the link counts as used and nothing is stored.
      if (!answered) throw new SendingMovedError()
      await recordSendingEvent(trx, {
        organisationId: link.organisation_id,
        sendingId: link.sending_id,
        actorId: null,
        type: 'recipient_answered',
        comment: input.answer,
      })
      return { ok: true }
    })
    .catch((error: unknown) => {
      if (error instanceof SendingMovedError) return unusable('used')
      throw error
    })
}

class SendingMovedError extends Error {}

/**
 * Sends each partner that has not answered in 14 days its one reminder, with a fresh link that ends the earlier one.
 * Claiming the reminder and queuing its email share a transaction, so every worker may run this and none sends twice.
 */
export async function remindPartners(db: AppDb, now = new Date()) {
  const due = (await listSendingsAwaitingReminder(db, now)).filter((sending) =>
    isReminderDue({ state: sending.state, sentAt: sending.sent_at, remindedAt: sending.reminded_at }, now),
  )
  for (const sending of due) {
    await db.transaction().execute(async (trx) => {
      if (!(await markSendingReminded(trx, sending.id, now))) return
      const link = await issueResponseLink(trx, sending.id, now)
      await enqueueEmail(trx, {
        organisationId: sending.organisation_id,
        partnerRecipientId: sending.recipient_id,
        kind: 'partner_reminder',
        payload: { sendingId: sending.id, url: link.url, expiresAt: link.expiresAt },
        idempotencyKey: `partner_reminder/${sending.id}`,
      })
    })
  }
  return due.length
}
