import { type ReportStatus } from './report-status.ts'

export interface ChangeRequest {
  /** ISO 8601, the same on the server and in the browser. */
  at: string
  actorName: string
  comment: string
}

/**
 * What the lead asked the author to change, newest first with the earlier requests after it, for as long as the
 * report waits for those changes; once resubmitted, the requests live on in the timeline only.
 */
export function openChangeRequests(
  status: ReportStatus,
  events: { to_status: ReportStatus | null; comment: string | null; actor_name: string; created_at: Date | string }[],
): ChangeRequest[] {
  if (status !== 'changes_requested') return []
  return events
    .filter((event) => event.to_status === 'changes_requested')
    .map((event) => ({
      at: new Date(event.created_at).toISOString(),
      actorName: event.actor_name,
      comment: event.comment ?? '',
    }))
    .reverse()
}
