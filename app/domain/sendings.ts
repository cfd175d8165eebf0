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
