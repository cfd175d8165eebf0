import { Text } from '@react-email/components'
import { formatDate, formatDateTime, getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { EmailLayout } from './components/layout.tsx'
import { SentMatter } from './components/sent-matter.tsx'
import { paragraph } from './components/theme.ts'
import { type EmailMessage } from './messages.ts'

export type PartnerRequestMessage = Extract<EmailMessage, { kind: 'partner_request' | 'partner_reminder' }>

export function partnerRequestSubject(t: Translate, message: PartnerRequestMessage): string {
  const params = { organisation: message.organisationName, title: message.matter.title }
  return t(message.kind === 'partner_reminder' ? 'email.partner.reminderSubject' : 'email.partner.subject', params)
}

/**
 * A partner's request to answer, or its one reminder with a fresh link: who asks, what was sent (title, description,
 * proposed actions and the covering note) and the single-use link, in the partner's language.
 */
export function PartnerRequestEmail({
  message,
  locale,
  subject,
}: {
  message: PartnerRequestMessage
  locale: Locale
  subject: string
}) {
  const t = getTranslate(locale)
  const reminder = message.kind === 'partner_reminder'
  const intro = reminder
    ? t('email.partner.reminderIntro', {
        organisation: message.organisationName,
        date: formatDate(locale, message.sentAt),
      })
    : t('email.partner.intro', { organisation: message.organisationName })
  return (
    <EmailLayout
      locale={locale}
      subject={subject}
      preview={intro}
      reason={t('email.reason.partner', { organisation: message.organisationName })}
    >
      <Text style={paragraph}>{t('email.partner.greeting', { recipient: message.recipientName })}</Text>
      <Text style={paragraph}>{intro}</Text>
      <SentMatter t={t} message={message} />
      <Text style={paragraph}>{t('email.partner.noIdentifying')}</Text>
      <Text style={paragraph}>{t('email.partner.action', { expires: formatDateTime(locale, message.expiresAt) })}</Text>
      {reminder ? <Text style={paragraph}>{t('email.partner.reminderNote')}</Text> : null}
      <EmailButton href={message.url} fallbackLabel={t('email.linkFallback')}>
        {t('email.partner.button')}
      </EmailButton>
    </EmailLayout>
  )
}
