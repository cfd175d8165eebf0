import { type AppDb } from '#app/utils/db.server.ts'

/**
 * Events as the timeline, the notifications and the emails tell them: each with the names it refers to (actor,
 * committee, phenomenon, proposed action, welfare report section). Callers narrow it or join it as a subquery.
 */
export function eventsWithDetails(db: AppDb) {
  return db
    .selectFrom('report_events')
    .innerJoin('users as actor', 'actor.id', 'report_events.actor_id')
    .leftJoin('committees', 'committees.id', 'report_events.committee_id')
    .leftJoin('phenomena', 'phenomena.id', 'report_events.phenomenon_id')
    .leftJoin('proposed_actions', 'proposed_actions.id', 'report_events.proposed_action_id')
    .leftJoin('welfare_report_sections', 'welfare_report_sections.id', 'report_events.welfare_report_section_id')
    .leftJoin('welfare_reports', 'welfare_reports.id', 'welfare_report_sections.welfare_report_id')
    .select([
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
      'actor.name as actor_name',
      'committees.name as committee_name',
      'phenomena.title as phenomenon_title',
      'proposed_actions.description as action_description',
      'welfare_reports.id as welfare_report_id',
      'welfare_reports.title as welfare_report_title',
      'welfare_report_sections.id as welfare_section_id',
      'welfare_report_sections.title as welfare_section_title',
    ])
}
