import { describe, expect, test } from 'vitest'
import { isRetryable, parseRetryAfter, rateLimitWaitMs, requestGapMs, retryDelayMs } from './email-delivery.ts'

describe('retrying a failed email', () => {
  test.each([
    [null, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [422, false],
  ])('status %s is retried: %s', (status, expected) => {
    expect(isRetryable(status)).toBe(expected)
  })

  test('the delay doubles per attempt, with jitter between half and all of it', () => {
    expect(retryDelayMs(1, null, () => 1)).toBe(30_000)
    expect(retryDelayMs(2, null, () => 1)).toBe(60_000)
    expect(retryDelayMs(3, null, () => 0)).toBe(60_000)
    expect(retryDelayMs(4, null, () => 0.5)).toBe(180_000)
  })

  test('the delay never exceeds six hours', () => {
    expect(retryDelayMs(30, null, () => 1)).toBe(6 * 60 * 60 * 1000)
  })

  test('Retry-After wins when it asks for longer', () => {
    expect(retryDelayMs(1, 120_000, () => 1)).toBe(120_000)
    expect(retryDelayMs(3, 1000, () => 1)).toBe(120_000)
  })

  test('Retry-After is read as seconds or as a date', () => {
    const now = new Date('2026-11-23T10:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })

  test('a rate limit waits for the later of Retry-After and RateLimit-Reset, or the first retry’s delay', () => {
    const now = new Date('2026-11-23T10:00:00Z')
    expect(rateLimitWaitMs({ retryAfter: '1', rateLimitReset: '3' }, now)).toBe(3000)
    expect(rateLimitWaitMs({ retryAfter: '2', rateLimitReset: null }, now)).toBe(2000)
    expect(rateLimitWaitMs({ retryAfter: null, rateLimitReset: '0.5' }, now)).toBe(500)
    expect(rateLimitWaitMs({ retryAfter: null, rateLimitReset: null }, now, () => 1)).toBe(30_000)
  })
})

describe('pacing requests to the provider', () => {
  test('at 2 requests a second no three requests fall within one second', () => {
    expect(requestGapMs(2) * 2).toBeGreaterThan(1000)
    expect(requestGapMs(10) * 10).toBeGreaterThan(1000)
  })
})
