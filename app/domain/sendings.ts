import { z } from 'zod'
import { type Actor, type ReportStatus } from './report-status.ts'
import { type Role } from './roles.ts'

/**
 * One report or phenomenon sent to one recipient: sent, then (optionally) received, then answered, or returned
 * unanswered with a reason. An answered or returned sending is finished.
 */
export const sendingStates = ['sent', 'received', 'answered', 'returned'] as const
export type SendingState = (typeof sendingStates)[number]

const day = 24 * 60 * 60 * 1000

/** A partner's response link works for 30 days, like an invitation that waits for someone on leave. */
export const responseLinkValidityMs = 30 * day

/** A partner who has not answered in 14 days is reminded once. */
export const reminderAfterMs = 14 * day

export function isFinished(state: SendingState): boolean {
  return state === 'answered' || state === 'returned'
}

/** Which moves a sending may make from where it is; a finished sending stays as it is. */
export function canMove(from: SendingState, to: SendingState): boolean {
  switch (from) {
    case 'sent':
      return to === 'received' || to === 'answered' || to === 'returned'
    case 'received':
      return to === 'answered' || to === 'returned'
    case 'answered':
    case 'returned':
      return false
  }
}

/**
 * What an answer promises can be followed up like a decision: once a sending is answered, a coordinator or a member
 * of the body that answered records it as a follow-up with a target date.
 */
export function mayFollowUpAnswer(
  standing: { coordinator: boolean; isMember: boolean },
  sending: { state: SendingState },
): boolean {
  return sending.state === 'answered' && (standing.coordinator || standing.isMember)
}

/** Whether a partner's unanswered sending is due its one reminder at `now`. */
export function isReminderDue(
  sending: { state: SendingState; sentAt: Date; remindedAt: Date | null },
  now: Date,
): boolean {
  return (
    !isFinished(sending.state) &&
    sending.remindedAt === null &&
    now.getTime() - sending.sentAt.getTime() >= reminderAfterMs
  )
}

/** A report may be sent on once it has left the team's review: forwarded or later, or closed. */
export const sendableReportStatuses = [
  'forwarded',
  'on_agenda',
  'decided',
  'in_welfare_report',
  'closed',
] as const satisfies readonly ReportStatus[]

/**
 * A team lead sends on the reports of the teams they lead, a coordinator any report of the organisation; either only
 * once the report has left review.
 */
export function canSendReport(actor: Actor, status: ReportStatus): boolean {
  if (!(sendableReportStatuses as readonly ReportStatus[]).includes(status)) return false
  return actor.roles.includes('coordinator') || (actor.roles.includes('team_lead') && actor.leadsReportTeam)
}

/** Phenomena are the organisation's, so only a coordinator sends them on. */
export function canSendPhenomenon(roles: readonly Role[]): boolean {
  return roles.includes('coordinator')
}

/** What a member of the recipient may do with a sending next: mark it received, answer it, or return it. */
export type SendingMove = 'received' | 'answered' | 'returned'

/** The moves a member of an internal body may make now; none for a finished sending or for anyone else. */
export function availableSendingMoves(state: SendingState, isMember: boolean): SendingMove[] {
  if (!isMember) return []
  return (['received', 'answered', 'returned'] as const).filter((to) => canMove(state, to))
}

export const SendRequestSchema = z.object({
  recipientIds: z
    .array(z.uuid({ error: 'send.validation.recipients' }), { error: 'send.validation.recipients' })
    .min(1, 'send.validation.recipients')
    .max(50, 'send.validation.recipients')
    .transform((ids) => [...new Set(ids)]),
  coveringNote: z
    .string({ error: 'send.validation.coveringNote' })
    .trim()
    .min(1, 'send.validation.coveringNote')
    .max(5000, 'validation.tooLong'),
})
export type SendRequest = z.output<typeof SendRequestSchema>
