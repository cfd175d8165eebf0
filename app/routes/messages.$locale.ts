import { type LoaderFunctionArgs } from '@remix-run/node'
import { catalogs, isLocale } from '#app/utils/i18n.ts'
import { messagesVersion } from '#app/utils/messages.server.ts'

/** One language's messages for the browser, which is sent no other language (ADR 029). */
export function loader({ params, request }: LoaderFunctionArgs) {
  const locale = params.locale
  if (!isLocale(locale)) throw new Response('Not Found', { status: 404 })
  const current = new URL(request.url).searchParams.get('v') === messagesVersion(locale)
  return Response.json(catalogs[locale], {
    // The versioned URL never changes meaning; any other URL may be answered differently after the next release.
    headers: { 'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache' },
  })
}
