import { z } from 'zod'
import { type ReportStatus } from './report-status.ts'

/**
 * How quickly reporters hear back. The rules below are the definition; the SQL in `app/models/report.server.ts`
 * and `app/models/feedback-times.server.ts` computes them in the database, and the integration tests hold it to
 * the same rules restated report by report in `tests/integration/feedback-times-definition.ts`.
 *
 * - The *submission* that counts is the latest one (`reports.submitted_at`, set on every move to `submitted`):
 *   a report sent back for changes and resubmitted starts waiting again.
 * - *Feedback* is any event on the report after that submission made by someone other than its author —
 *   taken into review, changes requested, closed, forwarded, linked to or unlinked from a phenomenon, and steps
 *   no user took (a partner's answer, a follow-up falling overdue). The
 *   author's own steps (resubmitting, withdrawing) and the `created` event never count: a lead who writes a
 *   report and takes it into review themselves has not given anyone feedback.
 * - A report *waits* for first feedback while it is `submitted` or `in_review` and has had no feedback since
 *   the submission. (`in_review` without feedback happens only when the author reviewed it themselves.) A
 *   report that moved on in any other way — withdrawn, or carried on by its own author — no longer waits.
 * - It is *overdue* when it has waited strictly longer than the organisation's limit in days.
 * - Times are in days with one decimal; a team's median and longest cover the reports submitted in the chosen
 *   period that have had feedback. Waiting and overdue counts are the situation now, whenever the report was
 *   submitted, so that a long-forgotten report never drops out of sight.
 */

export const defaultFeedbackLimitDays = 14
export const feedbackLimitRange = { min: 1, max: 365 } as const

/** The limit an admin sets; one message for every way it can be wrong, since the fix is always the same. */
export const FeedbackLimitSchema = z.coerce
  .number({ error: 'validation.feedbackLimit' })
  .int('validation.feedbackLimit')
  .min(feedbackLimitRange.min, 'validation.feedbackLimit')
  .max(feedbackLimitRange.max, 'validation.feedbackLimit')

export const feedbackPeriods = [30, 90, 180, 365] as const
export type FeedbackPeriod = (typeof feedbackPeriods)[number]
export const defaultFeedbackPeriod: FeedbackPeriod = 90

/** The statuses in which a report can still be waiting for its first feedback. */
export const feedbackWaitingStatuses = ['submitted', 'in_review'] as const satisfies readonly ReportStatus[]

const dayMs = 24 * 60 * 60 * 1000

export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / dayMs
}

/** Days are shown and compared with one decimal. */
export function roundDays(days: number): number {
  return Math.round(days * 10) / 10
}

export function periodStart(now: Date, periodDays: number): Date {
  return new Date(now.getTime() - periodDays * dayMs)
}

export interface TeamFeedbackTimes {
  /** Reports submitted (latest submission) in the period. */
  submitted: number
  medianDays: number | null
  longestDays: number | null
  /** Now, whenever submitted. */
  waiting: number
  overdue: number
}
