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
