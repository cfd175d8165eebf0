import { Text } from '@react-email/components'
import { formatDateTime, getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { EmailLayout } from './components/layout.tsx'
import { paragraph } from './components/theme.ts'
import { type EmailMessage } from './messages.ts'

export type PasswordResetMessage = Extract<EmailMessage, { kind: 'password_reset' }>

export function passwordResetSubject(t: Translate): string {
  return t('email.passwordReset.subject', { app: t('app.name') })
}

export function PasswordResetEmail({
  message,
  locale,
  subject,
}: {
  message: PasswordResetMessage
  locale: Locale
  subject: string
}) {
  const t = getTranslate(locale)
  const intro = t('email.passwordReset.intro', { app: t('app.name') })
  return (
    <EmailLayout locale={locale} subject={subject} preview={intro} reason={t('email.reason.passwordReset')}>
      <Text style={paragraph}>{t('email.greeting', { name: message.recipientName })}</Text>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>
        {t('email.passwordReset.action', { expires: formatDateTime(locale, message.expiresAt) })}
      </Text>
      <EmailButton href={message.url} fallbackLabel={t('email.linkFallback')}>
        {t('email.passwordReset.button')}
      </EmailButton>
      <Text style={paragraph}>{t('email.passwordReset.endsAccess')}</Text>
      <Text style={paragraph}>{t('email.passwordReset.ignore')}</Text>
    </EmailLayout>
  )
}
