import { Heading, Link, Section, Text } from '@react-email/components'
import { formatDate, formatDateTime, getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { EmailLayout } from './components/layout.tsx'
import { Quote } from './components/quote.tsx'
import { commentLabel, describeEvent, statusAfter } from './components/report-event.ts'
import { colors, linkBelowInText, paragraph, small } from './components/theme.ts'
import { type EmailMessage, type ReportUpdate } from './messages.ts'

export type DigestMessage = Extract<EmailMessage, { kind: 'digest' }>

/** A digest stays a list to skim: long comments are cut here and read whole on the report page. */
const commentLimit = 280

/** `date` is a calendar day in Helsinki; noon UTC keeps it the same day whatever zone formats it. */
function digestDay(locale: Locale, date: string): string {
  return formatDate(locale, `${date}T12:00:00Z`)
}

export function digestSubject(t: Translate, locale: Locale, message: DigestMessage): string {
  const date = digestDay(locale, message.date)
  return t('email.digest.subject', { date, count: message.updates.length })
}

function shorten(text: string): string {
  if (text.length <= commentLimit) return text
  const cut = text.slice(0, commentLimit)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > commentLimit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}

function DigestItem({ t, locale, update }: { t: Translate; locale: Locale; update: ReportUpdate }) {
  const { report, event } = update
  return (
    <Section style={{ borderTop: `1px solid ${colors.border}`, paddingTop: '16px', marginBottom: '8px' }}>
      <Heading as="h2" style={{ fontSize: '18px', lineHeight: '24px', margin: '0 0 8px' }}>
        <Link
          href={report.url}
          {...{ [linkBelowInText]: '' }}
          style={{ color: colors.brand, textDecorationLine: 'underline' }}
        >
          {report.title}
        </Link>
      </Heading>
      <Text style={{ ...paragraph, margin: '0 0 4px' }}>{describeEvent(t, update)}</Text>
      <Text style={small}>
        {t('timeline.statusChanged', { status: t(`status.${statusAfter(update)}`) })} ·{' '}
        {formatDateTime(locale, event.at)}
        {event.committee ? ` · ${t('timeline.committee', { committee: event.committee })}` : ''}
        {event.resolution ? ` · ${t(`resolution.${event.resolution}`)}` : ''}
      </Text>
      {event.comment ? <Quote label={commentLabel(t, update)} text={shorten(event.comment)} /> : null}
    </Section>
  )
}

export function DigestEmail({ message, locale, subject }: { message: DigestMessage; locale: Locale; subject: string }) {
  const t = getTranslate(locale)
  const intro = t('email.digest.intro', { date: digestDay(locale, message.date) })
  return (
    <EmailLayout
      locale={locale}
      subject={subject}
      preview={intro}
      reason={t('email.reason.digest')}
      settingsUrl={message.settingsUrl}
    >
      <Text style={paragraph}>{t('email.greeting', { name: message.recipientName })}</Text>
      <Text style={paragraph}>{intro}</Text>
      {message.updates.map((update, index) => (
        <DigestItem key={index} t={t} locale={locale} update={update} />
      ))}
      <Section style={{ borderTop: `1px solid ${colors.border}`, paddingTop: '16px' }}>
        <EmailButton href={message.notificationsUrl} fallbackLabel={t('email.linkFallback')}>
          {t('email.digest.all')}
        </EmailButton>
      </Section>
    </EmailLayout>
  )
}
