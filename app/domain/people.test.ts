import { describe, expect, test } from 'vitest'
import { adminMayChangeCredentials, credentialChangesRefused, removalRefusal, removedAccountEmail } from './people.ts'

describe('people in several organisations', () => {
  test('an admin sets credentials only of someone who works in no other organisation', () => {
    expect(adminMayChangeCredentials(0)).toBe(true)
    expect(adminMayChangeCredentials(1)).toBe(false)
  })

  test('a departed person is removed only from an organisation they work in alone, never by themself', () => {
    expect(removalRefusal('admin', { id: 'person', activeMembershipsElsewhere: 0 })).toBeNull()
    expect(removalRefusal('admin', { id: 'person', activeMembershipsElsewhere: 2 })).toBe('member_elsewhere')
    expect(removalRefusal('admin', { id: 'admin', activeMembershipsElsewhere: 0 })).toBe('self')
  })

  test('a removed account’s address is unique and cannot receive mail', () => {
    const id = '6f1c2a8e-0000-4000-8000-000000000001'
    expect(removedAccountEmail(id)).toBe(`removed-${id}@removed.invalid`)
    expect(removedAccountEmail(id)).not.toBe(removedAccountEmail('another'))
  })
})

describe('an admin’s edit of someone who works elsewhere too', () => {
  const shared = { name: 'Maija Meikäläinen', activeMembershipsElsewhere: 1 }

  test('may change roles and teams but not the name or the password', () => {
    expect(credentialChangesRefused(shared, { name: 'Maija Meikäläinen', password: '' })).toEqual([])
    expect(credentialChangesRefused(shared, { name: 'Maija M.', password: 'uusi-pitkä-salasana' })).toEqual([
      'name',
      'password',
    ])
  })

  test('of someone in this organisation only, may change both', () => {
    const local = { ...shared, activeMembershipsElsewhere: 0 }
    expect(credentialChangesRefused(local, { name: 'Maija M.', password: 'uusi-pitkä-salasana' })).toEqual([])
  })
})
