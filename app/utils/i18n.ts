import { en } from '#app/locales/en.ts'
import { fi, type MessageKey } from '#app/locales/fi.ts'
import { sv } from '#app/locales/sv.ts'

export type { MessageKey }
export const locales = ['fi', 'sv', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'fi'

export const catalogs: Record<Locale, Record<MessageKey, string>> = { fi, sv, en }

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

export function isMessageKey(value: string): value is MessageKey {
  return value in fi
}

export type TranslateParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: TranslateParams) => string

export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = catalogs[locale][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? formatValue(locale, params[name]!) : match,
  )
}

export function getTranslate(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

function formatValue(locale: Locale, value: string | number): string {
  return typeof value === 'number' ? formatNumber(locale, value) : value
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocales[locale], options).format(value)
}

// Formatting in a fixed zone keeps server and browser output identical and matches where the users work.
const timeZone = 'Europe/Helsinki'

export function formatDate(locale: Locale, value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'medium', timeZone }).format(date)
}

export function formatDateTime(locale: Locale, value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    date,
  )
}
