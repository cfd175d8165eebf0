import { type Locale, type MessageKey, type Translate } from '#app/utils/i18n.ts'
import { type ActionOutcome } from './action-outcomes.ts'
import { type AgendaDecision } from './agenda-decisions.ts'
import { displayName } from './display-name.ts'
import { type FollowUpStatus } from './follow-ups.ts'
import { type ReportEventType } from './report-event-types.ts'
import { type ReportStatus, type Resolution } from './report-status.ts'
import { welfareSectionPath } from './welfare-report.ts'

/**
 * One step in a report's life, presented once for every surface that tells it: the report page's timeline, "My
 * reports", the notifications page, the emails and API v1. A new event kind is added here (and in the exhaustive
 * switches below, which refuse to compile until it is) and every surface shows it.
 */

/**
 * An event as read from the database with the names it refers to (`eventsWithDetails`), or the same row after a
 * loader has sent it to the browser, when its time is a string.
 */
export interface StoredReportEvent {
  id: string
  type: ReportEventType
  /** Optional because "My reports" reads only the newest event's target status; nothing it shows needs the origin. */
  from_status?: ReportStatus | null
  to_status: ReportStatus | null
  comment: string | null
  resolution: Resolution | null
  created_at: Date | string
  actor_name: string
  committee_name: string | null
  committee_name_sv: string | null
  phenomenon_title: string | null
  decision: AgendaDecision | null
  action_outcome: ActionOutcome | null
  action_description: string | null
  welfare_report_id: string | null
  welfare_report_title: string | null
  welfare_section_id: string | null
  welfare_section_title: string | null
  recipient_name: string | null
  recipient_name_sv: string | null
  follow_up_id: string | null
  follow_up_title: string | null
  follow_up_target_date: string | null
  /** The status and progress the update set; for the follow-up's other events, its status at the time of reading. */
  follow_up_status: FollowUpStatus | null
  follow_up_progress: number | null
}

/** What happened, when and by whom, with what it refers to; the value every surface renders. */
export interface ReportEventView {
  id: string
  type: ReportEventType
  /** ISO 8601, so the value is the same on the server, in the browser and in JSON. */
  at: string
  actorName: string
  fromStatus: ReportStatus | null
  toStatus: ReportStatus | null
  comment: string | null
  resolution: Resolution | null
  /** The committee's and the recipient's names as the reader's language has them (display-name.ts). */
  committee: string | null
  phenomenon: string | null
  /** The committee's decision that moved the report, if one did. */
  decision: AgendaDecision | null
  /** The proposed action whose outcome was recorded. */
  action: { description: string; outcome: ActionOutcome } | null
  /** The welfare report section that used the report; `path` is the app-relative link to the section. */
  welfareReport: { id: string; title: string; sectionId: string; section: string; path: string } | null
  /** The recipient the report or its phenomenon was sent to, or who answered or returned it. */
  recipient: string | null
  /** The follow-up the event tells of; `path` is the app-relative link to it. */
  followUp: {
    id: string
    title: string
    targetDate: string | null
    status: FollowUpStatus | null
    progress: number | null
    path: string
  } | null
}

export function presentReportEvent(event: StoredReportEvent, locale: Locale): ReportEventView {
  return {
    id: event.id,
    type: event.type,
    at: new Date(event.created_at).toISOString(),
    actorName: event.actor_name,
    fromStatus: event.from_status ?? null,
    toStatus: event.to_status,
    comment: event.comment,
    resolution: event.resolution,
    committee: event.committee_name && displayName(locale, event.committee_name, event.committee_name_sv),
    phenomenon: event.phenomenon_title,
    decision: event.decision,
    action:
      event.action_description !== null && event.action_outcome !== null
        ? { description: event.action_description, outcome: event.action_outcome }
        : null,
    welfareReport:
      event.welfare_report_id !== null && event.welfare_section_id !== null
        ? {
            id: event.welfare_report_id,
            title: event.welfare_report_title ?? '',
            sectionId: event.welfare_section_id,
            section: event.welfare_section_title ?? '',
            path: welfareSectionPath(event.welfare_report_id, event.welfare_section_id),
          }
        : null,
    recipient: event.recipient_name && displayName(locale, event.recipient_name, event.recipient_name_sv),
    followUp:
      event.follow_up_id !== null
        ? {
            id: event.follow_up_id,
            title: event.follow_up_title ?? '',
            targetDate: event.follow_up_target_date,
            status: event.follow_up_status,
            progress: event.follow_up_progress,
            path: followUpPath(event.follow_up_id),
          }
        : null,
  }
}

export function followUpPath(followUpId: string): string {
  return `/follow-ups/${followUpId}`
}

/** A title quoted mid-sentence, without its own closing full stop (which would sit before the quote mark). */
function quoted(text: string | undefined): string {
  return (text ?? '').trim().replace(/[.]+$/, '')
}

/** A catalog text with its parameters; a parameter may itself be a catalog text (a status, a decision…). */
export interface EventMessage {
  key: MessageKey
  params?: Record<string, string | EventMessage>
}

export function translateEventMessage(t: Translate, message: EventMessage): string {
  const params = Object.fromEntries(
    Object.entries(message.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : translateEventMessage(t, value),
    ]),
  )
  return t(message.key, params)
}

