import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { type loader as rootLoader } from '#app/root.tsx'
import { defaultLocale, getTranslate, isLocale, type Locale } from './i18n.ts'

export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>('root')
}

/** When the root loader itself failed (the database is away), its error response may still name the language. */
function useErrorLocale(): Locale | undefined {
  const error = useRouteError()
  const locale = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | null)?.locale : undefined
  return isLocale(locale) ? locale : undefined
}

export function useI18n() {
  const errorLocale = useErrorLocale()
  const locale = useRootData()?.locale ?? errorLocale ?? defaultLocale
  return { locale, t: getTranslate(locale) }
}
