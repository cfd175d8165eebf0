import { type ExpressionBuilder, sql, type Transaction } from 'kysely'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import {
  type AgendaItemInput,
  agendaItemTexts,
  agendaReadyStatus,
  type AgendaMove,
  canRecordDecision,
  type DecisionInput,
  type MeetingInput,
  meetingReadScope,
  onAgendaStatus,
  reportStatusAfterDecision,
} from '#app/domain/meetings.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { type Database, type ReportStatus } from './database.ts'
import { isVersion } from './edit-version.server.ts'
import { scanTextsOfOrganisation } from './organisation-settings.server.ts'
import { listPhenomena } from './phenomenon.server.ts'
import { ReportConflictError, transitionReport } from './report.server.ts'
import { type CurrentUser } from './user.server.ts'

export type MeetingViewer = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

/** The one predicate that decides which meetings a viewer may read (rules in domain/meetings.ts). */
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

/** What a write that may fail for a reason the user can act on returns. */
export type MeetingOutcome<Saved = object> =
  | ({ ok: true } & Saved)
  | { ok: false; reason: 'not_found' }
  /** The agenda is published and can no longer change. */
  | { ok: false; reason: 'published' }
  | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; reason: 'identifying'; findings: FieldFinding[] }
  /** Someone else saved a newer version since the form was loaded; nothing was written. */
  | { ok: false; reason: 'stale' }

