import { type NotificationReason, type ReportStatus } from '#app/models/database.ts'
import { type FollowUpStatus } from '#app/domain/follow-ups.ts'
import { type ReportEventView } from '#app/domain/report-events.ts'

/**
 * One step in a report's life as an email tells it: the event as every surface presents it, its welfare report
 * section linked with a full URL. Every text here has already passed the identifiability guard.
 */
export interface ReportUpdate {
  report: { title: string; url: string; status: ReportStatus }
  event: Omit<ReportEventView, 'id' | 'welfareReport'> & {
    /** The welfare report section that used the report, with a link to it. */
    welfareReport: { title: string; section: string; url: string } | null
  }
  reason: NotificationReason
}

/** An overdue follow-up as the weekly reminder lists it; its title has passed the identifiability guard. */
export interface OverdueFollowUp {
  title: string
  url: string
  /** YYYY-MM-DD. */
  targetDate: string
  status: FollowUpStatus
  progress: number | null
  /** The responsible body or team, and person, as one line; null when left to the coordinator. */
  responsible: string | null
}

/** What was sent on, as its request email shows it: reports hold no identifying data by design. */
export interface SentMatterMessage {
  matter: { kind: 'report' | 'phenomenon'; title: string; description: string; actions: string[] }
  coveringNote: string
  sentAt: string
}

/** Everything the app emails; the worker renders one of these in the recipient's language when it sends it. */
export type EmailMessage =
  | ({ kind: 'notification'; recipientName: string; settingsUrl: string } & ReportUpdate)
  | {
      kind: 'digest'
      recipientName: string
      /** The day the updates happened, YYYY-MM-DD in Europe/Helsinki. */
      date: string
      updates: ReportUpdate[]
      notificationsUrl: string
      settingsUrl: string
    }
  | {
      kind: 'invitation'
      recipientName: string
      inviterName: string
      organisationName: string
      url: string
      expiresAt: string
    }
  | { kind: 'password_reset'; recipientName: string; url: string; expiresAt: string }
  | ({
      kind: 'partner_request' | 'partner_reminder'
      recipientName: string
      organisationName: string
      url: string
      expiresAt: string
    } & SentMatterMessage)
  | ({
      kind: 'member_request'
      recipientName: string
      /** The internal body the matter was sent to, of which the recipient is a member. */
      bodyName: string
      senderName: string
      /** The sending's page, where members mark it received, answer or return it. */
      url: string
    } & SentMatterMessage)
  | {
      kind: 'follow_up_reminder'
      recipientName: string
      /** The addressee's overdue follow-ups, oldest target date first, each with a link to its page. */
      followUps: OverdueFollowUp[]
      boardUrl: string
      settingsUrl: string
    }

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}
