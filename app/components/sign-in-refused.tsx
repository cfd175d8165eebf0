import { LinkUnavailable } from './link-unavailable.tsx'
import { type SignInRefusalReason } from '#app/utils/sign-in-refusal.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** Why single sign-on did not let the person in, in their language, with the way back to the login page. */
export function SignInRefused({ reason }: { reason: SignInRefusalReason }) {
  const { t } = useI18n()
  return (
    <LinkUnavailable
      title={t('sso.refused.title')}
      body={t(`sso.refused.${reason}`)}
      links={[{ to: '/login', label: t('sso.refused.back') }]}
    />
  )
}
