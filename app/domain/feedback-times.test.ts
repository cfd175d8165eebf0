import { describe, expect, test } from 'vitest'
import { daysBetween, FeedbackLimitSchema, roundDays } from './feedback-times.ts'

const now = new Date('2026-05-01T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)

describe('numbers', () => {
  test('days between two moments, rounded to one decimal', () => {
    expect(daysBetween(daysAgo(3), now)).toBe(3)
    expect(roundDays(daysBetween(daysAgo(2.25), now))).toBe(2.3)
    expect(roundDays(1.04)).toBe(1)
  })
})

describe('FeedbackLimitSchema', () => {
  test('accepts whole days from 1 to 365', () => {
    expect(FeedbackLimitSchema.parse('1')).toBe(1)
    expect(FeedbackLimitSchema.parse(' 365 ')).toBe(365)
  })

  test.each(['0', '366', '7.5', 'abc', '', '-3'])('rejects %j with one clear message', (value) => {
    const result = FeedbackLimitSchema.safeParse(value)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('validation.feedbackLimit')
  })
})
