import { Heading, Text } from '@react-email/components'
import { formatDate, formatDateTime, getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { EmailLayout } from './components/layout.tsx'
import { Quote } from './components/quote.tsx'
import { colors, paragraph } from './components/theme.ts'
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
  const { matter } = message
  return (
    <EmailLayout
      locale={locale}
      subject={subject}
      preview={intro}
      reason={t('email.reason.partner', { organisation: message.organisationName })}
    >
      <Text style={paragraph}>{t('email.partner.greeting', { recipient: message.recipientName })}</Text>
      <Text style={paragraph}>{intro}</Text>
      <Heading as="h2" style={{ fontSize: '20px', lineHeight: '28px', margin: '0 0 8px', color: colors.text }}>
        {t(`email.partner.kind.${matter.kind}`)}: {matter.title}
      </Heading>
      {matter.description ? <Quote label={t('sending.description')} text={matter.description} /> : null}
      {matter.actions.length > 0 ? (
        <>
          <Text style={{ ...paragraph, margin: '0 0 4px', fontWeight: 700 }}>{t('sending.actions')}</Text>
          <ol style={{ margin: '0 0 16px', paddingLeft: '24px', color: colors.text }}>
            {matter.actions.map((action, index) => (
              <li key={index} style={{ fontSize: '16px', lineHeight: '24px' }}>
                {action}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {message.coveringNote ? <Quote label={t('sending.coveringNote')} text={message.coveringNote} /> : null}
      <Text style={paragraph}>{t('email.partner.noIdentifying')}</Text>
      <Text style={paragraph}>{t('email.partner.action', { expires: formatDateTime(locale, message.expiresAt) })}</Text>
      {reminder ? <Text style={paragraph}>{t('email.partner.reminderNote')}</Text> : null}
      <EmailButton href={message.url} fallbackLabel={t('email.linkFallback')}>
        {t('email.partner.button')}
      </EmailButton>
    </EmailLayout>
  )
}
