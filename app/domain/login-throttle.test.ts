import { expect, test } from 'vitest'
import { loginDelaySeconds, loginThrottleKeys, secondsUntilNextAttempt } from './login-throttle.ts'

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

test('an account is counted per client, so one client’s failures never make its owner wait elsewhere', () => {
  const attacker = loginThrottleKeys('maija@example.org', '203.0.113.66')
  const owner = loginThrottleKeys('maija@example.org', '198.51.100.77')
  expect(attacker.account).not.toBe(owner.account)
  expect(attacker.client).not.toBe(owner.client)
  expect(loginThrottleKeys('maija@example.org', '203.0.113.66')).toEqual(attacker)
  expect(loginThrottleKeys('pekka@example.org', '203.0.113.66').client).toBe(attacker.client)
})
