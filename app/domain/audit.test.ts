import { describe, expect, test } from 'vitest'
import { getTranslate } from '#app/utils/i18n.ts'
import { apiReadEntry, auditActions, auditEntryInWords, changedFields, userChangeAction } from './audit.ts'

describe('changedFields', () => {
  test('keeps only what differs, each with before and after; lists compare as sets', () => {
    expect(
      changedFields(
        { name: 'Sari', roles: ['worker', 'team_lead'], active: true, teamIds: [] },
        { name: 'Sari', roles: ['team_lead', 'worker', 'admin'], active: false, teamIds: [] },
      ),
    ).toEqual({
      roles: { before: ['worker', 'team_lead'], after: ['team_lead', 'worker', 'admin'] },
      active: { before: true, after: false },
    })
    expect(changedFields({ roles: ['a', 'b'] }, { roles: ['b', 'a'] })).toEqual({})
  })
})

describe('userChangeAction', () => {
  test('says deactivation before roles, roles before teams, else a plain change', () => {
    expect(userChangeAction({ active: {}, roles: {} })).toBe('user.deactivated')
    expect(userChangeAction({ roles: {}, teamIds: {} })).toBe('user.roles_changed')
    expect(userChangeAction({ teamIds: {} })).toBe('membership.changed')
    expect(userChangeAction({ name: {} })).toBe('user.changed')
  })
})

describe('apiReadEntry', () => {
  const id = '0b9f4a52-6a4e-4f3c-9a57-2f5e1c7d8a10'
  test('a report, its events or sendings are reads of that report; lists are API reads of their path', () => {
    expect(apiReadEntry(`/api/v1/reports/${id}`)).toEqual({ action: 'report.read', target: { type: 'report', id } })
    expect(apiReadEntry(`/api/v1/reports/${id.toUpperCase()}/events`).target).toEqual({ type: 'report', id })
    expect(apiReadEntry(`/api/v1/welfare-reports/${id}`).action).toBe('welfare_report.read')
    expect(apiReadEntry('/api/v1/statistics')).toEqual({
      action: 'api.read',
      target: { type: 'api', id: '/api/v1/statistics' },
    })
  })
})

describe('auditEntryInWords', () => {
  const row = {
    action: 'user.roles_changed',
    target_type: 'user',
    target_id: 'u-1',
    details: { changes: { roles: { before: ['worker'], after: [] } }, route: '/admin/users/u-1', method: 'POST' },
    actor_name: null,
    target_name: null,
    api_token_id: null,
    api_token_name: null,
  }

  test('every action has a name in every language', () => {
    for (const locale of ['fi', 'sv', 'en'] as const) {
      const t = getTranslate(locale)
      for (const action of auditActions) {
        expect(auditEntryInWords(t, { ...row, action }).what).not.toBe(action)
      }
    }
  })

  test('tells the change, the route and an unknown actor in words', () => {
    const words = auditEntryInWords(getTranslate('en'), row)
    expect(words).toEqual({
      who: 'Unknown',
      what: 'Changed a user’s roles',
      target: 'User u-1',
      via: 'Page /admin/users/u-1',
      changes: ['roles: worker → (nothing)'],
    })
    const named = auditEntryInWords(getTranslate('en'), { ...row, target_name: 'Sari Sosiaalityöntekijä' })
    expect(named.target).toBe('User Sari Sosiaalityöntekijä')
    const signIn = { ...row, action: 'sign_in', details: { method: 'password' } }
    expect(auditEntryInWords(getTranslate('en'), signIn).changes).toEqual(['method: password'])
    const viaToken = auditEntryInWords(getTranslate('en'), { ...row, api_token_id: 't', api_token_name: 'Raportit' })
    expect(viaToken.via).toBe('API, token “Raportit”')
  })
})
