import { type ReactNode } from 'react'

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{title}</h1>
      {children ? <div className="mt-2 text-lg text-slate-700">{children}</div> : null}
    </div>
  )
}