async function ownCommittee(db: AppDb, organisationId: string, committeeId: string) {
  const committee = await db
    .selectFrom('committees')
    .select('id')
    .where('id', '=', committeeId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return Boolean(committee)
}

const missingCommittee = {
  ok: false,
  reason: 'invalid',
  fieldErrors: { committeeId: 'meetings.validation.committee' },
} as const

export async function createMeeting(
  db: AppDb,
  actor: MeetingViewer,
  input: MeetingInput,
): Promise<MeetingOutcome<{ meetingId: string }>> {
  if (!(await ownCommittee(db, actor.organisation.id, input.committeeId))) return missingCommittee
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { place: input.place })
  if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
  const meeting = await db
    .insertInto('meetings')
    .values({
      organisation_id: actor.organisation.id,
      committee_id: input.committeeId,
      starts_at: input.startsAt,
      place: input.place,
      created_by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { ok: true, meetingId: meeting.id }
}

/**
 * The meeting, locked for the rest of the transaction so that no edit slips in beside publishing; only a meeting
 * of the organisation that is still being prepared can be edited.
 */
async function lockMeetingForEditing(trx: Transaction<Database>, organisationId: string, meetingId: string) {
  const meeting = await trx
    .selectFrom('meetings')
    .select(['id', 'committee_id', 'published_at'])
    .where('id', '=', meetingId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst()
  if (!meeting) return { ok: false, reason: 'not_found' } as const
  if (meeting.published_at) return { ok: false, reason: 'published' } as const
  return { ok: true, meeting } as const
}

export async function updateMeeting(
  db: AppDb,
  actor: MeetingViewer,
  meetingId: string,
  input: MeetingInput,
): Promise<MeetingOutcome> {
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { place: input.place })
  if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
  return db.transaction().execute(async (trx) => {
    const locked = await lockMeetingForEditing(trx, actor.organisation.id, meetingId)
    if (!locked.ok) return locked
    if (!(await ownCommittee(trx, actor.organisation.id, input.committeeId))) return missingCommittee
    await trx
      .updateTable('meetings')
      .set({ committee_id: input.committeeId, starts_at: input.startsAt, place: input.place, updated_at: new Date() })
      .where('id', '=', meetingId)
      .execute()
    return { ok: true }
  })
}

/** The committee seat the viewer holds in this committee, if any. */
async function findSeat(db: AppDb, committeeId: string, userId: string) {
  const seat = await db
    .selectFrom('committee_members')
    .select('role')
    .where('committee_id', '=', committeeId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return seat?.role ?? null
}

/**
 * A meeting with its agenda: each item's texts, its phenomena with the evidence behind them, and its reports
 * (never who wrote them). Null when the viewer may not read it.
 */
export async function getMeetingForViewer(db: AppDb, viewer: MeetingViewer, meetingId: string) {
  const meeting = await db
    .selectFrom('meetings')
    .innerJoin('committees', 'committees.id', 'meetings.committee_id')
    .select([
      'meetings.id',
      'meetings.committee_id',
      'committees.name as committee_name',
      'meetings.starts_at',
      'meetings.place',
      'meetings.published_at',
    ])
    .where('meetings.id', '=', meetingId)
    .where(visibleMeetings(viewer))
    .executeTakeFirst()
  if (!meeting) return null
  const [seat, items] = await Promise.all([
    findSeat(db, meeting.committee_id, viewer.id),
    db
      .selectFrom('agenda_items')
      .leftJoin('users as decider', 'decider.id', 'agenda_items.decided_by')
      .select([
        'agenda_items.id',
        'agenda_items.position',
        'agenda_items.title',
        'agenda_items.summary',
        'agenda_items.proposal',
        'agenda_items.decision',
        'agenda_items.decision_text',
        'agenda_items.decided_at',
        'agenda_items.updated_at',
        'decider.name as decided_by_name',
      ])
      .where('agenda_items.meeting_id', '=', meeting.id)
      .orderBy('agenda_items.position')
      .execute(),
  ])
  const itemIds = items.map((item) => item.id)
  const links =
    itemIds.length === 0
      ? []
      : await db
          .selectFrom('agenda_item_phenomena')
          .select(['agenda_item_id', 'phenomenon_id'])
          .where('agenda_item_id', 'in', itemIds)
          .execute()
  const [reports, figures] = await Promise.all([
    itemIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('agenda_item_reports')
          .innerJoin('reports', 'reports.id', 'agenda_item_reports.report_id')
          .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
          .leftJoin('teams', 'teams.id', 'reports.team_id')
          .leftJoin('phenomena as via', 'via.id', 'agenda_item_reports.via_phenomenon_id')
          .select([
            'agenda_item_reports.agenda_item_id',
            'reports.id',
            'reports.title',
            'reports.status',
            'reports.positive',
            'municipalities.name as municipality',
            'teams.name as team',
            'via.id as via_phenomenon_id',
            'via.title as via_phenomenon_title',
          ])
          .where('agenda_item_reports.agenda_item_id', 'in', itemIds)
          .where('reports.organisation_id', '=', viewer.organisation.id)
          .orderBy(sql`agenda_item_reports.via_phenomenon_id is not null`)
          .orderBy('reports.title')
          .execute(),
    // Only the phenomena on this agenda: their evidence is counted over all their reports.
    listPhenomena(db, viewer.organisation.id, [...new Set(links.map((link) => link.phenomenon_id))]),
  ])
  return {
    ...meeting,
    viewerSeat: seat,
    items: items.map((item) => ({
      ...item,
      phenomena: figures
        .filter((phenomenon) =>
          links.some((link) => link.agenda_item_id === item.id && link.phenomenon_id === phenomenon.id),
        )
        .map(({ latest_report: _latest, created_at: _created, ...phenomenon }) => phenomenon),
      reports: reports
        .filter((report) => report.agenda_item_id === item.id)
        .map(({ agenda_item_id: _item, ...report }) => report),
    })),
  }
}

export type MeetingForViewer = NonNullable<Awaited<ReturnType<typeof getMeetingForViewer>>>

/** Whether this viewer may record decisions in this meeting now. */
export function mayDecide(viewer: MeetingViewer, meeting: Pick<MeetingForViewer, 'viewerSeat' | 'published_at'>) {
  return meeting.published_at !== null && canRecordDecision(viewer.roles, meeting.viewerSeat)
}

/**
 * What the coordinator may put on an agenda: the organisation's forwarded reports, and the phenomena that have
 * forwarded reports (how many of them will go with the phenomenon when the agenda is published).
 */
export async function listAgendaCandidates(db: AppDb, organisationId: string) {
  const [reports, phenomena] = await Promise.all([
    db
      .selectFrom('reports')
      .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
      .leftJoin('teams', 'teams.id', 'reports.team_id')
      .leftJoin('committees', 'committees.id', 'reports.committee_id')
      .select([
        'reports.id',
        'reports.title',
        'reports.status',
        'municipalities.name as municipality',
        'teams.name as team',
        'committees.name as committee',
      ])
      .where('reports.organisation_id', '=', organisationId)
      .where('reports.status', '=', agendaReadyStatus)
      .orderBy('reports.title')
      .orderBy('reports.id')
      .execute(),
    db
      .selectFrom('phenomena')
      .innerJoin('phenomenon_reports', 'phenomenon_reports.phenomenon_id', 'phenomena.id')
      .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
      .select(['phenomena.id', 'phenomena.title', sql<number>`count(*)::int`.as('forwarded_count')])
      .where('phenomena.organisation_id', '=', organisationId)
      .where('reports.status', '=', agendaReadyStatus)
      .groupBy('phenomena.id')
      .orderBy('phenomena.title')
      .execute(),
  ])
  return { reports, phenomena }
}

/**
 * Reports may be linked when they are forwarded, or already linked directly to this item (so editing an item
 * whose report moved on does not silently drop it; publishing then names it). Phenomena must be the organisation's.
 */
async function checkLinks(
  trx: Transaction<Database>,
  organisationId: string,
  itemId: string | null,
  input: Pick<AgendaItemInput, 'reportIds' | 'phenomenonIds'>,
): Promise<FieldErrors> {
  const fieldErrors: FieldErrors = {}
  if (input.reportIds.length > 0) {
    const linkable = await trx
      .selectFrom('reports')
      .select('reports.id')
      .where('reports.id', 'in', input.reportIds)
      .where('reports.organisation_id', '=', organisationId)
      .where((eb) =>
        eb.or([
          eb('reports.status', '=', agendaReadyStatus),
          ...(itemId
            ? [
                eb.exists(
                  eb
                    .selectFrom('agenda_item_reports')
                    .select('agenda_item_reports.report_id')
                    .whereRef('agenda_item_reports.report_id', '=', 'reports.id')
                    .where('agenda_item_reports.agenda_item_id', '=', itemId)
                    .where('agenda_item_reports.via_phenomenon_id', 'is', null),
                ),
              ]
            : []),
        ]),
      )
      .execute()
    if (linkable.length !== input.reportIds.length) fieldErrors.reportIds = 'meetings.item.reportsUnavailable'
  }
  if (input.phenomenonIds.length > 0) {
    const own = await trx
      .selectFrom('phenomena')
      .select('id')
      .where('id', 'in', input.phenomenonIds)
      .where('organisation_id', '=', organisationId)
      .execute()
    if (own.length !== input.phenomenonIds.length) fieldErrors.phenomenonIds = 'meetings.item.phenomenaUnavailable'
  }
  return fieldErrors
}

async function replaceLinks(
  trx: Transaction<Database>,
  itemId: string,
  input: Pick<AgendaItemInput, 'reportIds' | 'phenomenonIds'>,
) {
  // Before publishing an item holds only direct links; the phenomena's reports are added when it is published.
  await trx.deleteFrom('agenda_item_reports').where('agenda_item_id', '=', itemId).execute()
  await trx.deleteFrom('agenda_item_phenomena').where('agenda_item_id', '=', itemId).execute()
  if (input.reportIds.length > 0) {
    await trx
      .insertInto('agenda_item_reports')
      .values(input.reportIds.map((reportId) => ({ agenda_item_id: itemId, report_id: reportId })))
      .execute()
  }
  if (input.phenomenonIds.length > 0) {
    await trx
      .insertInto('agenda_item_phenomena')
      .values(input.phenomenonIds.map((phenomenonId) => ({ agenda_item_id: itemId, phenomenon_id: phenomenonId })))
      .execute()
  }
}

export async function createAgendaItem(
  db: AppDb,
  actor: MeetingViewer,
  meetingId: string,
  input: AgendaItemInput,
): Promise<MeetingOutcome<{ itemId: string }>> {
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, agendaItemTexts(input))
  return db.transaction().execute(async (trx) => {
    const locked = await lockMeetingForEditing(trx, actor.organisation.id, meetingId)
    if (!locked.ok) return locked
    if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
    const fieldErrors = await checkLinks(trx, actor.organisation.id, null, input)
    if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'invalid', fieldErrors }
    const item = await trx
      .insertInto('agenda_items')
      .values((eb) => ({
        organisation_id: actor.organisation.id,
        meeting_id: meetingId,
        position: eb
          .selectFrom('agenda_items')
          .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
          .where('meeting_id', '=', meetingId),
        title: input.title,
        summary: input.summary,
        proposal: input.proposal,
      }))
      .returning('id')
      .executeTakeFirstOrThrow()
    await replaceLinks(trx, item.id, input)
    return { ok: true, itemId: item.id }
  })
}

/** The item of this (locked, unpublished) meeting, or undefined. */
function findItemOfMeeting(trx: Transaction<Database>, meetingId: string, itemId: string) {
  return trx
    .selectFrom('agenda_items')
    .select(['id', 'position'])
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
}

export async function updateAgendaItem(
  db: AppDb,
  actor: MeetingViewer,
  meetingId: string,
  itemId: string,
  input: AgendaItemInput & { version: Date },
): Promise<MeetingOutcome> {
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, agendaItemTexts(input))
  return db.transaction().execute(async (trx) => {
    const locked = await lockMeetingForEditing(trx, actor.organisation.id, meetingId)
    if (!locked.ok) return locked
    if (!(await findItemOfMeeting(trx, meetingId, itemId))) return { ok: false, reason: 'not_found' }
    if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
    const fieldErrors = await checkLinks(trx, actor.organisation.id, itemId, input)
    if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'invalid', fieldErrors }
    const updated = await trx
      .updateTable('agenda_items')
      .set({ title: input.title, summary: input.summary, proposal: input.proposal, updated_at: new Date() })
      .where('id', '=', itemId)
      .where(isVersion(input.version))
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) return { ok: false, reason: 'stale' }
    await replaceLinks(trx, itemId, input)
    return { ok: true }
  })
}

