import { describe, expect, test } from 'vitest'
import { catalogs, formatDate, formatNumber, locales, translate } from './i18n.ts'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('message catalogs', () => {
  test.each(locales)('%s has every message, none empty, with the same placeholders as Finnish', (locale) => {
    for (const [key, finnish] of Object.entries(catalogs.fi)) {
      const text = catalogs[locale][key as keyof typeof catalogs.fi]
      expect(text, key).toBeTruthy()
      expect(placeholders(text), key).toEqual(placeholders(finnish))
    }
  })

  test('Swedish and English are translations, not copies of Finnish', () => {
    expect(translate('sv', 'login.title')).toBe('Logga in')
    expect(translate('en', 'login.title')).toBe('Log in')
    expect(translate('fi', 'login.title')).toBe('Kirjaudu sisään')
  })

  test('parameters are filled in and numbers formatted for the language', () => {
    expect(translate('fi', 'login.throttled', { seconds: 1500 })).toContain('1\u00a0500 sekuntia')
    expect(translate('en', 'login.throttled', { seconds: 1500 })).toContain('1,500 seconds')
  })
})

describe('formatting', () => {
  const date = new Date('2026-03-05T22:30:00Z')
  test('dates follow each language and the Finnish time zone', () => {
    expect(formatDate('fi', date)).toBe('6.3.2026')
    expect(formatDate('sv', date)).toBe('6 mars 2026')
    expect(formatDate('en', date)).toBe('6 Mar 2026')
  })

  test('numbers use the language’s separators', () => {
    expect(formatNumber('fi', 1234.5)).toBe('1\u00a0234,5')
    expect(formatNumber('sv', 1234.5)).toBe('1\u00a0234,5')
    expect(formatNumber('en', 1234.5)).toBe('1,234.5')
  })
})

describe('messages built from codes', () => {
  test('every code the app can show has a message', async () => {
    const fields = await import('#app/domain/report-fields.ts')
    const { transitions } = await import('#app/domain/report-status.ts')
    const { reportStatuses } = await import('#app/models/database.ts')
    const keys = [
      ...fields.supportNeeds.map((code) => `supportNeed.${code}`),
      ...fields.clientGroups.map((code) => `clientGroup.${code}`),
      ...fields.ageBands.map((code) => `ageBand.${code}`),
      ...fields.genders.map((code) => `gender.${code}`),
      ...fields.trends.map((code) => `trend.${code}`),
      ...fields.sectors.map((code) => `sector.${code}`),
      ...fields.actionLevels.map((code) => `actionLevel.${code}`),
      ...reportStatuses.map((status) => `status.${status}`),
      ...transitions.map((rule) => `report.transition.to.${rule.to}`),
      ...['personal_identity_code', 'phone_number', 'email_address', 'street_address', 'name'].map(
        (kind) => `report.guard.kind.${kind}`,
      ),
      ...['title', 'description', 'causes', 'consequences', 'actions', 'comment', 'phenomenonTitle'].map(
        (field) => `report.field.${field}`,
      ),
    ]
    for (const key of keys) expect(key in catalogs.fi, key).toBe(true)
  })
})
