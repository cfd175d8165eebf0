import { useRouteLoaderData } from '@remix-run/react'
import { type loader as rootLoader } from '#app/root.tsx'
import { defaultLocale, getTranslate } from './i18n.ts'

export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>('root')
}

export function useI18n() {
  const locale = useRootData()?.locale ?? defaultLocale
  return { locale, t: getTranslate(locale) }
}
