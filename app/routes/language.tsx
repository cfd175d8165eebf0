import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { setOwnLanguage } from '#app/services/accounts.server.ts'
import { getCurrentUser } from '#app/utils/auth.server.ts'
import { localeCookie } from '#app/utils/cookies.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { defaultLocale, isLocale } from '#app/utils/i18n.ts'
import { safeRedirectPath } from '#app/utils/redirect-target.ts'

export async function loader() {
  return redirect('/')
}

/** Remembers the language in a cookie for anonymous pages and on the user's profile when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request)
  const requested = formData.get('locale')
  const locale = isLocale(requested) ? requested : defaultLocale
  const user = await getCurrentUser(request)
  if (user) await setOwnLanguage(user, { locale })
  return redirect(safeRedirectPath(formData.get('redirectTo')), {
    headers: { 'Set-Cookie': await localeCookie().serialize(locale) },
  })
}
