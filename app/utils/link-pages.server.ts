import { data, redirect } from '@remix-run/node'
import { NewPasswordSchema } from '#app/domain/password-policy.ts'
import { type TokenPurpose } from '#app/domain/user-tokens.ts'
import { setPasswordThroughLink } from '#app/services/accounts.server.ts'
import { localeCookie } from './cookies.server.ts'
import { readProtectedForm } from './csrf.server.ts'
import { parseForm } from './forms.ts'
import { defaultLocale, isLocale, type Locale } from './i18n.ts'

/** The action of both link pages: a valid new password spends the link and signs the holder in on the home page. */
export async function linkPasswordAction(request: Request, purpose: TokenPurpose, token: string) {
  const formData = await readProtectedForm(request)
  const parsed = parseForm(NewPasswordSchema, formData)
  if (!parsed.ok) return data({ ...parsed, state: null }, { status: 400 })
  const result = await setPasswordThroughLink(purpose, { token, newPassword: parsed.data.newPassword })
  if (!result.ok) return data({ ok: false, fieldErrors: {}, values: {}, state: result.state } as const, { status: 410 })
  return redirect('/', { headers: { 'Set-Cookie': result.setCookie } })
}

/**
 * The first visit through a link shows the page in the language the holder's account has (the admin chose it for an
 * invitee), unless the browser already has a language chosen. The marker in the address stops a loop when the
 * browser refuses cookies.
 */
export async function redirectToHolderLanguage(request: Request, locale: Locale | null) {
  if (!locale || locale === defaultLocale) return
  const url = new URL(request.url)
  if (url.searchParams.has('lang')) return
  const chosen: unknown = await localeCookie().parse(request.headers.get('Cookie'))
  if (isLocale(chosen)) return
  throw redirect(`${url.pathname}?lang=${locale}`, {
    headers: { 'Set-Cookie': await localeCookie().serialize(locale) },
  })
}
