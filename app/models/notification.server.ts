import { type SelectQueryBuilder, sql, type Transaction } from 'kysely'
import { type ReportUpdate } from '#emails/messages.ts'
import { notificationReason } from '#app/domain/notifications.ts'
import { presentReportEvent } from '#app/domain/report-events.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Locale } from '#app/utils/i18n.ts'
import { type Database } from './database.ts'
import { enqueueEmail } from './email-job.server.ts'
import { eventsWithDetails } from './report-event.server.ts'

/**
 * Writes the notifications an event produces, and the email jobs of those who want email at once, in the
 * transaction that records the event: the feedback exists exactly when the step does.
 */
export async function createNotificationsForEvent(trx: Transaction<Database>, eventId: string) {
  const event = await trx
    .selectFrom('report_events')
    .innerJoin('reports', 'reports.id', 'report_events.report_id')
    .select([
      'report_events.id',
      'report_events.type',
      'report_events.to_status',
      'report_events.actor_id',
      'report_events.organisation_id',
      'reports.id as report_id',
      'reports.author_id',
      'reports.team_id',
    ])
    .where('report_events.id', '=', eventId)
    .executeTakeFirstOrThrow()
  const people = await stakeholders(trx, event)
  const notified = people.flatMap((person) => {
    const reason = notificationReason(
      { type: event.type, toStatus: event.to_status },
      {
        isActor: person.user_id === event.actor_id,
        isAuthor: person.is_author,
        leadsReportTeam: person.leads_team,
        isCoordinator: person.coordinator,
        follows: person.follows,
      },
    )
    return reason ? [{ userId: person.user_id, reason, emailDelivery: person.email_delivery }] : []
  })
  if (notified.length === 0) return
  const rows = await trx
    .insertInto('notifications')
    .values(
      notified.map((person) => ({
        organisation_id: event.organisation_id,
        user_id: person.userId,
        event_id: event.id,
        report_id: event.report_id,
        reason: person.reason,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'event_id']).doNothing())
    .returning(['id', 'user_id'])
    .execute()
  for (const row of rows) {
    if (notified.find((person) => person.userId === row.user_id)?.emailDelivery !== 'immediate') continue
    await enqueueEmail(trx, {
      organisationId: event.organisation_id,
      recipientId: row.user_id,
      kind: 'notification',
      payload: { notificationId: row.id },
      idempotencyKey: `notification/${row.id}`,
    })
  }
}

/**
 * Everyone who may hear of an event on this report: its authors (the one who wrote it and its co-authors, who hear
 * of every step alike), its team's leads, coordinators, followers.
 */
function stakeholders(
  trx: Transaction<Database>,
  event: { organisation_id: string; report_id: string; author_id: string; team_id: string | null },
) {
  return trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as user_id',
      'users.email_delivery',
      sql<boolean>`users.id = ${event.author_id} or exists (
        select 1 from report_co_authors
        where report_co_authors.report_id = ${event.report_id} and report_co_authors.user_id = users.id
      )`.as('is_author'),
      sql<boolean>`'team_lead' = any(memberships.roles) and exists (
        select 1 from team_memberships
        where team_memberships.user_id = users.id and team_memberships.team_id = ${event.team_id}
      )`.as('leads_team'),
      sql<boolean>`'coordinator' = any(memberships.roles)`.as('coordinator'),
      sql<boolean>`exists (
        select 1 from follows
        where follows.user_id = users.id and (
          follows.report_id = ${event.report_id}
          or follows.phenomenon_id in (
            select phenomenon_id from phenomenon_reports where report_id = ${event.report_id}
          )
        )
      )`.as('follows'),
    ])
    .where('memberships.organisation_id', '=', event.organisation_id)
    .where('memberships.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('users.id', '=', event.author_id),
        eb(
          'users.id',
          'in',
          eb
            .selectFrom('report_co_authors')
            .select('report_co_authors.user_id')
            .where('report_id', '=', event.report_id),
        ),
        sql<boolean>`'coordinator' = any(memberships.roles)`,
        sql<boolean>`'team_lead' = any(memberships.roles)`,
        eb.exists(
          eb
            .selectFrom('follows')
            .select('follows.id')
            .whereRef('follows.user_id', '=', 'users.id')
            .where('follows.organisation_id', '=', event.organisation_id),
        ),
      ]),
    )
    .execute()
}

