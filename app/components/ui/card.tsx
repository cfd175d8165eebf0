import { type ReactNode, useId } from 'react'

/** A titled region of a page; the heading names the region for screen readers. */
export function Card({
  title,
  children,
  tone = 'plain',
}: {
  title: string
  children: ReactNode
  tone?: 'plain' | 'info'
}) {
  const id = useId()
  const toneClass = tone === 'info' ? 'border-brand-100 bg-brand-50' : 'border-slate-300 bg-white'
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-lg border p-6 ${toneClass}`}>
      <h2 id={id} className="mb-4 text-xl font-bold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  )
}
