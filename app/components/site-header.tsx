import { Form, NavLink, useLocation } from '@remix-run/react'
import { type ReactNode, useId } from 'react'
import { bellShowsAtMost } from '#app/domain/notifications.ts'
import {
  dashboardRoles,
  phenomenaPageRoles,
  hasAnyRole,
  isContributor,
  offersFollowUpBoard,
  readsMeetings,
  writesReports,
} from '#app/domain/roles.ts'
import { formatNumber, type Locale, locales, type Translate } from '#app/utils/i18n.ts'
import { useI18n, useRootData } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { MenuDisclosure } from './menu-disclosure.tsx'
import { type NavItem, NavList } from './nav-list.tsx'
import { isCompiledReportCoordinator } from '#app/domain/compiled-reports.ts'

const localeNames: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' }

function LanguageSwitch() {
  const { locale, t } = useI18n()
  const location = useLocation()
  return (
    <Form method="post" action="/language" className="flex items-center gap-1" aria-label={t('language.switch')}>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {locales.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-current={option === locale ? 'true' : undefined}
          className={`min-h-11 rounded px-2 text-sm font-semibold ${
            option === locale ? 'bg-white text-brand-900' : 'text-white underline hover:bg-white/15'
          }`}
        >
          {localeNames[option]}
        </button>
      ))}
    </Form>
  )
}

/** Someone who works in several organisations moves their session to another one; its home page opens. */
function OrganisationSwitch({
  current,
  organisations,
}: {
  current: string
  organisations: { id: string; name: string }[]
}) {
  const { t } = useI18n()
  const selectId = useId()
  return (
    <Form method="post" action="/organisation" className="flex items-center gap-2">
      <CsrfInput />
      <label htmlFor={selectId} className="text-sm text-brand-100">
        {t('people.switcher.label')}
      </label>
      <select
        id={selectId}
        name="organisationId"
        defaultValue={current}
        className="min-h-11 rounded border-2 border-white bg-white px-2 text-sm text-slate-900"
      >
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="min-h-11 rounded border-2 border-white px-3 text-sm font-semibold hover:bg-white/15"
      >
        {t('people.switcher.submit')}
      </button>
    </Form>
  )
}

/** The bell's name and the number beside it; the count it gets stops at `bellCountLimit`. */
export function bellWords(locale: Locale, t: Translate, unread: number): { name: string; badge: string | null } {
  if (unread > bellShowsAtMost) {
    return {
      name: t('notifications.bellMany', { count: bellShowsAtMost }),
      badge: `${formatNumber(locale, bellShowsAtMost)}+`,
    }
  }
  if (unread > 0) return { name: t('notifications.bell', { count: unread }), badge: formatNumber(locale, unread) }
  return { name: t('nav.notifications'), badge: null }
}

/** The bell: says how many notifications are unread up to 99, and "99+" beyond, in its name and beside it. */
function NotificationsLink({ unread }: { unread: number }) {
  const { locale, t } = useI18n()
  const { name, badge } = bellWords(locale, t, unread)
  return (
    <NavLink
      to="/notifications"
      aria-label={name}
      className={({ isActive }) =>
        `inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded px-2 text-sm font-semibold text-white no-underline hover:bg-white/15 hover:text-white ${
          isActive ? 'underline decoration-2 underline-offset-4' : ''
        }`
      }
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {/* On a phone the bell and the number stand alone; the link's name still says it all. */}
      <span className="sr-only sm:not-sr-only">{t('nav.notifications')}</span>
      {/* The space keeps the visible words ("Päivitykset 3") inside the link's name for speech input. */}{' '}
      {badge ? (
        <span aria-hidden="true" className="min-w-6 rounded-full bg-white px-1.5 text-center font-bold text-brand-900">
          {badge}
        </span>
      ) : null}
    </NavLink>
  )
}

