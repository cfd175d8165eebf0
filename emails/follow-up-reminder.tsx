import { Heading, Link, Section, Text } from '@react-email/components'
import { formatDate, getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { EmailLayout } from './components/layout.tsx'
import { colors, linkBelowInText, paragraph, small } from './components/theme.ts'
import { type EmailMessage, type OverdueFollowUp } from './messages.ts'

export type FollowUpReminderMessage = Extract<EmailMessage, { kind: 'follow_up_reminder' }>

/** A calendar day; noon UTC keeps it the same day whatever zone formats it. */
function day(locale: Locale, date: string): string {
  return formatDate(locale, `${date}T12:00:00Z`)
}

export function followUpReminderSubject(t: Translate, message: FollowUpReminderMessage): string {
  return t('followUps.email.subject', { count: message.followUps.length })
}

function OverdueItem({ t, locale, followUp }: { t: Translate; locale: Locale; followUp: OverdueFollowUp }) {
  return (
    <Section style={{ borderTop: `1px solid ${colors.border}`, paddingTop: '16px', marginBottom: '8px' }}>
      <Heading as="h2" style={{ fontSize: '18px', lineHeight: '24px', margin: '0 0 8px' }}>
        <Link
          href={followUp.url}
          {...{ [linkBelowInText]: '' }}
          style={{ color: colors.brand, textDecorationLine: 'underline' }}
        >
          {followUp.title}
        </Link>
      </Heading>
      <Text style={{ ...paragraph, margin: '0 0 4px' }}>
        {t('followUps.email.overdueSince', { date: day(locale, followUp.targetDate) })}
      </Text>
      <Text style={small}>
        {t(`followUpStatus.${followUp.status}`)}
        {followUp.progress !== null ? ` · ${t('followUps.progressValue', { progress: followUp.progress })}` : ''}
        {' · '}
        {followUp.responsible ?? t('followUps.responsible.coordinator')}
      </Text>
    </Section>
  )
}

/** The weekly reminder of overdue follow-ups to a responsible person or a coordinator. */
export function FollowUpReminderEmail({
  message,
  locale,
  subject,
}: {
  message: FollowUpReminderMessage
  locale: Locale
  subject: string
}) {
  const t = getTranslate(locale)
  const intro = t('followUps.email.intro', { count: message.followUps.length })
  return (
    <EmailLayout
      locale={locale}
      subject={subject}
      preview={intro}
      reason={t('followUps.email.reason')}
      settingsUrl={message.settingsUrl}
    >
      <Text style={paragraph}>{t('email.greeting', { name: message.recipientName })}</Text>
      <Text style={paragraph}>{intro}</Text>
      {message.followUps.map((followUp) => (
        <OverdueItem key={followUp.url} t={t} locale={locale} followUp={followUp} />
      ))}
      <Section style={{ borderTop: `1px solid ${colors.border}`, paddingTop: '16px' }}>
        <Text style={paragraph}>{t('followUps.email.action')}</Text>
        <EmailButton href={message.boardUrl} fallbackLabel={t('email.linkFallback')}>
          {t('followUps.email.board')}
        </EmailButton>
      </Section>
    </EmailLayout>
  )
}
