import { Text } from '@react-email/components'
import { formatDateTime, getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { EmailLayout } from './components/layout.tsx'
import { paragraph } from './components/theme.ts'
import { type EmailMessage } from './messages.ts'

export type InvitationMessage = Extract<EmailMessage, { kind: 'invitation' }>

export function invitationSubject(t: Translate, message: InvitationMessage): string {
  return t('email.invitation.subject', { app: t('app.name'), organisation: message.organisationName })
}

export function InvitationEmail({
  message,
  locale,
  subject,
}: {
  message: InvitationMessage
  locale: Locale
  subject: string
}) {
  const t = getTranslate(locale)
  const intro = t('email.invitation.intro', {
    inviter: message.inviterName,
    app: t('app.name'),
    organisation: message.organisationName,
  })
  return (
    <EmailLayout locale={locale} subject={subject} preview={intro} reason={t('email.reason.invitation')}>
      <Text style={paragraph}>{t('email.greeting', { name: message.recipientName })}</Text>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{t('email.invitation.about')}</Text>
      <Text style={paragraph}>
        {t('email.invitation.action', { expires: formatDateTime(locale, message.expiresAt) })}
      </Text>
      <EmailButton href={message.url} fallbackLabel={t('email.linkFallback')}>
        {t('email.invitation.button')}
      </EmailButton>
      <Text style={paragraph}>{t('email.invitation.expired')}</Text>
      <Text style={paragraph}>{t('email.invitation.unexpected')}</Text>
    </EmailLayout>
  )
}
