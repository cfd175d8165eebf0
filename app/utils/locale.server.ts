import { defaultLocale, isLocale, type Locale } from './i18n.ts'
import { localeCookie } from './cookies.server.ts'

/** The signed-in user's saved language wins; otherwise the cookie; otherwise Finnish. */
export async function getRequestLocale(request: Request, userLocale?: Locale): Promise<Locale> {
  if (userLocale) return userLocale
  const fromCookie: unknown = await localeCookie().parse(request.headers.get('Cookie'))
  return isLocale(fromCookie) ? fromCookie : defaultLocale
}
