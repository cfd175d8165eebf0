import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { type loader as rootLoader } from '#app/root.tsx'
import { defaultLocale, getTranslate, isLocale, type Locale } from './i18n.ts'
import { useCatalog } from './messages.ts'

export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>('root')
}

/** When the root loader itself failed (the database is away), its error response may still name the language. */
function useErrorLanguage(): { locale?: Locale; messagesHref?: string } {
  const error = useRouteError()
  const data = isRouteErrorResponse(error) ? (error.data as { locale?: unknown; messagesHref?: unknown } | null) : null
  return {
    locale: isLocale(data?.locale) ? data.locale : undefined,
    messagesHref: typeof data?.messagesHref === 'string' ? data.messagesHref : undefined,
  }
}

/** The reader's language and where the browser fetches its messages. */
export function useLanguage() {
  const rootData = useRootData()
  const errorLanguage = useErrorLanguage()
  return {
    locale: rootData?.locale ?? errorLanguage.locale ?? defaultLocale,
    messagesHref: rootData?.messagesHref ?? errorLanguage.messagesHref,
  }
}

export function useI18n() {
  const { locale, messagesHref } = useLanguage()
  useCatalog(locale, messagesHref)
  return { locale, t: getTranslate(locale) }
}
