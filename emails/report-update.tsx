import { Text } from '@react-email/components'
import { getTranslate, type Locale, type Translate } from '#app/utils/i18n.ts'
import { EmailButton } from './components/button.tsx'
import { Facts } from './components/facts.tsx'
import { EmailLayout } from './components/layout.tsx'
import { Quote } from './components/quote.tsx'
import { commentLabel, describeEvent, eventFacts, eventKind, statusAfter } from './components/report-event.ts'
import { paragraph } from './components/theme.ts'
import { type EmailMessage, type ReportUpdate } from './messages.ts'

export type NotificationMessage = Extract<EmailMessage, { kind: 'notification' }>

/** Followers and the author are addressed as such; leads and coordinators see the report named plainly. */
function audience(reason: ReportUpdate['reason']) {
  return reason === 'author' || reason === 'follower' ? reason : 'other'
}

/** Names the report and where it now stands, in the words that fit why this person gets it. */
export function reportUpdateSubject(t: Translate, update: ReportUpdate): string {
  const { report, event, reason } = update
  const title = report.title
  const phenomenon = event.phenomenon ?? ''
  const status = t(`status.${statusAfter(update)}`)
  const kind = eventKind(update)
  if (kind === 'linked') return t(`email.subject.linked.${audience(reason)}`, { title, phenomenon })
  if (kind === 'unlinked') return t(`email.subject.unlinked.${audience(reason)}`, { title, phenomenon })
  if (reason === 'team_lead' && kind === 'submitted') return t('email.subject.submittedToTeam', { title, status })
  if (reason === 'team_lead' && kind === 'resubmitted') return t('email.subject.resubmittedToTeam', { title, status })
  if (reason === 'coordinator' && kind === 'forwarded')
    return t('email.subject.forwardedToCoordinator', { title, status })
  return t(`email.subject.status.${audience(reason)}`, { title, status })
}

/** What the next step is, when the event asks something of the recipient or needs explaining. */
function nextStep(t: Translate, update: ReportUpdate): string | null {
  const kind = eventKind(update)
  if (kind === 'changes_requested' && update.reason === 'author') return t('email.next.changes_requested')
  if (kind === 'linked') return t('email.next.linked')
  return null
}

export function ReportUpdateEmail({
  message,
  locale,
  subject,
}: {
  message: NotificationMessage
  locale: Locale
  subject: string
}) {
  const t = getTranslate(locale)
  const sentence = describeEvent(t, message)
  const next = nextStep(t, message)
  return (
    <EmailLayout
      locale={locale}
      subject={subject}
      preview={sentence}
      reason={t(`email.reason.${message.reason}`)}
      settingsUrl={message.settingsUrl}
    >
      <Text style={paragraph}>{t('email.greeting', { name: message.recipientName })}</Text>
      <Text style={{ ...paragraph, fontSize: '18px', lineHeight: '26px', fontWeight: 700 }}>{sentence}</Text>
      {next ? <Text style={paragraph}>{next}</Text> : null}
      {message.event.comment ? <Quote label={commentLabel(t, message)} text={message.event.comment} /> : null}
      <Facts facts={eventFacts(t, locale, message)} />
      {message.event.welfareReport ? (
        <EmailButton href={message.event.welfareReport.url} fallbackLabel={t('email.linkFallback')}>
          {t('email.openWelfareReport')}
        </EmailButton>
      ) : (
        <EmailButton href={message.report.url} fallbackLabel={t('email.linkFallback')}>
          {t('email.openReport')}
        </EmailButton>
      )}
    </EmailLayout>
  )
}
