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
const unexpectedMessage = { title: 'error.unexpected.title', body: 'error.unexpected.body' } as const

/** Shows a status in the user's language; the error's own text or stack never reaches the page. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t } = useI18n()
  let message: { title: MessageKey; body: MessageKey } = unexpectedMessage
  let params: TranslateParams | undefined
  if (isRouteErrorResponse(error)) {
    const errorData = error.data as { code?: string; params?: TranslateParams } | null
    message = errorData?.code === 'csrf' ? csrfMessage : (messagesByStatus[error.status] ?? unexpectedMessage)
    params = errorData?.params
  }
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-6">
      <PageHeading title={t(message.title)}>{t(message.body, params)}</PageHeading>
      <Link to="/">{t('error.backHome')}</Link>
    </div>
  )
}