/** Notifications with the event they tell of and its report: what the notification page and the emails show. */
function notificationEvents(db: AppDb, notifications: SelectQueryBuilder<Database, 'notifications', object>) {
  return notifications
    .innerJoin(eventsWithDetails(db).as('event'), 'event.id', 'notifications.event_id')
    .innerJoin('reports', 'reports.id', 'notifications.report_id')
    .select([
      'notifications.id',
      'notifications.reason',
      'notifications.read_at',
      'reports.id as report_id',
      'reports.title as report_title',
      'reports.status as report_status',
      'event.id as event_id',
      'event.type',
      'event.from_status',
      'event.to_status',
      'event.comment',
      'event.resolution',
      'event.created_at',
      'event.actor_name',
      'event.committee_name',
      'event.committee_name_sv',
      'event.phenomenon_id',
      'event.phenomenon_title',
      'event.decision',
      'event.action_outcome',
      'event.action_description',
      'event.welfare_report_id',
      'event.welfare_report_title',
      'event.welfare_section_id',
      'event.welfare_section_title',
      'event.recipient_name',
      'event.recipient_name_sv',
      'event.follow_up_id',
      'event.follow_up_title',
      'event.follow_up_target_date',
      'event.follow_up_status',
      'event.follow_up_progress',
    ])
}

/**
 * Notifications as the updates an email tells: what happened to which report, by whom, and why the reader hears;
 * bodies are named as the reader's `locale` has them.
 */
export async function listReportUpdates(
  db: AppDb,
  appUrl: string,
  locale: Locale,
  which: { notificationId: string } | { userId: string; organisationId: string; day: string },
): Promise<ReportUpdate[]> {
  const rows = await notificationEvents(db, db.selectFrom('notifications'))
    .$if('notificationId' in which, (qb) =>
      qb.where('notifications.id', '=', (which as { notificationId: string }).notificationId),
    )
    .$if('day' in which, (qb) => {
      const { userId, organisationId, day } = which as { userId: string; organisationId: string; day: string }
      return qb
        .where('notifications.user_id', '=', userId)
        .where('notifications.organisation_id', '=', organisationId)
        .where('notifications.created_at', '>=', sql<Date>`(${day}::date)::timestamp at time zone 'Europe/Helsinki'`)
        .where('notifications.created_at', '<', sql<Date>`(${day}::date + 1)::timestamp at time zone 'Europe/Helsinki'`)
    })
    .orderBy('event.created_at')
    .orderBy('event.id')
    .execute()
  return rows.map((row) => {
    const { id: _eventId, welfareReport, ...event } = presentReportEvent({ ...row, id: row.event_id }, locale)
    return {
      report: {
        title: row.report_title,
        url: `${appUrl}/reports/${row.report_id}#timeline`,
        status: row.report_status,
      },
      event: {
        ...event,
        welfareReport: welfareReport && {
          title: welfareReport.title,
          section: welfareReport.section,
          url: `${appUrl}${welfareReport.path}`,
        },
      },
      reason: row.reason,
    }
  })
}

/** Whose notifications a read or a change is about: always one person inside one organisation. */
export interface NotificationOwner {
  userId: string
  organisationId: string
}

function ownedBy(db: AppDb, owner: NotificationOwner) {
  return db
    .selectFrom('notifications')
    .where('notifications.user_id', '=', owner.userId)
    .where('notifications.organisation_id', '=', owner.organisationId)
}

/** The bell's number; served by the partial index `notifications_unread_idx`. */
export async function countUnread(db: AppDb, owner: NotificationOwner): Promise<number> {
  const row = await ownedBy(db, owner)
    .select(sql<number>`count(*)::int`.as('count'))
    .where('notifications.read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.count
}

/**
 * The bell's number, counted no further than `limit`: a reader with tens of thousands unread would otherwise pay
 * for counting them all on every page, and the bell shows "99+" beyond 99 anyway.
 */
export async function countUnreadUpTo(db: AppDb, owner: NotificationOwner, limit: number): Promise<number> {
  const row = await db
    .selectFrom(
      ownedBy(db, owner)
        .select('notifications.id')
        .where('notifications.read_at', 'is', null)
        .limit(limit)
        .as('unread'),
    )
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

/** Newest first, each with the event in the words the report timeline uses and the report it happened to. */
export function listNotifications(db: AppDb, owner: NotificationOwner, page: { limit: number; offset: number }) {
  return notificationEvents(db, ownedBy(db, owner))
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** Marks one of the owner's notifications read (again harmlessly) and returns its report; null when not theirs. */
export async function markRead(db: AppDb, owner: NotificationOwner, notificationId: string) {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', notificationId)
    .where('user_id', '=', owner.userId)
    .where('organisation_id', '=', owner.organisationId)
    .returning('report_id')
    .executeTakeFirst()
  return row?.report_id ?? null
}

export async function markAllRead(db: AppDb, owner: NotificationOwner): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', owner.userId)
    .where('organisation_id', '=', owner.organisationId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
