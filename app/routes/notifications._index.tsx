import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Pager } from '#app/components/list-table.tsx'
import { ReportEvent } from '#app/components/report-timeline.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { countUnread, listNotifications } from '#app/models/notification.server.ts'
import { markAllNotificationsRead, markNotificationRead } from '#app/services/notifications.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { pageOf, pageWindow, readPageNumber } from '#app/utils/paging.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 20

const NotificationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('markRead'), notificationId: z.uuid() }),
  z.object({ intent: z.literal('markAllRead') }),
])

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = readPageNumber(readSearchParams(request))
  const owner = { userId: user.id, organisationId: user.organisation.id }
  const db = getDb()
  const [rows, unread] = await Promise.all([
    listNotifications(db, owner, pageWindow(page, pageSize)),
    countUnread(db, owner),
  ])
  const { rows: notifications, hasNext } = pageOf(rows, pageSize)
  return { notifications, hasNext, page, unread }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readProtectedForm(request)
  const parsed = NotificationActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw data({ code: 'invalid' }, { status: 400 })
  if (parsed.data.intent === 'markAllRead') {
    await markAllNotificationsRead(user)
    return { ok: true as const, intent: 'markAllRead' as const }
  }
  const result = await markNotificationRead(user, parsed.data)
  if (!result.ok) throwRefusal(result)
  return { ok: true as const, intent: 'markRead' as const }
}

type Notification = ReturnType<typeof useLoaderData<typeof loader>>['notifications'][number]

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useI18n()
  const fetcher = useFetcher<typeof action>()
  const titleLink = useRef<HTMLAnchorElement>(null)
  const unread = notification.read_at === null
  // The button disappears once the entry is read; keep the keyboard user in the entry rather than on the page.
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.ok) titleLink.current?.focus()
  }, [fetcher.state, fetcher.data])
  const event = { ...notification, id: notification.event_id }
  return (
    <li
      className={`grid gap-2 rounded-lg border border-slate-300 bg-white p-4 ${unread ? 'border-l-8 border-l-brand-700' : ''}`}
    >
      <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        {unread ? (
          <span className="rounded bg-brand-700 px-2 text-sm font-bold uppercase tracking-wide text-white">
            {t('notifications.unread')}
          </span>
        ) : null}
        <Link ref={titleLink} to={`/notifications/${notification.id}/open`}>
          {notification.report_title}
        </Link>
      </h2>
      <div>
        <ReportEvent event={event} brief />
      </div>
      {notification.type === 'phenomenon_linked' && notification.phenomenon_id ? (
        // The report was linked to a phenomenon: its page shows what others see of the same thing.
        <p>
          <Link to={`/phenomena/${notification.phenomenon_id}`}>
            {t('sharedPicture.openPhenomenon', { title: notification.phenomenon_title ?? '' })}
          </Link>
        </p>
      ) : null}
      <p className="text-sm text-slate-700">{t(`notifications.reason.${notification.reason}`)}</p>
      {unread ? (
        <fetcher.Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="markRead" />
          <input type="hidden" name="notificationId" value={notification.id} />
          <Button variant="secondary" className="min-h-11 px-3 py-1 text-sm">
            {t('notifications.markRead')}
            <span className="sr-only">: {notification.report_title}</span>
          </Button>
        </fetcher.Form>
      ) : null}
      <p role="status" className="sr-only">
        {fetcher.data?.ok ? t('notifications.markedRead') : ''}
      </p>
    </li>
  )
}

export default function NotificationsPage() {
  const { notifications, hasNext, page, unread } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('notifications.title')}>
        <p>{t('notifications.intro')}</p>
        <p className="mt-1 text-base">
          <Link to="/settings#email">{t('notifications.emailSettings')}</Link>
        </p>
      </PageHeading>
      {unread > 0 ? (
        <div className="mb-4 flex flex-wrap items-center gap-4">
          <p className="font-semibold">{t('notifications.unreadCount', { count: unread })}</p>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="markAllRead" />
            <Button variant="secondary">{t('notifications.markAllRead')}</Button>
          </Form>
        </div>
      ) : null}
      {result?.intent === 'markAllRead' ? (
        <div className="mb-4">
          <Alert tone="success">{t('notifications.markedAllRead')}</Alert>
        </div>
      ) : null}
      {notifications.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ol aria-label={t('notifications.list')} className="grid gap-3">
          {notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} />
          ))}
        </ol>
      )}
      <Pager page={page} hasNext={hasNext} hideWhenSingle />
    </>
  )
}