/** Deletes the item and closes the gap, so the items stay numbered 1…n. */
export async function deleteAgendaItem(
  db: AppDb,
  actor: MeetingViewer,
  meetingId: string,
  itemId: string,
): Promise<MeetingOutcome> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockMeetingForEditing(trx, actor.organisation.id, meetingId)
    if (!locked.ok) return locked
    const item = await findItemOfMeeting(trx, meetingId, itemId)
    if (!item) return { ok: false, reason: 'not_found' }
    await trx.deleteFrom('agenda_items').where('id', '=', itemId).execute()
    await trx
      .updateTable('agenda_items')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('meeting_id', '=', meetingId)
      .where('position', '>', item.position)
      .execute()
    return { ok: true }
  })
}

/**
 * Swaps the item with its neighbour above or below; the unique position constraint is checked at commit, so the
 * two updates may pass through a moment where both hold the same position. At the edge nothing moves.
 */
export async function moveAgendaItem(
  db: AppDb,
  actor: MeetingViewer,
  meetingId: string,
  itemId: string,
  move: AgendaMove,
): Promise<MeetingOutcome<{ moved: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockMeetingForEditing(trx, actor.organisation.id, meetingId)
    if (!locked.ok) return locked
    const item = await findItemOfMeeting(trx, meetingId, itemId)
    if (!item) return { ok: false, reason: 'not_found' }
    const neighbour = await trx
      .selectFrom('agenda_items')
      .select(['id', 'position'])
      .where('meeting_id', '=', meetingId)
      .where('position', move === 'up' ? '<' : '>', item.position)
      .orderBy('position', move === 'up' ? 'desc' : 'asc')
      .limit(1)
      .executeTakeFirst()
    if (!neighbour) return { ok: true, moved: false }
    const now = new Date()
    await trx
      .updateTable('agenda_items')
      .set({ position: neighbour.position, updated_at: now })
      .where('id', '=', item.id)
      .execute()
    await trx
      .updateTable('agenda_items')
      .set({ position: item.position, updated_at: now })
      .where('id', '=', neighbour.id)
      .execute()
    return { ok: true, moved: true }
  })
}

