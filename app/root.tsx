import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useMatches,
  useRouteError,
} from '@remix-run/react'
import { type ReactNode } from 'react'
import { GeneralErrorBoundary, getErrorMessage } from './components/error-boundary.tsx'
import { SiteHeader } from './components/site-header.tsx'
import { displayName } from './domain/display-name.ts'
import { bellCountLimit } from './domain/notifications.ts'
import { countUnreadUpTo } from './models/notification.server.ts'
import { listActiveOrganisations } from './models/people.server.ts'
import { answersForAnyRecipient } from './models/recipient.server.ts'
import tailwindHref from './tailwind.css?url'
import { type CurrentUser, getCurrentUser } from './utils/auth.server.ts'
import { getCsrfToken } from './utils/csrf.server.ts'
import { isDatabaseUnavailable } from './utils/database-availability.server.ts'
import { getDb } from './utils/db.server.ts'
import { getEnv } from './utils/env.server.ts'
import { messagesHref } from './utils/messages.server.ts'
import { type Locale } from './utils/i18n.ts'
import { getRequestLocale } from './utils/locale.server.ts'
import { useNonce } from './utils/nonce-provider.ts'
import { getPageTitle } from './utils/page-titles.ts'
import { useI18n, useLanguage } from './utils/use-i18n.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: tailwindHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/** What the header shows of the signed-in user; its three lookups run side by side, as every page waits for them. */
async function loadHeaderUser(user: CurrentUser, locale: Locale) {
  const db = getDb()
  const [organisations, unreadNotifications, answersForRecipient] = await Promise.all([
    listActiveOrganisations(db, user.id),
    countUnreadUpTo(db, { userId: user.id, organisationId: user.organisation.id }, bellCountLimit),
    // Coordinators see every sending; members of a body see what was sent to it.
    user.roles.includes('coordinator') ? true : answersForAnyRecipient(db, user.organisation.id, user.id),
  ])
  return {
    name: user.name,
    email: user.email,
    organisationName: displayName(locale, user.organisation.name, user.organisation.name_sv),
    organisationId: user.organisation.id,
    // The header offers a switch only to someone who works in more than one organisation.
    organisations: organisations.map(({ id, name, name_sv }) => ({ id, name: displayName(locale, name, name_sv) })),
    roles: user.roles,
    unreadNotifications,
    readsSendings: answersForRecipient,
  }
}

async function loadRootData(request: Request) {
  const user = await getCurrentUser(request)
  const locale = await getRequestLocale(request, user?.locale)
  const csrf = await getCsrfToken(request)
  return data(
    {
      locale,
      messagesHref: messagesHref(locale),
      csrfToken: csrf.token,
      demo: getEnv().demo,
      user: user ? await loadHeaderUser(user, locale) : null,
    },
    { headers: csrf.setCookie ? { 'Set-Cookie': csrf.setCookie } : undefined },
  )
}

export async function loader({ request }: LoaderFunctionArgs) {
  try {
    return await loadRootData(request)
  } catch (error) {
    // The error page has no signed-in user to take the language from: the cookie's language carries over.
    if (!isDatabaseUnavailable(error)) throw error
    const locale = await getRequestLocale(request)
    throw data(
      { code: 'database_unavailable', locale, messagesHref: messagesHref(locale) },
      { status: 503, headers: error.headers },
    )
  }
}

/**
 * The header's unread count must follow the reader from page to page (others act on reports meanwhile), so the
 * root loader runs on every navigation, not only after a form is sent; it costs one indexed count.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname

/**
 * The page's <title> is rendered here rather than by a `meta` export: Remix hands root's `meta` only the matches
 * up to root, so it cannot see which page is shown or what its loader returned; `useMatches` sees them all.
 * `useRouteError` here sees the errors root's boundary shows (every route's but `$`, which names itself).
 */
function usePageTitle() {
  const { locale } = useI18n()
  const matches = useMatches()
  // Outside an error boundary the hook answers null (React Router's context default), not undefined.
  const error = useRouteError()
  return getPageTitle({ locale, matches, errorTitle: error == null ? undefined : getErrorMessage(error).title })
}

/**
 * A page whose route says `handle = { hydrate: false }` is sent without any script: it works as plain HTML forms
 * and links, and the reader downloads no JavaScript for it (ADR 029).
 */
function useHydrates() {
  return useMatches().every((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate !== false)
}

export function Layout({ children }: { children: ReactNode }) {
  const { locale, t } = useI18n()
  const { messagesHref } = useLanguage()
  const title = usePageTitle()
  const nonce = useNonce()
  const hydrates = useHydrates()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <Meta />
        <Links />
        {hydrates && messagesHref ? (
          // The reader's messages are fetched while the scripts load, so hydrating waits for neither in turn.
          <link rel="preload" href={messagesHref} as="fetch" crossOrigin="anonymous" data-messages="" />
        ) : null}
        {/*
          Zod would compile its parsers with `new Function`, which the Content-Security-Policy forbids; even its
          guarded probe for it is reported as a violation. A configuration object set before zod loads is the one
          zod uses, and this runs before any module, so no schema is ever built with compiling on.
        */}
        {hydrates ? (
          <script
            nonce={nonce}
            suppressHydrationWarning
            dangerouslySetInnerHTML={{ __html: 'globalThis.__zod_globalConfig = { jitless: true }' }}
          />
        ) : null}
      </head>
      <body className="flex min-h-screen flex-col font-sans">
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-300 bg-white">
          <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700">{t('app.footer')}</p>
        </footer>
        {hydrates ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
