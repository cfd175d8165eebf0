import { useEffect, useSyncExternalStore } from 'react'
import { catalogs } from '#app/locales/catalogs.ts'
import { type Catalog, type Locale } from './i18n.ts'

/** What the browser has fetched so far; on the server every language is there from the start. */
const loaded: Partial<Record<Locale, Catalog>> = catalogs
const fetching = new Map<Locale, Promise<void>>()
const listeners = new Set<() => void>()

/** Fetches a language's messages once (the URL names their version, so the browser caches them for good). */
export function loadCatalog(locale: Locale, href: string): Promise<void> {
  if (loaded[locale]) return Promise.resolve()
  const existing = fetching.get(locale)
  if (existing) return existing
  const loading = fetch(href)
    .then((response) => {
      if (!response.ok) throw new Error(`GET ${href} answered ${response.status}`)
      return response.json() as Promise<Catalog>
    })
    .then((catalog) => {
      loaded[locale] = catalog
      for (const listener of listeners) listener()
    })
    .finally(() => fetching.delete(locale))
  fetching.set(locale, loading)
  return loading
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Renders again once the language's messages are here. The reader's language is fetched before the page hydrates;
 * a language switched to without a page load (signing in as someone who reads Swedish) arrives a moment later.
 */
export function useCatalog(locale: Locale, href: string | undefined) {
  const present = useSyncExternalStore(
    subscribe,
    () => loaded[locale] !== undefined,
    () => true,
  )
  useEffect(() => {
    if (!present && href) loadCatalog(locale, href).catch((error: unknown) => console.error(error))
  }, [present, locale, href])
}
