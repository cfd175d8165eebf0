import { Text } from '@react-email/components'
import { getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { EmailLayout } from './components/layout.tsx'
import { SentMatter } from './components/sent-matter.tsx'
import { paragraph } from './components/theme.ts'
import { type EmailMessage } from './messages.ts'

export type MemberRequestMessage = Extract<EmailMessage, { kind: 'member_request' }>

export function memberRequestSubject(t: Translate, message: MemberRequestMessage): string {
  return t('email.member.subject', { body: message.bodyName, title: message.matter.title })
}

/**
 * To a member of the body a report or phenomenon was sent to: what was sent, by whom, and the sending's page where
 * the body marks it received, answers or returns it.
 */
export function MemberRequestEmail({
  message,
  locale,
  subject,
}: {
  message: MemberRequestMessage
  locale: Locale
  subject: string
}) {
  const t = getTranslate(locale)
  const intro = t('email.member.intro', { sender: message.senderName, body: message.bodyName })
  return (
    <EmailLayout
      locale={locale}
      subject={subject}
      preview={intro}
      reason={t('email.reason.member', { body: message.bodyName })}
    >
      <Text style={paragraph}>{t('email.greeting', { name: message.recipientName })}</Text>
      <Text style={paragraph}>{intro}</Text>
      <SentMatter t={t} message={message} />
      <Text style={paragraph}>{t('email.member.action')}</Text>
      <EmailButton href={message.url} fallbackLabel={t('email.linkFallback')}>
        {t('email.member.button')}
      </EmailButton>
    </EmailLayout>
  )
}