export interface UnavailableReport {
  id: string
  title: string
  status: ReportStatus
}

export type PublishOutcome =
  | { ok: true; reportCount: number }
  | { ok: false; reason: 'not_found' | 'published' | 'empty' }
  /** Reports linked directly to an item that are no longer waiting for a committee; nothing was published. */
  | { ok: false; reason: 'reports_unavailable'; reports: UnavailableReport[] }
  /** Reports on more than one item (directly or through a phenomenon): each would get two decisions. */
  | { ok: false; reason: 'reports_on_several_items'; reports: UnavailableReport[] }

/** The forwarded reports the items' phenomena bring along: one row per item, report and phenomenon. */
function reportsViaPhenomena(trx: Transaction<Database>, organisationId: string, itemIds: string[]) {
  return trx
    .selectFrom('agenda_item_phenomena')
    .innerJoin('phenomenon_reports', 'phenomenon_reports.phenomenon_id', 'agenda_item_phenomena.phenomenon_id')
    .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
    .select([
      'agenda_item_phenomena.agenda_item_id',
      'phenomenon_reports.report_id',
      'phenomenon_reports.phenomenon_id',
    ])
    .where('agenda_item_phenomena.agenda_item_id', 'in', itemIds)
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.status', '=', agendaReadyStatus)
}

