/** Every kind of step recorded in a report's history; the `report_events.type` column holds exactly these. */
export const reportEventTypes = [
  'created',
  'status_changed',
  'phenomenon_linked',
  'phenomenon_unlinked',
  'action_outcome',
  'welfare_report_included',
  'sent_to_recipient',
  'recipient_answered',
  'sending_returned',
  'follow_up_created',
  'follow_up_updated',
  'follow_up_overdue',
  'text_redacted',
  'question_asked',
  'question_answered',
] as const
export type ReportEventType = (typeof reportEventTypes)[number]
