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
