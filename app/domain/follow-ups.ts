/**
 * What a decision set in motion, tracked until something changes: not started, in progress, done, or not carried
 * out (with a reason). Done and not carried out are final states, but a later update may still reopen them.
 */
export const followUpStatuses = ['not_started', 'in_progress', 'done', 'not_carried_out'] as const
export type FollowUpStatus = (typeof followUpStatuses)[number]

export function isClosed(status: FollowUpStatus): boolean {
  return status === 'done' || status === 'not_carried_out'
}

/**
 * A follow-up past its target date and not closed is overdue. `today` is the Helsinki calendar day `yyyy-mm-dd`;
 * the target day itself is still in time.
 */
export function isOverdue(followUp: { status: FollowUpStatus; targetDate: string }, today: string): boolean {
  return !isClosed(followUp.status) && followUp.targetDate < today
}

/** The weekly reminder to the responsible person and the coordinators. */
export const overdueReminderIntervalMs = 7 * 24 * 60 * 60 * 1000
