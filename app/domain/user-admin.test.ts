import { expect, test } from 'vitest'
import { locksOutSelf } from './user-admin.ts'

test('an admin cannot deactivate themselves or drop their own admin role', () => {
  expect(locksOutSelf('a', 'a', { roles: ['admin'], active: false })).toBe(true)
  expect(locksOutSelf('a', 'a', { roles: ['worker'], active: true })).toBe(true)
  expect(locksOutSelf('a', 'a', { roles: ['admin', 'worker'], active: true })).toBe(false)
})

test('an admin may change anyone else', () => {
  expect(locksOutSelf('a', 'b', { roles: [], active: false })).toBe(false)
})
