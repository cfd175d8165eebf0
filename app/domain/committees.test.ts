import { expect, test } from 'vitest'
import { canSitOnCommittee, wouldHaveTwoChairs } from './committees.ts'

const seats = [
  { userId: 'chair', role: 'chair' as const },
  { userId: 'secretary', role: 'secretary' as const },
]

test('a committee has at most one chair', () => {
  expect(wouldHaveTwoChairs(seats, { userId: 'new', role: 'chair' })).toBe(true)
  expect(wouldHaveTwoChairs(seats, { userId: 'secretary', role: 'chair' })).toBe(true)
})

test('the chair may keep the chair, and anyone may take it when it is free', () => {
  expect(wouldHaveTwoChairs(seats, { userId: 'chair', role: 'chair' })).toBe(false)
  expect(wouldHaveTwoChairs(seats.slice(1), { userId: 'secretary', role: 'chair' })).toBe(false)
  expect(wouldHaveTwoChairs([], { userId: 'new', role: 'chair' })).toBe(false)
})

test('other roles never clash', () => {
  expect(wouldHaveTwoChairs(seats, { userId: 'new', role: 'secretary' })).toBe(false)
  expect(wouldHaveTwoChairs(seats, { userId: 'chair', role: 'member' })).toBe(false)
})

test('only active users with the committee member role may sit on a committee', () => {
  expect(canSitOnCommittee({ roles: ['committee_member'], active: true })).toBe(true)
  expect(canSitOnCommittee({ roles: ['committee_member', 'admin'], active: false })).toBe(false)
  expect(canSitOnCommittee({ roles: ['coordinator', 'admin'], active: true })).toBe(false)
})
