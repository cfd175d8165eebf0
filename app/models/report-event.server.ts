import { type AppDb } from '#app/utils/db.server.ts'

/**
 * Events as the timeline, the notifications and the emails tell them: each with the names it refers to (actor,
 * committee, phenomenon, proposed action, welfare report section). Callers narrow it or join it as a subquery.
 */
export function eventsWithDetails(db: AppDb) {
  return db
    .selectFrom('report_events')
    .leftJoin('users as actor', 'actor.id', 'report_events.actor_id')
    .leftJoin('committees', 'committees.id', 'report_events.committee_id')
    .leftJoin('phenomena', 'phenomena.id', 'report_events.phenomenon_id')
    .leftJoin('proposed_actions', 'proposed_actions.id', 'report_events.proposed_action_id')
    .leftJoin('welfare_report_sections', 'welfare_report_sections.id', 'report_events.welfare_report_section_id')
    .leftJoin('welfare_reports', 'welfare_reports.id', 'welfare_report_sections.welfare_report_id')
    .leftJoin('sendings', 'sendings.id', 'report_events.sending_id')
    .leftJoin('recipients', 'recipients.id', 'sendings.recipient_id')
    .leftJoin('follow_ups', 'follow_ups.id', 'report_events.follow_up_id')
    .leftJoin('follow_up_updates', 'follow_up_updates.id', 'report_events.follow_up_update_id')
    .select((eb) => [
      'report_events.id',
      'report_events.report_id',
      'report_events.organisation_id',
      'report_events.type',
      'report_events.from_status',
      'report_events.to_status',
      'report_events.comment',
      'report_events.resolution',
      'report_events.created_at',
      'report_events.decision',
      'report_events.action_outcome',
      // A partner answering through its link is named by what they wrote, else by the recipient; the clock by none.
      eb.fn
        .coalesce('actor.name', 'sendings.answered_by_name', 'recipients.name', eb.val(''))
        .$castTo<string>()
        .as('actor_name'),
      'committees.name as committee_name',
      'committees.name_sv as committee_name_sv',
      'phenomena.id as phenomenon_id',
      'phenomena.title as phenomenon_title',
      'proposed_actions.description as action_description',
      'welfare_reports.id as welfare_report_id',
      'welfare_reports.title as welfare_report_title',
      'welfare_report_sections.id as welfare_section_id',
      'welfare_report_sections.title as welfare_section_title',
      'recipients.name as recipient_name',
      'recipients.name_sv as recipient_name_sv',
      'follow_ups.id as follow_up_id',
      'follow_ups.title as follow_up_title',
      'follow_ups.target_date as follow_up_target_date',
      eb.fn.coalesce('follow_up_updates.status', 'follow_ups.status').as('follow_up_status'),
      'follow_up_updates.progress as follow_up_progress',
    ])
}
