import { useLocation } from '@remix-run/react'
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react'

/**
 * A phone's menu button with what it opens. A <details> opens and closes without JavaScript; with it, Escape
 * closes the menu and puts focus back on the button, and going to another page closes it.
 */
export function MenuDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null)
  const summary = useRef<HTMLElement>(null)
  const { key: pageKey } = useLocation()
  const shownPage = useRef(pageKey)
  useEffect(() => {
    // Only a move to another page closes it: a menu opened before the scripts arrived stays open.
    if (shownPage.current === pageKey) return
    shownPage.current = pageKey
    if (details.current) details.current.open = false
  }, [pageKey])
  function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !details.current?.open) return
    event.preventDefault()
    details.current.open = false
    summary.current?.focus()
  }
  return (
    <details ref={details} onKeyDown={closeOnEscape} className="group">
      <summary
        ref={summary}
        className="inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded border-2 border-white px-3 text-sm font-semibold hover:bg-white/15 [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2">
          <path className="group-open:hidden" d="M4 6h16M4 12h16M4 18h16" strokeLinecap="round" />
          <path className="hidden group-open:block" d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
        </svg>
        {label}
      </summary>
      {/* Below the bar across the whole width, over the page rather than pushing it down. */}
      <div className="absolute inset-x-0 top-full z-30 max-h-[calc(100dvh-4rem)] overflow-y-auto border-t border-white/30 bg-brand-900 pb-4 shadow-lg">
        {children}
      </div>
    </details>
  )
}
