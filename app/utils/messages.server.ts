import { createHash } from 'node:crypto'
import { catalogs, type Locale } from './i18n.ts'

const versions = new Map<Locale, string>()

/** A short hash of the language's messages: it changes exactly when they do, so the URL may be cached for good. */
export function messagesVersion(locale: Locale): string {
  let version = versions.get(locale)
  if (!version) {
    version = createHash('sha256').update(JSON.stringify(catalogs[locale])).digest('hex').slice(0, 12)
    versions.set(locale, version)
  }
  return version
}

/** Where the browser fetches the reader's messages (app/routes/messages.$locale.ts). */
export function messagesHref(locale: Locale): string {
  return `/messages/${locale}?v=${messagesVersion(locale)}`
}
