import { type z } from 'zod'
import { helsinkiDay } from '#app/domain/digest.ts'
import { type FollowUpDetail, type FollowUpView } from '#app/services/follow-ups.server.ts'
import { type ApiFollowUpSchema, type ApiFollowUpSummarySchema } from './api-schemas.ts'

/** Follow-ups in the documented API shapes; the return types tie each one to its schema. */

const iso = (value: Date | string) => new Date(value).toISOString()

function named(id: string | null, name: string | null) {
  return id !== null && name !== null ? { id, name } : null
}

export function followUpSummaryResource(followUp: FollowUpView): z.input<typeof ApiFollowUpSummarySchema> {
  return {
    id: followUp.id,
    title: followUp.title,
    status: followUp.status,
    progress: followUp.progress,
    targetDate: followUp.target_date,
    decidedOn: followUp.decided_on,
    overdue: followUp.overdue,
    version: followUp.version,
    responsible: {
      recipient: named(followUp.responsible_recipient_id, followUp.recipient_name),
      team: named(followUp.responsible_team_id, followUp.team_name),
      person: named(followUp.responsible_user_id, followUp.person_name),
    },
    origin: {
      decision:
        followUp.agenda_item_id && followUp.meeting_starts_at
          ? {
              agendaItem: { id: followUp.agenda_item_id, title: followUp.agenda_item_title ?? '' },
              committee: followUp.committee_name ?? '',
              meetingDate: helsinkiDay(new Date(followUp.meeting_starts_at)),
              decisionText: followUp.decision_text,
            }
          : null,
      proposedAction:
        followUp.proposed_action_id && followUp.action_description !== null
          ? { id: followUp.proposed_action_id, description: followUp.action_description }
          : null,
    },
    createdAt: iso(followUp.created_at),
    updatedAt: iso(followUp.updated_at),
  }
}

export function followUpResource(detail: FollowUpDetail): z.input<typeof ApiFollowUpSchema> {
  return {
    ...followUpSummaryResource(detail.followUp),
    statusReason: detail.followUp.status_reason,
    reports: detail.reports.map((report) => ({ id: report.id, title: report.title, status: report.status })),
    reportCount: detail.reportCount,
    updates: detail.updates.map((update) => ({
      id: update.id,
      body: update.body,
      status: update.status,
      progress: update.progress,
      author: update.author_name !== null ? { name: update.author_name } : null,
      createdAt: iso(update.created_at),
    })),
    mayUpdate: detail.mayUpdate,
  }
}
