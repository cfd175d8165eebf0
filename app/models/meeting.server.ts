import { type ExpressionBuilder, sql, type Transaction } from 'kysely'
import { type MeetingInput, meetingReadScope } from '#app/domain/meetings.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { type CurrentUser } from './user.server.ts'

export type MeetingViewer = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

/** The predicate that lists the meetings a viewer may read (the rule: `meetingReadScope` in domain/meetings.ts). */
function visibleMeetings(viewer: MeetingViewer) {
  return (eb: ExpressionBuilder<Database, 'meetings'>) => {
    const inOrganisation = eb('meetings.organisation_id', '=', viewer.organisation.id)
    switch (meetingReadScope(viewer.roles)) {
      case 'organisation':
        return inOrganisation
      case 'seated_published':
        return eb.and([
          inOrganisation,
          eb('meetings.published_at', 'is not', null),
          eb.exists(
            eb
              .selectFrom('committee_members')
              .select('committee_members.user_id')
              .whereRef('committee_members.committee_id', '=', 'meetings.committee_id')
              .where('committee_members.user_id', '=', viewer.id),
          ),
        ])
      case 'none':
        return eb.val(false)
    }
  }
}

export function listMeetingsForViewer(db: AppDb, viewer: MeetingViewer) {
  return db
    .selectFrom('meetings')
    .innerJoin('committees', 'committees.id', 'meetings.committee_id')
    .select((eb) => [
      'meetings.id',
      'meetings.committee_id',
      'committees.name as committee_name',
      'committees.name_sv as committee_name_sv',
      'meetings.starts_at',
      'meetings.place',
      'meetings.published_at',
      eb
        .selectFrom('agenda_items')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('agenda_items.meeting_id', '=', 'meetings.id')
        .as('item_count'),
      eb
        .selectFrom('agenda_items')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('agenda_items.meeting_id', '=', 'meetings.id')
        .where('agenda_items.decision', 'is not', null)
        .as('decided_count'),
    ])
    .where(visibleMeetings(viewer))
    .orderBy('meetings.starts_at', 'desc')
    .orderBy('meetings.id')
    .execute()
}

/** The organisation's meeting with its committee's name; whether the viewer may read it is the service's question. */
export function findMeeting(db: AppDb, organisationId: string, meetingId: string) {
  return db
    .selectFrom('meetings')
    .innerJoin('committees', 'committees.id', 'meetings.committee_id')
    .select([
      'meetings.id',
      'meetings.committee_id',
      'committees.name as committee_name',
      'committees.name_sv as committee_name_sv',
      'meetings.starts_at',
      'meetings.place',
      'meetings.published_at',
    ])
    .where('meetings.id', '=', meetingId)
    .where('meetings.organisation_id', '=', organisationId)
    .executeTakeFirst()
}

export async function insertMeeting(
  db: AppDb,
  meeting: MeetingInput & { organisationId: string; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('meetings')
    .values({
      organisation_id: meeting.organisationId,
      committee_id: meeting.committeeId,
      starts_at: meeting.startsAt,
      place: meeting.place,
      created_by: meeting.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * The organisation's meeting, locked for the rest of the transaction so that no edit slips in beside publishing,
 * and its agenda items take their positions in turn.
 */
export function lockMeeting(trx: Transaction<Database>, organisationId: string, meetingId: string) {
  return trx
    .selectFrom('meetings')
    .select(['id', 'committee_id', 'published_at'])
    .where('id', '=', meetingId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateMeetingDetails(trx: Transaction<Database>, meetingId: string, input: MeetingInput) {
  await trx
    .updateTable('meetings')
    .set({ committee_id: input.committeeId, starts_at: input.startsAt, place: input.place, updated_at: new Date() })
    .where('id', '=', meetingId)
    .execute()
}

export async function markMeetingPublished(trx: Transaction<Database>, meetingId: string, actorId: string) {
  await trx
    .updateTable('meetings')
    .set({ published_at: new Date(), published_by: actorId, updated_at: new Date() })
    .where('id', '=', meetingId)
    .execute()
}
