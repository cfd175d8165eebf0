import { describe, expect, test } from 'vitest'
import {
  countsAsFeedback,
  firstFeedbackAt,
  isOverdue,
  isWaitingForFeedback,
  median,
  type ReportEventFact,
  type SubmittedReport,
  summariseFeedbackTimes,
} from './feedback-times-definition.ts'

const now = new Date('2026-05-01T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
const author = 'author'
const lead = 'lead'

function report(overrides: Partial<SubmittedReport> = {}): SubmittedReport {
  return { authorId: author, status: 'submitted', submittedAt: daysAgo(10), ...overrides }
}

function event(actorId: string, at: Date, type: ReportEventFact['type'] = 'status_changed'): ReportEventFact {
  return { actorId, type, createdAt: at }
}

describe('first feedback', () => {
  test('is the first event by someone other than the author after the latest submission', () => {
    const events = [
      event(author, daysAgo(20), 'created'),
      event(lead, daysAgo(15)), // feedback on an earlier submission
      event(author, daysAgo(10)), // the resubmission itself
      event(lead, daysAgo(7), 'phenomenon_linked'),
      event(lead, daysAgo(6)),
    ]
    expect(firstFeedbackAt(report(), events)).toEqual(daysAgo(7))
  })

  test('the author’s own steps never count, whatever they are', () => {
    const own = report({ status: 'in_review' })
    expect(countsAsFeedback(own, event(author, daysAgo(5)))).toBe(false)
    expect(countsAsFeedback(own, event(author, daysAgo(5), 'phenomenon_linked'))).toBe(false)
    expect(firstFeedbackAt(own, [event(author, daysAgo(5))])).toBeNull()
  })

  test('a created event and events before the submission do not count', () => {
    expect(countsAsFeedback(report(), event(lead, daysAgo(5), 'created'))).toBe(false)
    expect(countsAsFeedback(report(), event(lead, daysAgo(10)))).toBe(false)
    expect(countsAsFeedback(report({ submittedAt: null }), event(lead, daysAgo(5)))).toBe(false)
  })
})

describe('waiting and overdue', () => {
  test('a submitted or in-review report without feedback waits', () => {
    expect(isWaitingForFeedback(report(), null)).toBe(true)
    expect(isWaitingForFeedback(report({ status: 'in_review' }), null)).toBe(true)
    expect(isWaitingForFeedback(report(), daysAgo(2))).toBe(false)
  })

  test('a report that moved on without feedback, or was never submitted, does not wait', () => {
    expect(isWaitingForFeedback(report({ status: 'withdrawn' }), null)).toBe(false)
    expect(isWaitingForFeedback(report({ status: 'forwarded' }), null)).toBe(false)
    expect(isWaitingForFeedback(report({ status: 'draft', submittedAt: null }), null)).toBe(false)
  })

  test('overdue means waiting strictly longer than the limit', () => {
    expect(isOverdue(report({ submittedAt: daysAgo(14) }), null, 14, now)).toBe(false)
    expect(isOverdue(report({ submittedAt: daysAgo(14.1) }), null, 14, now)).toBe(true)
    expect(isOverdue(report({ submittedAt: daysAgo(14.1) }), null, 30, now)).toBe(false)
    expect(isOverdue(report({ submittedAt: daysAgo(40) }), daysAgo(1), 14, now)).toBe(false)
  })
})

describe('median', () => {
  test('median takes the middle value or the mean of the two middle ones', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 2, 10])).toBe(3)
  })
})

describe('summariseFeedbackTimes', () => {
  test('median and longest cover the period; waiting and overdue are counted whenever submitted', () => {
    const summary = summariseFeedbackTimes(
      [
        { ...report({ submittedAt: daysAgo(30), status: 'in_review' }), events: [event(lead, daysAgo(29))] },
        { ...report({ submittedAt: daysAgo(20), status: 'closed' }), events: [event(lead, daysAgo(17))] },
        { ...report({ submittedAt: daysAgo(12), status: 'in_review' }), events: [event(lead, daysAgo(7.5))] },
        { ...report({ submittedAt: daysAgo(200), status: 'closed' }), events: [event(lead, daysAgo(100))] },
        { ...report({ submittedAt: daysAgo(120) }), events: [event(author, daysAgo(119))] },
        { ...report({ submittedAt: daysAgo(3) }), events: [] },
      ],
      { now, periodDays: 90, limitDays: 14 },
    )
    expect(summary).toEqual({ submitted: 4, medianDays: 3, longestDays: 4.5, waiting: 2, overdue: 1 })
  })

  test('a team without feedback in the period has no times', () => {
    expect(summariseFeedbackTimes([], { now, periodDays: 90, limitDays: 14 })).toEqual({
      submitted: 0,
      medianDays: null,
      longestDays: null,
      waiting: 0,
      overdue: 0,
    })
  })
})
