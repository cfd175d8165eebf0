import { expect, test } from 'vitest'
import { linkState, passwordResetThrottleKeys, tokenExpiresAt, tokenState } from './user-tokens.ts'

const now = new Date('2026-03-02T08:00:00Z')

test('an invitation is valid for seven days and a password reset for one hour', () => {
  expect(tokenExpiresAt('invitation', now).toISOString()).toBe('2026-03-09T08:00:00.000Z')
  expect(tokenExpiresAt('password_reset', now).toISOString()).toBe('2026-03-02T09:00:00.000Z')
})

test('a link is usable until it expires or is used', () => {
  const expiresAt = new Date('2026-03-02T09:00:00Z')
  expect(tokenState({ usedAt: null, expiresAt }, now)).toBe('usable')
  expect(tokenState({ usedAt: null, expiresAt }, expiresAt)).toBe('expired')
  expect(tokenState({ usedAt: now, expiresAt }, now)).toBe('used')
  expect(tokenState({ usedAt: now, expiresAt: now }, new Date('2026-04-01T00:00:00Z'))).toBe('used')
})

test('an invitation is spent once the person has a password; no link works for a deactivated person', () => {
  const token = { usedAt: null, expiresAt: new Date('2026-03-03T08:00:00Z') }
  const invited = { hasPassword: false, canSignIn: true }
  expect(linkState('invitation', token, invited, now)).toBe('usable')
  expect(linkState('invitation', token, { ...invited, hasPassword: true }, now)).toBe('used')
  expect(linkState('password_reset', token, { ...invited, hasPassword: true }, now)).toBe('usable')
  expect(linkState('password_reset', token, { hasPassword: true, canSignIn: false }, now)).toBe('expired')
  expect(linkState('invitation', { ...token, usedAt: now }, invited, now)).toBe('used')
})

test('reset requests are throttled under keys of their own, apart from login attempts', () => {
  const keys = passwordResetThrottleKeys('sari@example.org', '192.0.2.4')
  expect(keys).toEqual(['reset:sari@example.org', 'reset-ip:192.0.2.4'])
  expect(keys.some((key) => key.startsWith('account:') || key.startsWith('ip:'))).toBe(false)
})
