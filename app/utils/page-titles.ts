import type { SerializeFrom } from '@remix-run/node'
import type { loader as editUserLoader } from '#app/routes/admin.users.$userId.tsx'
import type { loader as localEmailLoader } from '#app/routes/admin.mailbox.$emailId.tsx'
import type { loader as followUpLoader } from '#app/routes/follow-ups.$followUpId.tsx'
import type { loader as invitationLoader } from '#app/routes/invitation.$token.tsx'
import type { loader as meetingLoader } from '#app/routes/meetings.$meetingId.tsx'
import type { loader as agendaLoader } from '#app/routes/meetings.$meetingId_.agenda.tsx'
import type { loader as phenomenonLoader } from '#app/routes/phenomena.$phenomenonId.tsx'
import type { loader as reportLoader } from '#app/routes/reports.$reportId.tsx'
import type { loader as editReportLoader } from '#app/routes/reports.$reportId_.edit.tsx'
import type { loader as reportListLoader } from '#app/routes/reports._index.tsx'
import type { loader as resetPasswordLoader } from '#app/routes/reset-password.$token.tsx'
import type { loader as respondLoader } from '#app/routes/respond.$token.tsx'
import type { loader as sendingLoader } from '#app/routes/sendings.$sendingId.tsx'
import type { loader as welfareReportLoader } from '#app/routes/welfare-reports.$welfareReportId.tsx'
import type { loader as compiledReportLoader } from '#app/routes/social-reports.$compiledReportId.tsx'
import type { loader as publicCompiledReportLoader } from '#app/routes/public.$organisation.social-reports.$compiledReportId.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { formatDateTime, getTranslate, type Locale, type MessageKey, type Translate } from './i18n.ts'

interface TitleContext {
  locale: Locale
  t: Translate
}

/** The page's own name, read from what its loader returned; `fallback` when the loader returned nothing. */
interface LoaderTitle {
  fallback: MessageKey
  read: (data: unknown, context: TitleContext) => string
}

type PageTitle = MessageKey | LoaderTitle

/** Types the reader against the route's loader, so a loader that stops returning the title fails to compile. */
function fromLoader<Loader>(
  fallback: MessageKey,
  read: (data: SerializeFrom<Loader>, context: TitleContext) => string,
): LoaderTitle {
  return { fallback, read: (data, context) => read(data as SerializeFrom<Loader>, context) }
}

function meetingName(
  meeting: { committee_name: string; committee_name_sv: string | null; starts_at: Date | string },
  { locale, t }: TitleContext,
) {
  return t('meetings.name', {
    committee: displayName(locale, meeting.committee_name, meeting.committee_name_sv),
    time: formatDateTime(locale, meeting.starts_at),
  })
}

export const titleSeparator = ' – '

/**
 * Each page's title by route id (the page's own heading, in the user's language). A route module that renders a
 * page must be here (page-titles.test.ts reads app/routes); resource routes without a page are not.
 */
