import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { PageHeading } from './page-heading.tsx'

/** The page behind an emailed link when the link no longer works: what happened and where to go next. */
export function LinkUnavailable({
  title,
  body,
  links,
}: {
  title: string
  body: string
  links: { to: string; label: string }[]
}) {
  return (
    <LinkPageSection>
      <PageHeading title={title}>{body}</PageHeading>
      <ul className="grid gap-2">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </LinkPageSection>
  )
}

/** The single narrow column shared by the login page's relatives: invitation, forgotten and reset password. */
export function LinkPageSection({ children }: { children: ReactNode }) {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-300 bg-white p-6 break-words shadow-sm">
      {children}
    </section>
  )
}
