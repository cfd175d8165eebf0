import { type Catalog, catalogs } from '#app/locales/catalogs.ts'
import type { MessageKey } from '#app/locales/fi.ts'

export type { Catalog, MessageKey }
export { catalogs }
export const locales = ['fi', 'sv', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'fi'

/**
 * The server holds every language; the browser only the reader's (ADR 029), which is there before the page
 * hydrates. Until another language it is switched to has arrived, the browser keeps showing the one it has.
 */
export function catalogFor(locale: Locale): Catalog {
  const loaded: Partial<Record<Locale, Catalog>> = catalogs
  const catalog = loaded[locale] ?? Object.values(loaded).find((other) => other !== undefined)
  if (!catalog) throw new Error(`no message catalog is loaded (asked for ${locale})`)
  return catalog
}

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

export function isMessageKey(value: string): value is MessageKey {
  // Every catalog has the same keys, and the browser holds only one of them.
  return Object.hasOwn(catalogFor(defaultLocale), value)
}

export type TranslateParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: TranslateParams) => string

export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = catalogFor(locale)[key]
  if (!params) return template
  return choosePluralForms(locale, template, params).replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? formatValue(locale, params[name]!) : match,
  )
}

/**
 * A counted noun is written as a subset of ICU MessageFormat, `{count, plural, one {# raportti} other {# raporttia}}`:
 * Intl.PluralRules picks the form for the language and `#` is the number formatted for it. A form may hold plain
 * `{name}` placeholders but no further plural.
 */
const pluralPattern = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g
const pluralFormPattern = /(\w+)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g

export interface PluralArgument {
  name: string
  /** Text by plural category (`one`, `other`, …), with `#` where the number goes. */
  forms: Record<string, string>
}

export function pluralArguments(template: string): PluralArgument[] {
  return [...template.matchAll(pluralPattern)].map(([, name, forms]) => ({
    name: name!,
    forms: Object.fromEntries([...forms!.matchAll(pluralFormPattern)].map(([, category, text]) => [category, text])),
  }))
}

const pluralRules = Object.fromEntries(
  locales.map((locale) => [locale, new Intl.PluralRules(intlLocales[locale])]),
) as Record<Locale, Intl.PluralRules>

function choosePluralForms(locale: Locale, template: string, params: TranslateParams): string {
  return template.replace(pluralPattern, (match, name: string) => {
    const value = params[name]
    if (typeof value !== 'number') return match
    const [{ forms }] = pluralArguments(match) as [PluralArgument]
    const form = forms[pluralRules[locale].select(value)] ?? forms.other ?? match
    return form.replaceAll('#', formatNumber(locale, value))
  })
}

export function getTranslate(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

function formatValue(locale: Locale, value: string | number): string {
  return typeof value === 'number' ? formatNumber(locale, value) : value
}

/**
 * Building an Intl formatter costs far more than using one (it was 15 % of a queue page's CPU), so each locale and
 * options are built once.
 */
function builtOnce<Options, Format>(build: (locale: string, options: Options) => Format) {
  const built = new Map<string, Format>()
  return (locale: Locale, options: Options): Format => {
    const key = `${locale} ${JSON.stringify(options)}`
    let format = built.get(key)
    if (!format) built.set(key, (format = build(intlLocales[locale], options)))
    return format
  }
}

const numberFormat = builtOnce(
  (locale, options: Intl.NumberFormatOptions | undefined) => new Intl.NumberFormat(locale, options),
)
const dateTimeFormat = builtOnce(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
)

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value)
}

// Formatting in a fixed zone keeps server and browser output identical and matches where the users work.
const timeZone = 'Europe/Helsinki'

// Swedish in Finland writes dates and times the Finnish way, "4.12.2026 kl. 18.48"; Intl's sv-FI writes Sweden's
// "4 dec. 2026 18.48", so Swedish borrows the Finnish numeric forms.
const numericDate = new Intl.DateTimeFormat('fi-FI', { dateStyle: 'medium', timeZone })
const numericTime = new Intl.DateTimeFormat('fi-FI', { timeStyle: 'short', timeZone })

export function formatDate(locale: Locale, value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (locale === 'sv') return numericDate.format(date)
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date)
}

/** A month as a month, "maaliskuu 2026", from a calendar day or month (`yyyy-mm-dd`, `yyyy-mm`). */
export function formatMonth(locale: Locale, value: string): string {
  const [year, month] = value.split('-').map(Number) as [number, number]
  // Noon UTC of the 15th is the same month in every zone.
  const date = new Date(Date.UTC(year, month - 1, 15, 12))
  return dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(date)
}

export function formatDateTime(locale: Locale, value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (locale === 'sv') return `${numericDate.format(date)} kl. ${numericTime.format(date)}`
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
}