export const pageTitles: Record<string, PageTitle> = {
  'routes/$': 'error.notFound.title',
  'routes/_index': 'nav.home',
  'routes/admin': 'admin.nav.label',
  'routes/admin.committees': 'admin.committees.title',
  'routes/contribute._index': 'contributors.new.title',
  'routes/contribute.own': 'contributors.own.title',
  'routes/contribute.phenomenon.$phenomenonId': 'contributors.view.title',
  'routes/phenomena.$phenomenonId_.views': 'contributors.opening.link',
  'routes/phenomena.$phenomenonId_.client-view': 'contributors.clientView.link',
  'routes/admin.recipients': 'admin.recipients.title',
  'routes/admin.email-failures': 'admin.emailFailures.title',
  'routes/admin.audit': 'audit.title',
  'routes/admin.redactions': 'privacy.admin.title',
  'routes/admin.templates': 'admin.templates.title',
  'routes/admin.mailbox._index': 'admin.mailbox.title',
  'routes/admin.mailbox.$emailId': fromLoader<typeof localEmailLoader>(
    'admin.mailbox.title',
    ({ email }, { t }) => email.subject ?? t('admin.mailbox.noSubject'),
  ),
  'routes/admin.organisation': 'admin.organisation.title',
  'routes/admin.users._index': 'admin.users.title',
  'routes/admin.users.new': 'admin.users.new',
  'routes/admin.users.$userId': fromLoader<typeof editUserLoader>('admin.users.title', ({ user }) => user.name),
  'routes/dashboard': 'dashboard.title',
  'routes/errors.too-large': 'error.tooLarge.title',
  'routes/follow-ups._index': 'followUps.title',
  'routes/follow-ups.$followUpId': fromLoader<typeof followUpLoader>(
    'followUps.title',
    ({ followUp }) => followUp.title,
  ),
  'routes/forgot-password': 'forgotPassword.title',
  'routes/help': 'help.title',
  'routes/invitation.$token': fromLoader<typeof invitationLoader>('invitation.title', ({ state }, { t }) =>
    t(
      state === 'usable' ? 'invitation.title' : state === 'used' ? 'invitation.used.title' : 'invitation.expired.title',
    ),
  ),
  'routes/auth.oidc.callback': 'sso.refused.title',
  'routes/auth.oidc.start': 'sso.refused.title',
  'routes/login': 'login.title',
  'routes/meetings._index': 'meetings.title',
  'routes/meetings.$meetingId': fromLoader<typeof meetingLoader>('meetings.title', ({ meeting }, context) =>
    meetingName(meeting, context),
  ),
  // The minutes' loader is the agenda's (meetingDocumentLoader), so one type serves both.
  'routes/meetings.$meetingId_.agenda': fromLoader<typeof agendaLoader>(
    'meetings.print.agendaTitle',
    ({ meeting }, context) =>
      [context.t('meetings.print.agendaTitle'), meetingName(meeting, context)].join(titleSeparator),
  ),
  'routes/meetings.$meetingId_.minutes': fromLoader<typeof agendaLoader>(
    'meetings.print.minutesTitle',
    ({ meeting }, context) =>
      [context.t('meetings.print.minutesTitle'), meetingName(meeting, context)].join(titleSeparator),
  ),
  'routes/notifications._index': 'notifications.title',
  'routes/phenomena._index': 'phenomenon.list.title',
  'routes/phenomena.$phenomenonId': fromLoader<typeof phenomenonLoader>(
    'phenomenon.title',
    ({ phenomenon }) => phenomenon.title,
  ),
  'routes/reports._index': fromLoader<typeof reportListLoader>('reports.title', ({ view }, { t }) =>
    t(view === 'own' ? 'reports.own.title' : 'reports.title'),
  ),
  'routes/reports.new': 'report.new.title',
  'routes/reports.$reportId': fromLoader<typeof reportLoader>('reports.title', ({ report }) => report.title),
  // The form's values are typed loosely (any field may be a list); the title is always one text.
  'routes/reports.$reportId_.edit': fromLoader<typeof editReportLoader>('report.edit.title', ({ values }, { t }) =>
    [t('report.edit.title'), ...(typeof values.title === 'string' ? [values.title] : [])].join(titleSeparator),
  ),
  'routes/reset-password.$token': fromLoader<typeof resetPasswordLoader>('resetPassword.title', ({ state }, { t }) =>
    t(
      state === 'usable'
        ? 'resetPassword.title'
        : state === 'used'
          ? 'resetPassword.used.title'
          : 'resetPassword.expired.title',
    ),
  ),
  'routes/respond.$token': fromLoader<typeof respondLoader>('respond.title', ({ state }, { t }) =>
    t(
      state === 'usable'
        ? 'respond.title'
        : state === 'used'
          ? 'respond.used.title'
          : state === 'expired'
            ? 'respond.expired.title'
            : 'respond.unknown.title',
    ),
  ),
  'routes/review': 'review.title',
  'routes/review_.feedback': 'feedback.title',
  'routes/sendings._index': 'sendings.title',
  'routes/sendings.$sendingId': fromLoader<typeof sendingLoader>('sendings.title', ({ sending }, { t }) =>
    t('sending.title', { title: sending.matter.title }),
  ),
  'routes/settings': 'settings.title',
  'routes/social-reports._index': 'compiled.list.title',
  'routes/social-reports.new': 'compiled.new.title',
  'routes/social-reports.indicators': 'compiled.import.title',
  'routes/social-reports.$compiledReportId': fromLoader<typeof compiledReportLoader>(
    'compiled.list.title',
    ({ report }) => report.title,
  ),
  'routes/public.$organisation.social-reports.$compiledReportId': fromLoader<typeof publicCompiledReportLoader>(
    'compiled.list.title',
    ({ title }) => title,
  ),
  'routes/welfare-reports._index': 'welfare.list.title',
  'routes/welfare-reports.$welfareReportId': fromLoader<typeof welfareReportLoader>(
    'welfare.list.title',
    ({ document }) => document.title,
  ),
}

/**
 * "<page> – <app>" (WCAG 2.4.2): the error's title on an error page, else the deepest matched route's title;
 * the app's name alone only when no route names the page.
 */
export function getPageTitle({
  locale,
  matches,
  errorTitle,
}: {
  locale: Locale
  matches: ReadonlyArray<{ id: string; data: unknown }>
  errorTitle?: MessageKey
}): string {
  const t = getTranslate(locale)
  const page = errorTitle ? t(errorTitle) : pageNameOf(matches, { locale, t })
  return page ? [page, t('app.name')].join(titleSeparator) : t('app.name')
}

function pageNameOf(matches: ReadonlyArray<{ id: string; data: unknown }>, context: TitleContext) {
  for (const match of [...matches].reverse()) {
    const title = pageTitles[match.id]
    if (title === undefined) continue
    if (typeof title === 'string') return context.t(title)
    return match.data == null ? context.t(title.fallback) : title.read(match.data, context)
  }
  return undefined
}
