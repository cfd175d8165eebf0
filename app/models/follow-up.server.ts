import { type ExpressionBuilder, sql, type Transaction } from 'kysely'
import {
  type FollowUpStanding,
  type FollowUpStatus,
  type FollowUpState,
  openFollowUpStatuses,
  type Responsible,
} from '#app/domain/follow-ups.ts'
import { reportScopeFor } from '#app/domain/report-visibility.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { recordReportEvent, type Viewer, visibleTo } from './report.server.ts'

type FollowUps = ExpressionBuilder<Database, 'follow_ups'>

/** The user is a member of the responsible recipient body: its own members, or a committee's seats. */
function sitsInResponsibleBody(userId: string) {
  return (eb: FollowUps) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('recipient_members')
          .select('recipient_members.user_id')
          .whereRef('recipient_members.recipient_id', '=', 'follow_ups.responsible_recipient_id')
          .where('recipient_members.user_id', '=', userId),
      ),
      eb.exists(
        eb
          .selectFrom('recipients')
          .innerJoin('committee_members', 'committee_members.committee_id', 'recipients.committee_id')
          .select('committee_members.user_id')
          .whereRef('recipients.id', '=', 'follow_ups.responsible_recipient_id')
          .where('committee_members.user_id', '=', userId),
      ),
    ])
}

/** The viewer is the responsible person, sits in the responsible body, or leads the responsible team or a report's. */
function answersFor(viewer: Viewer) {
  return (eb: FollowUps) => {
    const teamIds = viewer.teams.map((team) => team.id)
    const leadsTeams = viewer.roles.includes('team_lead') && teamIds.length > 0
    return eb.or([
      eb('follow_ups.responsible_user_id', '=', viewer.id),
      sitsInResponsibleBody(viewer.id)(eb),
      ...(leadsTeams
        ? [
            eb('follow_ups.responsible_team_id', 'in', teamIds),
            eb.exists(
              eb
                .selectFrom('follow_up_reports')
                .innerJoin('reports', 'reports.id', 'follow_up_reports.report_id')
                .select('reports.id')
                .whereRef('follow_up_reports.follow_up_id', '=', 'follow_ups.id')
                .where('reports.team_id', 'in', teamIds)
                .where('reports.status', '!=', 'draft'),
            ),
          ]
        : []),
    ])
  }
}

/**
 * Who may read a follow-up: everyone who sees the organisation's reports, everyone who answers for it, and everyone
 * who may read one of the reports it concerns (their reporters and followers are told of every step).
 */
export function readableFollowUpsOf(viewer: Viewer) {
  return (eb: FollowUps) => {
    const inOrganisation = eb('follow_ups.organisation_id', '=', viewer.organisation.id)
    if (reportScopeFor(viewer.roles).kind === 'organisation') return inOrganisation
    return eb.and([
      inOrganisation,
      eb.or([
        answersFor(viewer)(eb),
        eb.exists(
          eb
            .selectFrom('follow_up_reports')
            .innerJoin('reports', 'reports.id', 'follow_up_reports.report_id')
            .select('reports.id')
            .whereRef('follow_up_reports.follow_up_id', '=', 'follow_ups.id')
            .where((reports) => visibleTo(viewer)(reports as unknown as ExpressionBuilder<Database, 'reports'>)),
        ),
      ]),
    ])
  }
}

/** Overdue at the Helsinki day `today`: open and past the target date (domain/follow-ups.ts isOverdue). */
function overdueOn(today: string) {
  return (eb: FollowUps) =>
    eb.and([eb('follow_ups.status', 'in', openFollowUpStatuses), eb('follow_ups.target_date', '<', today)])
}

