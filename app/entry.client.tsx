import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { isLocale } from './utils/i18n.ts'
import { loadCatalog } from './utils/messages.ts'

// The page was rendered in the reader's language; hydrating needs the same messages, which the page preloads.
const locale = document.documentElement.lang
const messages = document.querySelector<HTMLLinkElement>('link[data-messages]')
if (isLocale(locale) && messages) await loadCatalog(locale, messages.href)

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  )
})
