import { data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SignInRefused } from '#app/components/sign-in-refused.tsx'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { beginProviderSignIn } from '#app/utils/oidc.server.ts'
import { safeRedirectPath } from '#app/utils/redirect-target.ts'
import { statusOfRefusal } from '#app/utils/sign-in-refusal.ts'

/** Sends the browser to the organisation's sign-in service; this page shows only when that service cannot be reached. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const settings = getEnv().oidc
  if (!settings) throw data({ code: 'not_found' }, { status: 404 })
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'))
  try {
    const { url, setCookie } = await beginProviderSignIn(settings, redirectTo)
    return redirect(url, { headers: { 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' } })
  } catch (error) {
    console.warn('The sign-in service could not be reached:', error instanceof Error ? error.message : error)
    return data({ reason: 'unavailable' } as const, { status: statusOfRefusal('unavailable') })
  }
}

export default function SingleSignOnStartPage() {
  const { reason } = useLoaderData<typeof loader>()
  return <SignInRefused reason={reason} />
}
