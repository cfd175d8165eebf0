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
  const page = await readLinkPage('invitation', params.token ?? '')
  await redirectToHolderLanguage(request, page.locale)
  if (page.state !== 'usable') return data({ state: page.state }, { status: page.state === 'unknown' ? 404 : 410 })
  return { state: page.state, holder: page.holder }
}

export async function action({ request, params }: ActionFunctionArgs) {
  return linkPasswordAction(request, 'invitation', params.token ?? '')
}

export default function InvitationPage() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useI18n()
  const state = actionData?.state ?? page.state
  if (state !== 'usable' || !('holder' in page)) {
    const used = state === 'used'
    return (
      <LinkUnavailable
        title={t(used ? 'invitation.used.title' : 'invitation.expired.title')}
        body={t(used ? 'invitation.used.body' : 'invitation.expired.body')}
        links={[
          { to: '/login', label: t('invitation.toLogin') },
          ...(used ? [{ to: '/forgot-password', label: t('login.forgotPassword') }] : []),
        ]}
      />
    )
  }
  const { holder } = page
  return (
    <LinkPageSection>
      <PageHeading title={t('invitation.title')}>
        <p>{t('invitation.intro', { name: holder.name, organisation: holder.organisationName })}</p>
        <p className="mt-2 text-base">{t('invitation.account', { email: holder.email })}</p>
      </PageHeading>
      <NewPasswordForm
        email={holder.email}
        submitLabel={t('invitation.submit')}
        fieldErrors={fieldErrorsOf(actionData)}
      />
    </LinkPageSection>
  )
}