/** The timeline's headline: what happened, without the actor (the timeline names them on the next line). */
export function timelineMessage(event: ReportEventView): EventMessage {
  switch (event.type) {
    case 'created':
      return { key: 'timeline.created' }
    case 'status_changed':
      if (event.decision)
        return { key: 'timeline.decision', params: { decision: { key: `agendaDecision.${event.decision}` } } }
      return { key: 'timeline.statusChanged', params: { status: { key: `status.${event.toStatus ?? 'draft'}` } } }
    case 'phenomenon_linked':
      return { key: 'timeline.linked', params: { phenomenon: event.phenomenon ?? '' } }
    case 'phenomenon_unlinked':
      return { key: 'timeline.unlinked', params: { phenomenon: event.phenomenon ?? '' } }
    case 'action_outcome':
      return {
        key: 'timeline.actionOutcome',
        params: {
          // Quoted mid-sentence, so the action's own closing full stop would sit before the quote mark.
          action: quoted(event.action?.description),
          outcome: event.action ? { key: `actionOutcome.${event.action.outcome}` } : '',
        },
      }
    case 'welfare_report_included':
      return { key: 'timeline.welfareIncluded' }
    case 'sent_to_recipient':
      return { key: 'timeline.sentToRecipient', params: { recipient: event.recipient ?? '' } }
    case 'recipient_answered':
      return { key: 'timeline.recipientAnswered', params: { recipient: event.recipient ?? '' } }
    case 'sending_returned':
      return { key: 'timeline.sendingReturned', params: { recipient: event.recipient ?? '' } }
    case 'follow_up_created':
      return { key: 'timeline.followUpCreated', params: { followUp: quoted(event.followUp?.title) } }
    case 'follow_up_updated':
      return {
        key: 'timeline.followUpUpdated',
        params: {
          followUp: quoted(event.followUp?.title),
          status: event.followUp?.status ? { key: `followUpStatus.${event.followUp.status}` } : '',
        },
      }
    case 'follow_up_overdue':
      return { key: 'timeline.followUpOverdue', params: { followUp: quoted(event.followUp?.title) } }
    case 'text_redacted':
      return { key: 'timeline.textRedacted' }
    case 'question_asked':
      return { key: 'timeline.questionAsked' }
    case 'question_answered':
      return { key: 'timeline.questionAnswered' }
  }
}

/** The step an event stands for, as an email names it; a few moves read differently from the status they land in. */
export type EventStep =
  | 'created'
  | 'linked'
  | 'unlinked'
  | 'resubmitted'
  | 'returned'
  | 'tabled'
  | 'noted'
  | 'action_outcome'
  | 'sent_to_recipient'
  | 'recipient_answered'
  | 'sending_returned'
  | 'follow_up_created'
  | 'follow_up_updated'
  | 'follow_up_overdue'
  | 'text_redacted'
  | 'question_asked'
  | 'question_answered'
  | ReportStatus

/** `reportStatus` stands in for a status change that did not record its target. */
export function eventStep(
  event: Pick<ReportEventView, 'type' | 'fromStatus' | 'toStatus' | 'decision'>,
  reportStatus: ReportStatus,
): EventStep {
  switch (event.type) {
    case 'created':
      return 'created'
    case 'phenomenon_linked':
      return 'linked'
    case 'phenomenon_unlinked':
      return 'unlinked'
    case 'action_outcome':
    case 'sent_to_recipient':
    case 'recipient_answered':
    case 'sending_returned':
    case 'follow_up_created':
    case 'follow_up_updated':
    case 'follow_up_overdue':
    case 'text_redacted':
    case 'question_asked':
    case 'question_answered':
      return event.type
    case 'welfare_report_included':
      return 'in_welfare_report'
    case 'status_changed': {
      const to = event.toStatus ?? reportStatus
      if (to === 'submitted' && event.fromStatus === 'changes_requested') return 'resubmitted'
      if (to === 'forwarded' && event.fromStatus === 'on_agenda')
        return event.decision === 'tabled' ? 'tabled' : 'returned'
      if (to === 'decided' && event.decision === 'noted') return 'noted'
      return to
    }
  }
}

/** The email's sentence: what happened and who did it. */
export function emailMessage(
  event: Pick<ReportEventView, 'actorName' | 'phenomenon' | 'recipient' | 'followUp'>,
  step: EventStep,
): EventMessage {
  return {
    key: `email.event.${step}`,
    params: {
      actor: event.actorName,
      phenomenon: event.phenomenon ?? '',
      recipient: event.recipient ?? '',
      followUp: quoted(event.followUp?.title),
    },
  }
}

/** What to call the actor's comment: a changes request, a decision and a closing reason are different things. */
export function commentLabelKey(step: EventStep): MessageKey {
  switch (step) {
    case 'changes_requested':
      return 'email.comment.changes_requested'
    case 'decided':
    case 'noted':
    case 'tabled':
      return 'email.comment.decision'
    case 'closed':
    case 'returned':
    case 'withdrawn':
    case 'sending_returned':
    case 'text_redacted':
      return 'email.comment.reason'
    case 'sent_to_recipient':
      return 'email.comment.coveringNote'
    case 'recipient_answered':
    case 'question_answered':
      return 'email.comment.answer'
    case 'question_asked':
      return 'email.comment.question'
    case 'follow_up_updated':
      return 'email.comment.update'
    default:
      return 'email.comment.default'
  }
}
