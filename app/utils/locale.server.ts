import Negotiator from 'negotiator'
import { defaultLocale, isLocale, type Locale, locales } from './i18n.ts'
import { localeCookie } from './cookies.server.ts'

/**
 * The signed-in user's saved language wins; otherwise the language chosen on this browser (the cookie); otherwise,
 * on a first visit, the best of the browser's own languages we have (sv-FI gets Swedish); otherwise Finnish.
 */
export async function getRequestLocale(request: Request, userLocale?: Locale): Promise<Locale> {
  if (userLocale) return userLocale
  const fromCookie: unknown = await localeCookie().parse(request.headers.get('Cookie'))
  if (isLocale(fromCookie)) return fromCookie
  return browserLocale(request) ?? defaultLocale
}

/** The best of the languages the browser or API client asks for (Accept-Language) that we have; null if none. */
export function browserLocale(request: Request): Locale | null {
  const header = request.headers.get('Accept-Language')
  if (!header) return null
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...locales])
  return isLocale(best) ? best : null
}