/** A follow-up with who answers for it and where it came from, as the board, the page and the API show it. */
function followUpsWithDetails(db: AppDb) {
  return db
    .selectFrom('follow_ups')
    .leftJoin('recipients', 'recipients.id', 'follow_ups.responsible_recipient_id')
    .leftJoin('teams', 'teams.id', 'follow_ups.responsible_team_id')
    .leftJoin('users as person', 'person.id', 'follow_ups.responsible_user_id')
    .leftJoin('agenda_items', 'agenda_items.id', 'follow_ups.agenda_item_id')
    .leftJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .leftJoin('committees', 'committees.id', 'meetings.committee_id')
    .leftJoin('proposed_actions', 'proposed_actions.id', 'follow_ups.proposed_action_id')
    .leftJoin('users as creator', 'creator.id', 'follow_ups.created_by')
    .select([
      'follow_ups.id',
      'follow_ups.title',
      'follow_ups.status',
      'follow_ups.status_reason',
      'follow_ups.progress',
      'follow_ups.target_date',
      'follow_ups.decided_on',
      'follow_ups.version',
      'follow_ups.created_at',
      'follow_ups.updated_at',
      'follow_ups.overdue_noted_at',
      'follow_ups.phenomenon_id',
      'follow_ups.sending_id',
      'follow_ups.created_by',
      'follow_ups.proposed_action_id',
      'follow_ups.responsible_recipient_id',
      'follow_ups.responsible_team_id',
      'follow_ups.responsible_user_id',
      'recipients.name as recipient_name',
      'recipients.kind as recipient_kind',
      'teams.name as team_name',
      'person.name as person_name',
      'agenda_items.id as agenda_item_id',
      'agenda_items.title as agenda_item_title',
      'agenda_items.decision_text',
      'meetings.id as meeting_id',
      'meetings.starts_at as meeting_starts_at',
      'committees.name as committee_name',
      'committees.name_sv as committee_name_sv',
      'proposed_actions.description as action_description',
      'creator.name as created_by_name',
    ])
}

export interface FollowUpFilters {
  responsibleUserId: string | null
  status: FollowUpStatus | null
  overdue: boolean
  recipientId: string | null
  municipalityId: string | null
  /** Target dates from and to, inclusive, `yyyy-mm-dd`. */
  from: string | null
  to: string | null
}

/**
 * The board: the follow-ups in the viewer's scope (every one of the organisation for coordinators, else those they
 * answer for), filtered, soonest target date first.
 */
export function listFollowUps(
  db: AppDb,
  viewer: Viewer,
  scope: 'organisation' | 'own',
  filters: FollowUpFilters,
  today: string,
  page: { limit: number; offset: number },
) {
  return followUpsWithDetails(db)
    .where('follow_ups.organisation_id', '=', viewer.organisation.id)
    .$if(scope === 'own', (qb) => qb.where(answersFor(viewer)))
    .$if(filters.responsibleUserId !== null, (qb) =>
      qb.where('follow_ups.responsible_user_id', '=', filters.responsibleUserId),
    )
    .$if(filters.status !== null, (qb) => qb.where('follow_ups.status', '=', filters.status!))
    .$if(filters.overdue, (qb) => qb.where(overdueOn(today)))
    .$if(filters.recipientId !== null, (qb) =>
      qb.where('follow_ups.responsible_recipient_id', '=', filters.recipientId),
    )
    .$if(filters.municipalityId !== null, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('follow_up_reports')
            .innerJoin('reports', 'reports.id', 'follow_up_reports.report_id')
            .select('reports.id')
            .whereRef('follow_up_reports.follow_up_id', '=', 'follow_ups.id')
            .where('reports.municipality_id', '=', filters.municipalityId),
        ),
      ),
    )
    .$if(filters.from !== null, (qb) => qb.where('follow_ups.target_date', '>=', filters.from!))
    .$if(filters.to !== null, (qb) => qb.where('follow_ups.target_date', '<=', filters.to!))
    .orderBy('follow_ups.target_date')
    .orderBy('follow_ups.created_at')
    .orderBy('follow_ups.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** One follow-up the viewer may read, with its details; undefined otherwise (another organisation's included). */
export function findFollowUpForViewer(db: AppDb, viewer: Viewer, followUpId: string) {
  return followUpsWithDetails(db)
    .where('follow_ups.id', '=', followUpId)
    .where(readableFollowUpsOf(viewer))
    .executeTakeFirst()
}

/** How the viewer stands to the follow-up, for deciding whether they may post updates. */
export async function findFollowUpStanding(db: AppDb, viewer: Viewer, followUpId: string): Promise<FollowUpStanding> {
  const teamIds = viewer.teams.map((team) => team.id)
  const row = await db
    .selectFrom('follow_ups')
    .select((eb) => [
      eb('follow_ups.responsible_user_id', '=', viewer.id).as('is_person'),
      sitsInResponsibleBody(viewer.id)(eb).as('is_member'),
      (teamIds.length > 0 ? eb('follow_ups.responsible_team_id', 'in', teamIds) : eb.val(false)).as('in_team'),
    ])
    .where('follow_ups.id', '=', followUpId)
    .where('follow_ups.organisation_id', '=', viewer.organisation.id)
    .executeTakeFirst()
  return {
    isResponsiblePerson: Boolean(row?.is_person),
    isResponsibleMember: Boolean(row?.is_member),
    inResponsibleTeam: Boolean(row?.in_team),
  }
}

