import {
  type ActionOutcome,
  type AgendaDecision,
  type NotificationReason,
  type ReportEventType,
  type ReportStatus,
} from '#app/models/database.ts'
import { type Resolution } from '#app/domain/report-status.ts'

/** One step in a report's life as an email tells it; every text here has already passed the identifiability guard. */
export interface ReportUpdate {
  report: { title: string; url: string; status: ReportStatus }
  event: {
    type: ReportEventType
    fromStatus: ReportStatus | null
    toStatus: ReportStatus | null
    comment: string | null
    resolution: Resolution | null
    committee: string | null
    phenomenon: string | null
    /** The committee's decision that moved the report, if one did. */
    decision: AgendaDecision | null
    /** The proposed action whose outcome was recorded. */
    action: { description: string; outcome: ActionOutcome } | null
    /** The welfare report section that used the report, with a link to it. */
    welfareReport: { title: string; section: string; url: string } | null
    actorName: string
    at: string
  }
  reason: NotificationReason
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

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}
