import { type ReactNode, useId } from 'react'

/** A titled region of a page; the heading names the region for screen readers. */
export function Card({
  title,
  children,
  tone = 'plain',
  id,
}: {
  title: string
  children: ReactNode
  tone?: 'plain' | 'info'
  /** A fragment other pages link to, such as a report's #timeline. */
  id?: string
}) {
  const headingId = useId()
  const toneClass = tone === 'info' ? 'border-brand-100 bg-brand-50' : 'border-slate-300 bg-white'
  return (
    <section id={id} aria-labelledby={headingId} className={`min-w-0 rounded-lg border p-6 ${toneClass}`}>
      <h2 id={headingId} className="mb-4 text-xl font-bold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  )
}
