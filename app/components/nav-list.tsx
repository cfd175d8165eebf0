import { NavLink } from '@remix-run/react'

export type NavItem = { to: string; label: string; end?: boolean }

/** The site's main navigation on the dark header band or in a phone's menu, and a section's own navigation. */
const looks = {
  site: {
    nav: 'bg-brand-800',
    list: 'mx-auto flex max-w-6xl flex-wrap gap-1 px-4',
    link: 'inline-flex min-h-11 items-center px-3 font-semibold text-white no-underline hover:bg-white/10 hover:text-white',
    current: 'border-b-4 border-focus',
    idle: 'border-b-4 border-transparent',
  },
  menu: {
    nav: '',
    list: 'grid px-4 py-2',
    link: 'flex min-h-11 items-center px-3 font-semibold text-white no-underline hover:bg-white/10 hover:text-white',
    current: 'border-l-4 border-focus',
    idle: 'border-l-4 border-transparent',
  },
  section: {
    nav: 'mb-6 border-b border-slate-300',
    list: 'flex flex-wrap gap-2',
    link: 'inline-flex min-h-11 items-center px-3 font-semibold no-underline',
    current: 'border-b-4 border-brand-700 text-brand-900',
    idle: 'border-b-4 border-transparent',
  },
}

/** A named list of links; the page the reader is on is marked by NavLink (aria-current) and by a thick underline. */
export function NavList({ label, items, look }: { label: string; items: NavItem[]; look: keyof typeof looks }) {
  const classes = looks[look]
  return (
    <nav aria-label={label} className={classes.nav}>
      <ul className={classes.list}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) => `${classes.link} ${isActive ? classes.current : classes.idle}`}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
