import { type Fact } from './facts.tsx'
import { type ReportUpdate } from '#emails/messages.ts'
import {
  commentLabelKey,
  emailMessage,
  type EventStep,
  eventStep,
  translateEventMessage,
} from '#app/domain/report-events.ts'
import { formatDateTime, type Locale, type Translate } from '#app/utils/i18n.ts'

/** The step an event stands for; a few moves read differently from the status they land in. */
export type EventKind = EventStep

export function eventKind(update: ReportUpdate): EventKind {
  return eventStep(update.event, update.report.status)
}

/** The status the report has after this event, which is what the recipient wants to know first. */
export function statusAfter(update: ReportUpdate) {
  return update.event.toStatus ?? update.report.status
}

/** One sentence: what happened and who did it. */
export function describeEvent(t: Translate, update: ReportUpdate): string {
  return translateEventMessage(t, emailMessage(update.event, eventKind(update)))
}

/** What to call the actor's comment: a changes request, a decision and a closing reason are different things. */
export function commentLabel(t: Translate, update: ReportUpdate): string {
  return t(commentLabelKey(eventKind(update)))
}

export function eventFacts(t: Translate, locale: Locale, update: ReportUpdate): Fact[] {
  const { report, event } = update
  const facts: Fact[] = [
    { label: t('email.detail.report'), value: report.title },
    { label: t('reports.column.status'), value: t(`status.${statusAfter(update)}`) },
    { label: t('email.detail.time'), value: formatDateTime(locale, event.at) },
  ]
  if (event.committee) facts.push({ label: t('report.field.committee'), value: event.committee })
  if (event.phenomenon) facts.push({ label: t('phenomenon.title'), value: event.phenomenon })
  if (event.resolution)
    facts.push({ label: t('report.transition.resolution'), value: t(`resolution.${event.resolution}`) })
  if (event.decision) facts.push({ label: t('email.detail.decision'), value: t(`agendaDecision.${event.decision}`) })
  if (event.action) {
    facts.push({ label: t('email.detail.action'), value: event.action.description })
    facts.push({ label: t('email.detail.outcome'), value: t(`actionOutcome.${event.action.outcome}`) })
  }
  if (event.welfareReport) {
    facts.push({ label: t('email.detail.welfareReport'), value: event.welfareReport.title })
    facts.push({ label: t('email.detail.welfareSection'), value: event.welfareReport.section })
  }
  return facts
}