/** The reports the follow-up concerns that the viewer may read, and how many it concerns in all. */
export async function listFollowUpReports(db: AppDb, viewer: Viewer, followUpId: string) {
  const [visible, total] = await Promise.all([
    db
      .selectFrom('follow_up_reports')
      .innerJoin('reports', 'reports.id', 'follow_up_reports.report_id')
      .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
      .select(['reports.id', 'reports.title', 'reports.status', 'municipalities.name as municipality'])
      .where('follow_up_reports.follow_up_id', '=', followUpId)
      .where(visibleTo(viewer))
      .orderBy('reports.title')
      .execute(),
    db
      .selectFrom('follow_up_reports')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('follow_up_id', '=', followUpId)
      .executeTakeFirstOrThrow(),
  ])
  return { reports: visible, total: Number(total.count) }
}

/** The dated updates, oldest first, so the newest is read last. */
export function listFollowUpUpdates(db: AppDb, organisationId: string, followUpId: string) {
  return db
    .selectFrom('follow_up_updates')
    .leftJoin('users as author', 'author.id', 'follow_up_updates.author_id')
    .select([
      'follow_up_updates.id',
      'follow_up_updates.body',
      'follow_up_updates.status',
      'follow_up_updates.progress',
      'follow_up_updates.created_at',
      'author.name as author_name',
    ])
    .where('follow_up_updates.follow_up_id', '=', followUpId)
    .where('follow_up_updates.organisation_id', '=', organisationId)
    .orderBy('follow_up_updates.created_at')
    .orderBy('follow_up_updates.id')
    .execute()
}

/** The follow-ups set by the given agenda items, for the meeting page. */
export function listFollowUpsOfAgendaItems(db: AppDb, organisationId: string, itemIds: string[]) {
  if (itemIds.length === 0) return Promise.resolve([])
  return followUpsWithDetails(db)
    .where('follow_ups.organisation_id', '=', organisationId)
    .where('follow_ups.agenda_item_id', 'in', itemIds)
    .orderBy('follow_ups.created_at')
    .orderBy('follow_ups.id')
    .execute()
}

/** What the forms may name as responsible: the organisation's recipients (archived ones not), teams and people. */
export async function listResponsibleChoices(db: AppDb, organisationId: string) {
  const [recipients, teams, people] = await Promise.all([
    db
      .selectFrom('recipients')
      .select(['id', 'name', 'kind'])
      .where('organisation_id', '=', organisationId)
      .where('archived_at', 'is', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'users.name'])
      .where('memberships.organisation_id', '=', organisationId)
      .where('memberships.active', '=', true)
      .orderBy('users.name')
      .orderBy('users.id')
      .execute(),
  ])
  return { recipients, teams, people }
}

/** Whether each named unit and person is the organisation's (a person: an active member). */
export async function isResponsibleOfOrganisation(db: AppDb, organisationId: string, responsible: Responsible) {
  const checks = await Promise.all([
    responsible.recipientId === null
      ? true
      : db
          .selectFrom('recipients')
          .select('id')
          .where('id', '=', responsible.recipientId)
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst(),
    responsible.teamId === null
      ? true
      : db
          .selectFrom('teams')
          .select('id')
          .where('id', '=', responsible.teamId)
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst(),
    responsible.userId === null
      ? true
      : db
          .selectFrom('memberships')
          .select('user_id')
          .where('user_id', '=', responsible.userId)
          .where('organisation_id', '=', organisationId)
          .where('active', '=', true)
          .executeTakeFirst(),
  ])
  return checks.map(Boolean) as [recipient: boolean, team: boolean, person: boolean]
}

export interface NewFollowUp {
  organisationId: string
  title: string
  responsible: Responsible
  decidedOn: string
  targetDate: string
  createdBy: string
  proposedActionId?: string | null
  agendaItemId?: string | null
  sendingId?: string | null
  phenomenonId?: string | null
  /** The reports it concerns: their reporters and followers hear of every step. */
  reportIds: readonly string[]
}

