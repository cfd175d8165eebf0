import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { type MessageKey, type TranslateParams } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { PageHeading } from './page-heading.tsx'

const messagesByStatus: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  403: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  404: { title: 'error.notFound.title', body: 'error.notFound.body' },
  409: { title: 'error.conflict.title', body: 'error.conflict.body' },
  413: { title: 'error.tooLarge.title', body: 'error.tooLarge.body' },
  415: { title: 'error.notAForm.title', body: 'error.notAForm.body' },
  503: { title: 'error.unavailable.title', body: 'error.unavailable.body' },
}

const csrfMessage = { title: 'error.csrf.title', body: 'error.csrf.body' } as const
/** A contributor whose organisation turned the contributor channel off (ADR 039). */
const contributorsOffMessage = { title: 'contributors.off.title', body: 'contributors.off.body' } as const
const unexpectedMessage = { title: 'error.unexpected.title', body: 'error.unexpected.body' } as const

/** What the error page says about an error; the page's <title> (root.tsx) takes the same title. */
export function getErrorMessage(error: unknown): { title: MessageKey; body: MessageKey; params?: TranslateParams } {
  if (!isRouteErrorResponse(error)) return unexpectedMessage
  const errorData = error.data as { code?: string; params?: TranslateParams } | null
  const message =
    errorData?.code === 'csrf'
      ? csrfMessage
      : errorData?.code === 'contributors_off'
        ? contributorsOffMessage
        : (messagesByStatus[error.status] ?? unexpectedMessage)
  return { ...message, params: errorData?.params }
}

/** Shows a status in the user's language; the error's own text or stack never reaches the page. */
export function GeneralErrorBoundary() {
  const { title, body, params } = getErrorMessage(useRouteError())
  const { t } = useI18n()
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-6">
      <PageHeading title={t(title)}>{t(body, params)}</PageHeading>
      <Link to="/">{t('error.backHome')}</Link>
    </div>
  )
}
