import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { LinkPageSection, LinkUnavailable } from '#app/components/link-unavailable.tsx'
import { NewPasswordForm } from '#app/components/new-password-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { readLinkPage } from '#app/services/accounts.server.ts'
import { fieldErrorsOf } from '#app/utils/forms.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { linkPasswordAction, redirectToHolderLanguage } from '#app/utils/link-pages.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await readLinkPage('password_reset', params.token ?? '')
  await redirectToHolderLanguage(request, page.locale)
  if (page.state !== 'usable') return data({ state: page.state }, { status: page.state === 'unknown' ? 404 : 410 })
  return { state: page.state, email: page.holder.email }
}

export async function action({ request, params }: ActionFunctionArgs) {
  return linkPasswordAction(request, 'password_reset', params.token ?? '')
}

export default function ResetPasswordPage() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useI18n()
  const state = actionData?.state ?? page.state
  if (state !== 'usable' || !('email' in page)) {
    const used = state === 'used'
    return (
      <LinkUnavailable
        title={t(used ? 'resetPassword.used.title' : 'resetPassword.expired.title')}
        body={t(used ? 'resetPassword.used.body' : 'resetPassword.expired.body')}
        links={[
          { to: '/forgot-password', label: t('resetPassword.requestNew') },
          { to: '/login', label: t('forgotPassword.backToLogin') },
        ]}
      />
    )
  }
  return (
    <LinkPageSection>
      <PageHeading title={t('resetPassword.title')}>{t('resetPassword.intro', { email: page.email })}</PageHeading>
      <NewPasswordForm
        email={page.email}
        submitLabel={t('resetPassword.submit')}
        fieldErrors={fieldErrorsOf(actionData)}
      />
    </LinkPageSection>
  )
}
