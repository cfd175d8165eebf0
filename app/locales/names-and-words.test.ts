import { expect, test } from 'vitest'
import { catalogs } from '#app/utils/i18n.ts'

/** One name for one thing (issue 14): the person who filed a report, and good practices, in every language. */
const otherWords = {
  fi: [/laatija/i, /kirjoittaj/i],
  sv: [/god praxis/i, /skribent/i, /författare/i, /du skrev rapporten/i],
  en: [/\bauthors?\b/i, /\bwriter\b/i, /you wrote the report/i],
} as const

test.each(Object.entries(otherWords))('%s names the reporter and good practices one way', (locale, words) => {
  const messages = Object.entries(catalogs[locale as keyof typeof catalogs])
  for (const word of words) {
    expect(
      messages.filter(([, text]) => word.test(text)),
      String(word),
    ).toEqual([])
  }
})

test('good practices are goda exempel in Swedish wherever they are counted or flagged', () => {
  expect(catalogs.sv['filters.kind.positive']).toBe('Goda exempel')
  expect(catalogs.sv['welfare.figures.positive']).toBe('Goda exempel')
  expect(catalogs.fi['report.field.author']).toBe('Raportoija')
})