/**
 * The reports that would stand on more than one of these items once the phenomena's forwarded reports join
 * them. A report gets one decision, so its reporter hears one outcome and no item moves it back behind another.
 */
async function reportsOnSeveralItems(trx: Transaction<Database>, organisationId: string, itemIds: string[]) {
  const links = trx
    .selectFrom('agenda_item_reports')
    .select(['agenda_item_id', 'report_id'])
    .where('agenda_item_id', 'in', itemIds)
    .union(
      trx
        .selectFrom(reportsViaPhenomena(trx, organisationId, itemIds).as('via'))
        .select(['via.agenda_item_id', 'via.report_id']),
    )
  return trx
    .selectFrom(links.as('links'))
    .innerJoin('reports', 'reports.id', 'links.report_id')
    .select(['reports.id', 'reports.title', 'reports.status'])
    .groupBy(['reports.id', 'reports.title', 'reports.status'])
    .having((eb) => eb.fn.count('links.agenda_item_id'), '>', 1)
    .orderBy('reports.title')
    .execute()
}

/**
 * Publishes the agenda in one transaction: the linked phenomena's forwarded reports join their items, and every
 * report on the agenda moves to the committee (one event, so one notification to its reporter, per report).
 * A report linked directly that is no longer forwarded stops the whole publication and is named.
 */
export async function publishMeeting(db: AppDb, actor: MeetingViewer, meetingId: string): Promise<PublishOutcome> {
  const organisationId = actor.organisation.id
  try {
    return await db.transaction().execute(async (trx): Promise<PublishOutcome> => {
      const locked = await lockMeetingForEditing(trx, organisationId, meetingId)
      if (!locked.ok) return locked
      const items = await trx
        .selectFrom('agenda_items')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .orderBy('position')
        .execute()
      if (items.length === 0) return { ok: false, reason: 'empty' }
      const itemIds = items.map((item) => item.id)
      const unavailable = await trx
        .selectFrom('agenda_item_reports')
        .innerJoin('reports', 'reports.id', 'agenda_item_reports.report_id')
        .select(['reports.id', 'reports.title', 'reports.status'])
        .distinct()
        .where('agenda_item_reports.agenda_item_id', 'in', itemIds)
        .where('agenda_item_reports.via_phenomenon_id', 'is', null)
        .where('reports.status', '!=', agendaReadyStatus)
        .orderBy('reports.title')
        .execute()
      if (unavailable.length > 0) return { ok: false, reason: 'reports_unavailable', reports: unavailable }
      const repeated = await reportsOnSeveralItems(trx, organisationId, itemIds)
      if (repeated.length > 0) return { ok: false, reason: 'reports_on_several_items', reports: repeated }

      await trx
        .insertInto('agenda_item_reports')
        .columns(['agenda_item_id', 'report_id', 'via_phenomenon_id'])
        .expression(
          // A report two phenomena of one item bring is linked once, through the first of them.
          reportsViaPhenomena(trx, organisationId, itemIds)
            .distinctOn(['agenda_item_phenomena.agenda_item_id', 'phenomenon_reports.report_id'])
            .orderBy('agenda_item_phenomena.agenda_item_id')
            .orderBy('phenomenon_reports.report_id')
            .orderBy('phenomenon_reports.phenomenon_id'),
        )
        // A report linked directly stays a direct link.
        .onConflict((oc) => oc.columns(['agenda_item_id', 'report_id']).doNothing())
        .execute()

      // Each report now stands on one item only (checked above).
      const onAgenda = await trx
        .selectFrom('agenda_item_reports')
        .innerJoin('reports', 'reports.id', 'agenda_item_reports.report_id')
        .select(['agenda_item_reports.report_id', 'agenda_item_reports.agenda_item_id'])
        .where('agenda_item_reports.agenda_item_id', 'in', itemIds)
        .where('reports.status', '=', agendaReadyStatus)
        .orderBy('agenda_item_reports.report_id')
        .execute()
      for (const link of onAgenda) {
        await transitionReport(trx, {
          reportId: link.report_id,
          organisationId,
          actorId: actor.id,
          from: agendaReadyStatus,
          to: onAgendaStatus,
          committeeId: locked.meeting.committee_id,
          agendaItemId: link.agenda_item_id,
          via: 'meeting',
        })
      }
      await trx
        .updateTable('meetings')
        .set({ published_at: new Date(), published_by: actor.id, updated_at: new Date() })
        .where('id', '=', meetingId)
        .execute()
      return { ok: true, reportCount: onAgenda.length }
    })
  } catch (error) {
    if (!(error instanceof ReportConflictError)) throw error
    // Someone moved a report on while we published: nothing was written; say which report.
    const report = await db
      .selectFrom('reports')
      .select(['id', 'title', 'status'])
      .where('id', '=', error.reportId)
      .executeTakeFirstOrThrow()
    return { ok: false, reason: 'reports_unavailable', reports: [report] }
  }
}

