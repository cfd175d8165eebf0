import { expect, test } from 'vitest'
import { loginDelaySeconds, secondsUntilNextAttempt } from './login-throttle.ts'

test('the first five failures cost nothing, then the wait doubles up to 15 minutes', () => {
  expect([0, 1, 4].map(loginDelaySeconds)).toEqual([0, 0, 0])
  expect([5, 6, 7, 8].map(loginDelaySeconds)).toEqual([30, 60, 120, 240])
  expect(loginDelaySeconds(40)).toBe(900)
})

test('the remaining wait counts from the last failure', () => {
  const lastFailureAt = new Date('2026-01-01T10:00:00Z')
  expect(secondsUntilNextAttempt({ failures: 5, lastFailureAt }, new Date('2026-01-01T10:00:10Z'))).toBe(20)
  expect(secondsUntilNextAttempt({ failures: 5, lastFailureAt }, new Date('2026-01-01T10:00:31Z'))).toBe(0)
  expect(secondsUntilNextAttempt(undefined, lastFailureAt)).toBe(0)
})