/** Records follow-up event `type` once on every report the follow-up concerns, so each reporter is told once. */
export async function recordFollowUpEvent(
  trx: Transaction<Database>,
  event: {
    organisationId: string
    followUpId: string
    type: 'follow_up_created' | 'follow_up_updated' | 'follow_up_overdue'
    actorId: string | null
    followUpUpdateId?: string | null
    comment?: string | null
  },
) {
  const reports = await trx
    .selectFrom('follow_up_reports')
    .select('report_id')
    .where('follow_up_id', '=', event.followUpId)
    .orderBy('report_id')
    .execute()
  for (const { report_id } of reports) {
    await recordReportEvent(trx, {
      reportId: report_id,
      organisationId: event.organisationId,
      actorId: event.actorId,
      type: event.type,
      followUpId: event.followUpId,
      followUpUpdateId: event.followUpUpdateId ?? null,
      comment: event.comment ?? null,
    })
  }
  return reports.length
}

/** Creates a follow-up concerning the given reports and tells each of them it started, in the caller's transaction. */
export async function createFollowUp(trx: Transaction<Database>, followUp: NewFollowUp): Promise<string> {
  const created = await trx
    .insertInto('follow_ups')
    .values({
      organisation_id: followUp.organisationId,
      title: followUp.title,
      proposed_action_id: followUp.proposedActionId ?? null,
      agenda_item_id: followUp.agendaItemId ?? null,
      sending_id: followUp.sendingId ?? null,
      phenomenon_id: followUp.phenomenonId ?? null,
      responsible_recipient_id: followUp.responsible.recipientId,
      responsible_team_id: followUp.responsible.teamId,
      responsible_user_id: followUp.responsible.userId,
      decided_on: followUp.decidedOn,
      target_date: followUp.targetDate,
      created_by: followUp.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const reportIds = [...new Set(followUp.reportIds)]
  if (reportIds.length > 0) {
    await trx
      .insertInto('follow_up_reports')
      .values(reportIds.map((reportId) => ({ follow_up_id: created.id, report_id: reportId })))
      .execute()
  }
  await recordFollowUpEvent(trx, {
    organisationId: followUp.organisationId,
    followUpId: created.id,
    type: 'follow_up_created',
    actorId: followUp.createdBy,
  })
  return created.id
}

/** The follow-up's state, locked for an update; undefined when it is not the organisation's. */
export function lockFollowUp(trx: Transaction<Database>, organisationId: string, followUpId: string) {
  return trx
    .selectFrom('follow_ups')
    .select(['id', 'version', 'status', 'progress', 'status_reason'])
    .where('id', '=', followUpId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst()
}

/**
 * Stores a dated update and the state it leads to, if the follow-up is still at the version the author saw; false
 * when someone changed it meanwhile (nothing is written). Every reporter and follower hears of it.
 */
export async function addFollowUpUpdate(
  trx: Transaction<Database>,
  update: {
    organisationId: string
    followUpId: string
    expectedVersion: number
    authorId: string
    body: string
    status: FollowUpStatus | null
    progress: number | null
    next: FollowUpState
  },
): Promise<{ updateId: string } | null> {
  const changed = await trx
    .updateTable('follow_ups')
    .set((eb) => ({
      status: update.next.status,
      progress: update.next.progress,
      status_reason: update.next.statusReason,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', update.followUpId)
    .where('organisation_id', '=', update.organisationId)
    .where('version', '=', update.expectedVersion)
    .returning('id')
    .executeTakeFirst()
  if (!changed) return null
  const inserted = await trx
    .insertInto('follow_up_updates')
    .values({
      organisation_id: update.organisationId,
      follow_up_id: update.followUpId,
      author_id: update.authorId,
      body: update.body,
      status: update.status,
      progress: update.progress,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordFollowUpEvent(trx, {
    organisationId: update.organisationId,
    followUpId: update.followUpId,
    type: 'follow_up_updated',
    actorId: update.authorId,
    followUpUpdateId: inserted.id,
    comment: update.body,
  })
  return { updateId: inserted.id }
}

/** Follow-ups overdue at `today` whose falling overdue has not been told yet, across organisations. */
export function listNewlyOverdueFollowUps(db: AppDb, today: string) {
  return db
    .selectFrom('follow_ups')
    .select(['id', 'organisation_id'])
    .where(overdueOn(today))
    .where('overdue_noted_at', 'is', null)
    .orderBy('target_date')
    .orderBy('id')
    .limit(500)
    .execute()
}

/**
 * Marks the follow-up overdue and tells every report it concerns, once: false when it was already marked, or is
 * no longer overdue (someone closed it meanwhile).
 */
export async function markFollowUpOverdue(
  trx: Transaction<Database>,
  followUp: { id: string; organisationId: string },
  today: string,
  now: Date,
): Promise<boolean> {
  const marked = await trx
    .updateTable('follow_ups')
    .set({ overdue_noted_at: now })
    .where('id', '=', followUp.id)
    .where('overdue_noted_at', 'is', null)
    .where(overdueOn(today))
    .returning('id')
    .executeTakeFirst()
  if (!marked) return false
  await recordFollowUpEvent(trx, {
    organisationId: followUp.organisationId,
    followUpId: followUp.id,
    type: 'follow_up_overdue',
    actorId: null,
  })
  return true
}

/**
 * Who is owed a reminder of overdue follow-ups at `today`: each responsible person and each coordinator of an
 * organisation with overdue follow-ups, unless they chose no email, with when they were last reminded.
 */
export function listOverdueReminderAddressees(db: AppDb, today: string) {
  const lastReminded = (eb: ExpressionBuilder<Database, 'users' | 'organisations'>) =>
    eb
      .selectFrom('email_jobs')
      .select((jobs) => jobs.fn.max('email_jobs.run_at').as('last'))
      .where('email_jobs.kind', '=', 'follow_up_reminder')
      .whereRef('email_jobs.recipient_id', '=', 'users.id')
      .whereRef('email_jobs.organisation_id', '=', 'organisations.id')
  const overdue = (eb: ExpressionBuilder<Database, 'users' | 'organisations' | 'memberships'>) =>
    eb
      .selectFrom('follow_ups')
      .select('follow_ups.id')
      .whereRef('follow_ups.organisation_id', '=', 'organisations.id')
      .where((fu) => overdueOn(today)(fu as unknown as FollowUps))
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select((eb) => [
      'users.id as user_id',
      'organisations.id as organisation_id',
      sql<boolean>`'coordinator' = any(memberships.roles)`.as('coordinator'),
      lastReminded(eb).as('last_reminded_at'),
    ])
    .where('memberships.active', '=', true)
    .where('users.email_delivery', '!=', 'none')
    .where((eb) =>
      eb.or([
        eb.and([sql<boolean>`'coordinator' = any(memberships.roles)`, eb.exists(overdue(eb))]),
        eb.exists(overdue(eb).whereRef('follow_ups.responsible_user_id', '=', 'users.id')),
      ]),
    )
    .orderBy('organisations.id')
    .orderBy('users.id')
    .execute()
}

/** Notes when the follow-ups were last included in a reminder. */
export async function markFollowUpsReminded(db: AppDb, followUpIds: string[], now: Date) {
  if (followUpIds.length === 0) return
  await db.updateTable('follow_ups').set({ reminded_at: now }).where('id', 'in', followUpIds).execute()
}

/**
 * The overdue follow-ups a reminder lists for this user: a coordinator's are all of the organisation's, anyone
 * else's those that name them as the responsible person. Oldest target date first.
 */
export async function listOverdueFollowUpsFor(
  db: AppDb,
  addressee: { userId: string; organisationId: string },
  today: string,
) {
  const membership = await db
    .selectFrom('memberships')
    .select(sql<boolean>`'coordinator' = any(roles)`.as('coordinator'))
    .where('user_id', '=', addressee.userId)
    .where('organisation_id', '=', addressee.organisationId)
    .where('active', '=', true)
    .executeTakeFirst()
  if (!membership) return []
  return followUpsWithDetails(db)
    .where('follow_ups.organisation_id', '=', addressee.organisationId)
    .where(overdueOn(today))
    .$if(!membership.coordinator, (qb) => qb.where('follow_ups.responsible_user_id', '=', addressee.userId))
    .orderBy('follow_ups.target_date')
    .orderBy('follow_ups.id')
    .limit(200)
    .execute()
}