export type DecisionOutcome =
  | { ok: true; reportCount: number }
  | { ok: false; reason: 'not_found' | 'forbidden' }
  /** The item already has its decision; a second one would overwrite the first. */
  | { ok: false; reason: 'already_decided' }
  | { ok: false; reason: 'identifying'; findings: FieldFinding[] }

/**
 * Records the committee's decision on an item once, and in the same transaction moves every report of the item
 * that is still on the agenda to where the decision sends it, the decision text as the event's comment. Each
 * report is on an item once (direct link or via a phenomenon), so each reporter hears of it once per report.
 */
export async function recordDecision(
  db: AppDb,
  viewer: MeetingViewer,
  meetingId: string,
  itemId: string,
  input: DecisionInput,
): Promise<DecisionOutcome> {
  const organisationId = viewer.organisation.id
  const item = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select(['agenda_items.id', 'agenda_items.decision', 'meetings.committee_id'])
    .where('agenda_items.id', '=', itemId)
    .where('agenda_items.meeting_id', '=', meetingId)
    .where('meetings.published_at', 'is not', null)
    .where(visibleMeetings(viewer))
    .executeTakeFirst()
  if (!item) return { ok: false, reason: 'not_found' }
  if (!canRecordDecision(viewer.roles, await findSeat(db, item.committee_id, viewer.id))) {
    return { ok: false, reason: 'forbidden' }
  }
  if (item.decision) return { ok: false, reason: 'already_decided' }
  const findings = await scanTextsOfOrganisation(db, organisationId, { text: input.text })
  if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
  const to = reportStatusAfterDecision(input.kind)
  return db.transaction().execute(async (trx): Promise<DecisionOutcome> => {
    const decided = await trx
      .updateTable('agenda_items')
      .set({
        decision: input.kind,
        decision_text: input.text || null,
        decided_by: viewer.id,
        decided_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', item.id)
      .where('decision', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!decided) return { ok: false, reason: 'already_decided' }
    const reports = await trx
      .selectFrom('agenda_item_reports')
      .innerJoin('reports', 'reports.id', 'agenda_item_reports.report_id')
      .select('reports.id')
      .where('agenda_item_reports.agenda_item_id', '=', item.id)
      .where('reports.organisation_id', '=', organisationId)
      .where('reports.status', '=', onAgendaStatus)
      .orderBy('reports.id')
      .forUpdate()
      .execute()
    for (const report of reports) {
      await transitionReport(trx, {
        reportId: report.id,
        organisationId,
        actorId: viewer.id,
        from: onAgendaStatus,
        to,
        comment: input.text,
        decision: input.kind,
        committeeId: item.committee_id,
        agendaItemId: item.id,
        via: 'meeting',
      })
    }
    return { ok: true, reportCount: reports.length }
  })
}
