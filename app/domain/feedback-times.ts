import { z } from 'zod'
import { type ReportEventType, type ReportStatus } from '#app/models/database.ts'

/**
 * How quickly reporters hear back. These functions are the definition; the SQL in
 * `app/models/feedback-times.server.ts` and the review queue compute the same thing in the database, and the
 * integration tests hold the two together.
 *
 * - The *submission* that counts is the latest one (`reports.submitted_at`, set on every move to `submitted`):
 *   a report sent back for changes and resubmitted starts waiting again.
 * - *Feedback* is any event on the report after that submission made by someone other than its author —
 *   taken into review, changes requested, closed, forwarded, linked to or unlinked from a phenomenon. The
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

export interface SubmittedReport {
  authorId: string
  status: ReportStatus
  submittedAt: Date | null
}

export interface ReportEventFact {
  actorId: string
  type: ReportEventType
  createdAt: Date
}

const dayMs = 24 * 60 * 60 * 1000

export function countsAsFeedback(report: SubmittedReport, event: ReportEventFact): boolean {
  return (
    report.submittedAt !== null &&
    event.type !== 'created' &&
    event.actorId !== report.authorId &&
    event.createdAt.getTime() > report.submittedAt.getTime()
  )
}

export function firstFeedbackAt(report: SubmittedReport, events: readonly ReportEventFact[]): Date | null {
  const times = events.filter((event) => countsAsFeedback(report, event)).map((event) => event.createdAt.getTime())
  return times.length === 0 ? null : new Date(Math.min(...times))
}

export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / dayMs
}

/** Days are shown and compared with one decimal. */
export function roundDays(days: number): number {
  return Math.round(days * 10) / 10
}

export function isWaitingForFeedback(report: SubmittedReport, firstFeedback: Date | null): boolean {
  return (
    report.submittedAt !== null &&
    firstFeedback === null &&
    (feedbackWaitingStatuses as readonly ReportStatus[]).includes(report.status)
  )
}

export function isOverdue(report: SubmittedReport, firstFeedback: Date | null, limitDays: number, now: Date): boolean {
  return isWaitingForFeedback(report, firstFeedback) && daysBetween(report.submittedAt!, now) > limitDays
}

export function periodStart(now: Date, periodDays: number): Date {
  return new Date(now.getTime() - periodDays * dayMs)
}

/** The middle value, or the mean of the two middle values — what PostgreSQL's `percentile_cont(0.5)` gives. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
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

/** One team's figures from its reports and their events, by the rules above. */
export function summariseFeedbackTimes(
  reports: readonly (SubmittedReport & { events: readonly ReportEventFact[] })[],
  options: { now: Date; periodDays: number; limitDays: number },
): TeamFeedbackTimes {
  const start = periodStart(options.now, options.periodDays)
  const inPeriod = reports.filter((report) => report.submittedAt !== null && report.submittedAt >= start)
  const times = inPeriod.flatMap((report) => {
    const first = firstFeedbackAt(report, report.events)
    return first === null ? [] : [daysBetween(report.submittedAt!, first)]
  })
  const firsts = reports.map((report) => firstFeedbackAt(report, report.events))
  const medianDays = median(times)
  return {
    submitted: inPeriod.length,
    medianDays: medianDays === null ? null : roundDays(medianDays),
    longestDays: times.length === 0 ? null : roundDays(Math.max(...times)),
    waiting: reports.filter((report, index) => isWaitingForFeedback(report, firsts[index]!)).length,
    overdue: reports.filter((report, index) => isOverdue(report, firsts[index]!, options.limitDays, options.now))
      .length,
  }
}
