import {
  daysBetween,
  feedbackWaitingStatuses,
  periodStart,
  roundDays,
  type TeamFeedbackTimes,
} from '#app/domain/feedback-times.ts'
import { type ReportEventType } from '#app/domain/report-event-types.ts'
import { type ReportStatus } from '#app/domain/report-status.ts'

/**
 * The feedback-time rules of `app/domain/feedback-times.ts`, restated report by report in TypeScript. The app
 * computes them in SQL (`app/models/report.server.ts`, `app/models/feedback-times.server.ts`); the integration
 * tests apply this plain version to what is stored and hold the SQL to it. It lives with the tests because
 * nothing in the app runs it.
 */

export interface SubmittedReport {
  authorId: string
  status: ReportStatus
  submittedAt: Date | null
}

export interface ReportEventFact {
  /** Null for a step no user took (a partner's answer, the overdue mark): never the author's. */
  actorId: string | null
  type: ReportEventType
  createdAt: Date
}

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

/** The middle value, or the mean of the two middle values — what PostgreSQL's `percentile_cont(0.5)` gives. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
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
