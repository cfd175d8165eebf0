import { type Actor, type ReportStatus } from './report-status.ts'

/** The team meetings a report can be prepared in together; stored as these codes in `reports.prepared_in`. */
export const teamMeetingKinds = ['team_meeting', 'supervision', 'other_team_meeting'] as const
export type TeamMeetingKind = (typeof teamMeetingKinds)[number]

/** A report names at most this many co-authors: a team meeting, not a mailing list. */
export const maxCoAuthors = 20

/** A question or an answer is a short note beside the report, not a second report. */
export const maxQuestionLength = 2000

/** Someone is the report's author when they wrote it or are named as one of its co-authors. */
export function isReportAuthor(userId: string, report: { author_id: string; co_author_ids: readonly string[] }) {
  return report.author_id === userId || report.co_author_ids.includes(userId)
}

/** A question keeps the report where it is, so it is asked while the team is still looking at it. */
export const questionStatuses = ['submitted', 'in_review'] as const satisfies readonly ReportStatus[]

/** The report's team lead or a coordinator may ask its authors a question, without sending it back for changes. */
export function mayAskQuestion(actor: Actor, status: ReportStatus): boolean {
  if (!(questionStatuses as readonly ReportStatus[]).includes(status)) return false
  return actor.roles.includes('coordinator') || (actor.roles.includes('team_lead') && actor.leadsReportTeam)
}

/** Questions go to the report's authors, and any of them may answer. */
export function mayAnswerQuestion(actor: Actor): boolean {
  return actor.isAuthor
}
