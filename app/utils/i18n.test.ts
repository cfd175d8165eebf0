import { describe, expect, test } from 'vitest'
import {
  catalogs,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  locales,
  pluralArguments,
  translate,
  type MessageKey,
} from './i18n.ts'

/** Plain `{name}` placeholders and the counts of `{name, plural, …}` alike. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]).sort()

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

describe('counted messages', () => {
  /** Parameters that carry a number of things; written next to a word, they need the word's plural forms. */
  const countParams = ['count', 'items', 'reports', 'teams', 'municipalities', 'days', 'seconds', 'limit', 'threshold']
  /** Units of measure are not inflected. */
  const units = ['Mt', 'MB']
  const bareCount = new RegExp(`\\{(${countParams.join('|')})\\}\\s(?!${units.join('|')})\\p{L}`, 'u')
  const keys = Object.keys(catalogs.fi) as MessageKey[]
  const counted = keys.filter((key) => pluralArguments(catalogs.fi[key]).length > 0)

  test.each(locales)('%s never puts a bare count before a word', (locale) => {
    for (const key of keys) expect(catalogs[locale][key], key).not.toMatch(bareCount)
  })

  test.each(locales)('%s has the one and other forms of every counted message, chosen for 1 and 2', (locale) => {
    expect(counted.length).toBeGreaterThan(10)
    for (const key of counted) {
      const plurals = pluralArguments(catalogs[locale][key])
      expect(plurals.map((plural) => plural.name).sort(), key).toEqual(
        pluralArguments(catalogs.fi[key])
          .map((plural) => plural.name)
          .sort(),
      )
      const params = (count: number) => ({
        ...Object.fromEntries(placeholders(catalogs.fi[key]).map((name) => [name!, 'x'])),
        ...Object.fromEntries(plurals.map((plural) => [plural.name, count])),
      })
      for (const { forms } of plurals) {
        expect(Object.keys(forms), key).toEqual(expect.arrayContaining(['one', 'other']))
        expect(translate(locale, key, params(1)), key).toContain(forms.one!.replaceAll('#', '1'))
        expect(translate(locale, key, params(2)), key).toContain(forms.other!.replaceAll('#', '2'))
      }
      for (const count of [1, 2]) expect(translate(locale, key, params(count)), key).not.toMatch(/[{}#]/)
    }
  })

  test('one thing is singular in every language, and large counts are formatted', () => {
    const one = { reports: 1, teams: 1, municipalities: 1, since: '1.1.2026' }
    expect(translate('fi', 'phenomenon.summary', one)).toBe('1 raportti, 1 tiimi, 1 kunta; havaittu 1.1.2026 alkaen.')
    expect(translate('fi', 'notifications.unreadCount', { count: 1 })).toBe('1 lukematon')
    expect(translate('fi', 'meetings.publish.explanation', { items: 1, reports: 2 })).toMatch(
      /^Esityslistalla on 1 asia ja 2 suoraan liitettyä raporttia\./,
    )
    expect(translate('sv', 'meetings.publish.explanation', { items: 1, reports: 1 })).toMatch(
      /^Föredragningslistan har 1 ärende och 1 direkt kopplad rapport\./,
    )
    expect(translate('en', 'meetings.publish.explanation', { items: 1, reports: 1 })).toMatch(
      /^The agenda has 1 item and 1 directly linked report\./,
    )
    expect(translate('en', 'phenomenon.summary', { ...one, reports: 1500 })).toMatch(/^1,500 reports, 1 team,/)
  })
})

describe('section numbers', () => {
  test('Finnish and Swedish write the number before §', () => {
    for (const locale of ['fi', 'sv'] as const) {
      for (const [key, text] of Object.entries(catalogs[locale])) expect(text, key).not.toMatch(/§\s*\{?\d/)
      expect(translate(locale, 'meetings.item.number', { number: 11 })).toBe('11 §')
    }
  })
})

describe('formatting', () => {
  const date = new Date('2026-03-05T22:30:00Z')
  test('dates follow each language and the Finnish time zone', () => {
    expect(formatDate('fi', date)).toBe('6.3.2026')
    expect(formatDate('sv', date)).toBe('6.3.2026')
    expect(formatDate('en', date)).toBe('6 Mar 2026')
  })

  test('a month is named, not given as its first day', () => {
    expect(formatMonth('fi', '2026-03-01')).toBe('maaliskuu 2026')
    expect(formatMonth('sv', '2026-03')).toBe('mars 2026')
    expect(formatMonth('en', '2026-12-01')).toBe('December 2026')
  })

  test('times are written as each language writes them in Finland: Swedish with "kl."', () => {
    const evening = new Date('2026-12-04T16:48:00Z')
    expect(formatDateTime('fi', evening)).toBe('4.12.2026 klo 18.48')
    expect(formatDateTime('sv', evening)).toBe('4.12.2026 kl. 18.48')
    expect(formatDateTime('en', evening)).toBe('4 Dec 2026, 18:48')
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