function LogoutForm({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  return (
    <Form method="post" action="/logout" className="flex items-center gap-2">
      <CsrfInput />
      {children}
      <button
        type="submit"
        className="min-h-11 rounded border-2 border-white px-3 text-sm font-semibold hover:bg-white/15"
      >
        {t('nav.logout')}
      </button>
    </Form>
  )
}

export function SiteHeader() {
  const { t } = useI18n()
  const user = useRootData()?.user
  const navLinks: NavItem[] = !user
    ? []
    : isContributor(user)
      ? // A contributor's pages only: what they sent and what became of it, and a new view (ADR 039).
        [
          { to: '/contribute', label: t('contributors.nav.new'), end: true },
          { to: '/contribute/own', label: t('contributors.nav.own') },
        ]
      : [
          { to: '/', label: t('nav.home'), end: true },
          ...(writesReports(user.roles) ? [{ to: '/reports/new', label: t('nav.newReport') }] : []),
          { to: '/reports', label: writesReports(user.roles) ? t('nav.ownReports') : t('nav.reports'), end: true },
          ...(user.roles.includes('team_lead') || user.roles.includes('coordinator')
            ? [{ to: '/review', label: t('nav.review') }]
            : []),
          ...(hasAnyRole(user.roles, phenomenaPageRoles) ? [{ to: '/phenomena', label: t('nav.phenomena') }] : []),
          ...(readsMeetings(user.roles) ? [{ to: '/meetings', label: t('meetings.nav') }] : []),
          ...(user.readsSendings ? [{ to: '/sendings', label: t('sendings.nav') }] : []),
          ...(offersFollowUpBoard(user.roles) ? [{ to: '/follow-ups', label: t('followUps.nav') }] : []),
          ...(hasAnyRole(user.roles, dashboardRoles) ? [{ to: '/dashboard', label: t('nav.dashboard') }] : []),
          { to: '/welfare-reports', label: t('nav.welfareReports') },
          ...(isCompiledReportCoordinator(user.roles)
            ? [{ to: '/social-reports', label: t('nav.compiledReports') }]
            : []),
          ...(user.roles.includes('admin') ? [{ to: '/admin', label: t('nav.admin') }] : []),
          { to: '/settings', label: t('nav.settings') },
          { to: '/help', label: t('help.title') },
        ]
  const userName = user ? <span className="text-sm text-brand-100">{user.name}</span> : null
  const organisation = user ? (
    user.organisations.length > 1 ? (
      <OrganisationSwitch current={user.organisationId} organisations={user.organisations} />
    ) : (
      <p className="text-sm text-brand-100">{user.organisationName}</p>
    )
  ) : null
  return (
    <header className="relative bg-brand-900 text-white">
      <a
        href="#main"
        className="sr-only bg-white p-2 text-brand-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        {t('nav.skipToContent')}
      </a>
      {/* A phone shows one short bar: the name, the bell and a menu holding everything else. */}
      <div className="flex items-center gap-2 px-4 py-2 sm:hidden">
        <a href="/" className="min-w-0 flex-1 text-lg font-bold leading-tight text-white no-underline hover:text-white">
          {t('app.name')}
        </a>
        {user && !isContributor(user) ? <NotificationsLink unread={user.unreadNotifications} /> : null}
        <MenuDisclosure label={t('phoneLayout.menu')}>
          {navLinks.length > 0 ? <NavList label={t('nav.main')} look="menu" items={navLinks} /> : null}
          <div className="grid gap-3 border-t border-white/30 px-4 pt-4">
            {organisation}
            <LanguageSwitch />
            {user ? <LogoutForm>{userName}</LogoutForm> : null}
          </div>
        </MenuDisclosure>
      </div>
      <div className="hidden sm:block">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <a href="/" className="text-xl font-bold text-white no-underline hover:text-white">
              {t('app.name')}
            </a>
            {user && user.organisations.length < 2 ? organisation : null}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {user && user.organisations.length > 1 ? organisation : null}
            <LanguageSwitch />
            {user && !isContributor(user) ? <NotificationsLink unread={user.unreadNotifications} /> : null}
            {user ? <LogoutForm>{userName}</LogoutForm> : null}
          </div>
        </div>
        {navLinks.length > 0 ? <NavList label={t('nav.main')} look="site" items={navLinks} /> : null}
      </div>
    </header>
  )
}
