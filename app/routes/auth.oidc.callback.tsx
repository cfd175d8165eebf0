import { data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SignInRefused } from '#app/components/sign-in-refused.tsx'
import { signInThroughProvider } from '#app/services/single-sign-on.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { endProviderSignIn, finishProviderSignIn } from '#app/utils/oidc.server.ts'
import { type SignInRefusalReason, statusOfRefusal } from '#app/utils/sign-in-refusal.ts'

/** Where the sign-in service sends the browser back: signed in, or a page saying why not. */
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = getEnv().oidc
  if (!settings) throw data({ code: 'not_found' }, { status: 404 })
  const headers = new Headers({ 'Set-Cookie': await endProviderSignIn(settings), 'Cache-Control': 'no-store' })
  const refuse = (reason: SignInRefusalReason) => data({ reason }, { status: statusOfRefusal(reason), headers })
  const answer = await finishProviderSignIn(settings, request)
  if (!answer.ok) return refuse(answer.reason)
  const result = await signInThroughProvider({
    issuer: answer.issuer,
    claims: answer.claims,
    allowedEmailDomains: settings.allowedEmailDomains,
  })
  if (!result.ok) return refuse(result.reason)
  headers.append('Set-Cookie', result.setCookie)
  return redirect(answer.redirectTo, { headers })
}

export default function SingleSignOnCallbackPage() {
  const { reason } = useLoaderData<typeof loader>()
  return <SignInRefused reason={reason} />
}
