import { type ExpressionBuilder, type SelectQueryBuilder, sql, type Transaction } from 'kysely'
import { committeeVisibleStatuses, reportScopeFor } from '#app/domain/report-visibility.ts'
import { feedbackWaitingStatuses } from '#app/domain/feedback-times.ts'
import { findTransition, isEditable, type Resolution, type TransitionFlow } from '#app/domain/report-status.ts'
import { type ReportContent } from '#app/domain/report-form.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { createVersionedCache } from '#app/utils/versioned-cache.server.ts'
import {
  type ActionOutcome,
  type AgendaDecision,
  type Database,
  type ReportEventType,
  type ReportStatus,
  reportStatuses,
} from './database.ts'
import { createNotificationsForEvent } from './notification.server.ts'
import { authoredBy, coAuthorIdsOf, listCoAuthors, replaceCoAuthors } from './report-co-author.server.ts'
import { getReportListVersion } from './report-list-version.server.ts'
import { eventsWithDetails } from './report-event.server.ts'
import { type CurrentUser } from './user.server.ts'

export type Viewer = Pick<CurrentUser, 'id' | 'roles' | 'organisation' | 'teams'>

/** The one predicate that decides which reports a viewer may read; every report query goes through it. */
export function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'reports'>) => {
    const inOrganisation = eb('reports.organisation_id', '=', viewer.organisation.id)
    const scope = reportScopeFor(viewer.roles)
    if (scope.kind === 'organisation') {
      return eb.and([inOrganisation, eb.or([eb('reports.status', '!=', 'draft'), authoredBy(eb, viewer.id)])])
    }
    const teamIds = viewer.teams.map((team) => team.id)
    const allowed = [
      ...(scope.ownReports ? [authoredBy(eb, viewer.id)] : []),
      ...(scope.teamReports && teamIds.length > 0
        ? [eb.and([eb('reports.team_id', 'in', teamIds), eb('reports.status', '!=', 'draft')])]
        : []),
      ...(scope.committeeReports
        ? [
            eb.and([
              eb('reports.status', 'in', committeeVisibleStatuses),
              eb(
                'reports.committee_id',
                'in',
                eb
                  .selectFrom('committee_members')
                  .select('committee_members.committee_id')
                  .where('committee_members.user_id', '=', viewer.id),
              ),
            ]),
          ]
        : []),
    ]
    return eb.and([inOrganisation, allowed.length > 0 ? eb.or(allowed) : eb.val(false)])
  }
}

/** Events that count as feedback on the report's latest submission (definitions in domain/feedback-times.ts). */
function feedbackEvents(eb: ExpressionBuilder<Database, 'reports'>) {
  return eb
    .selectFrom('report_events')
    .whereRef('report_events.report_id', '=', 'reports.id')
    .whereRef('report_events.actor_id', 'is distinct from', 'reports.author_id')
    .where('report_events.type', '!=', 'created')
    .whereRef('report_events.created_at', '>', 'reports.submitted_at')
}

/** When someone other than the author first acted on the report after its latest submission; null if nobody has. */
export function firstFeedbackAt(eb: ExpressionBuilder<Database, 'reports'>) {
  return feedbackEvents(eb).select((e) => e.fn.min('report_events.created_at').as('first_feedback_at'))
}

/** Submitted, or in review, and nobody but the author has acted on it since the latest submission. */
export function waitingForFeedback(eb: ExpressionBuilder<Database, 'reports'>) {
  return eb.and([
    eb('reports.submitted_at', 'is not', null),
    eb('reports.status', 'in', feedbackWaitingStatuses),
    eb.not(eb.exists(feedbackEvents(eb).select('report_events.id'))),
  ])
}

/** Waiting for first feedback longer than the organisation's limit at `now`. */
export function overdueForFeedback(now: Date) {
  return (eb: ExpressionBuilder<Database, 'reports'>) =>
    eb.and([
      waitingForFeedback(eb),
      sql<boolean>`reports.submitted_at < ${now}::timestamptz - make_interval(days => (
        select organisations.feedback_limit_days from organisations where organisations.id = reports.organisation_id
      ))`,
    ])
}

/** Words shorter than this say too little to search by their beginning or by resemblance. */
const shortestSearchWord = 3

/**
 * Full-text search over title and description (the stored `search_vector`, GIN-indexed), or
 * every word found on its own: as the beginning of a word ("omaishoi" finds "omaishoitajat") or, since Finnish
 * bends the stem ("omaishoito" → "omaishoidon") and joins words ("hoitaja" inside "omaishoitajat"), as a close
 * trigram match to part of the text.
 */
function matchesSearch(text: string) {
  const document = sql`reports.search_vector`
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= shortestSearchWord).slice(0, 8)
  const wordFound = (word: string) =>
    sql<boolean>`(${document} @@ to_tsquery('finnish', ${word} || ':*') or ${word} <% (reports.title || ' ' || reports.description))`
  const fullText = sql<boolean>`${document} @@ websearch_to_tsquery('finnish', ${text})`
  if (words.length === 0) return fullText
  return sql<boolean>`(${fullText} or (${sql.join(words.map(wordFound), sql` and `)}))`
}

type ReportQuery = SelectQueryBuilder<Database, 'reports', object>

/** How many of the reports the query selects are in each status. */
async function countByStatus(reports: ReportQuery) {
  const rows = await reports
    .select(['reports.status', sql<number>`count(*)::int`.as('count')])
    .groupBy('reports.status')
    .execute()
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Partial<Record<ReportStatus, number>>
}

/** The filters "My reports" and the review queue share. */
function withCommonFilters(reports: ReportQuery, filters: { positive: boolean | null; q: string | null }) {
  return reports
    .$if(filters.positive !== null, (qb) => qb.where('reports.positive', '=', filters.positive!))
    .$if(filters.q !== null, (qb) => qb.where(matchesSearch(filters.q!)))
}

export async function listVisibleReports(
  db: AppDb,
  viewer: Viewer,
  page: { limit: number; offset: number },
  status: ReportStatus | null = null,
) {
  return db
    .selectFrom('reports')
    .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
    .leftJoin('teams', 'teams.id', 'reports.team_id')
    .select([
      'reports.id',
      'reports.title',
      'reports.status',
      'reports.positive',
      'reports.created_at',
      'reports.submitted_at',
      'municipalities.name as municipality',
      'municipalities.name_sv as municipality_sv',
      'teams.name as team',
      'teams.name_sv as team_sv',
    ])
    .where(visibleTo(viewer))
    .$if(status !== null, (qb) => qb.where('reports.status', '=', status!))
    .orderBy('reports.created_at', 'desc')
    .orderBy('reports.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export function countVisibleReportsByStatus(db: AppDb, viewer: Viewer) {
  return countByStatus(db.selectFrom('reports').where(visibleTo(viewer)))
}

/** A municipality id from a form is kept only when it belongs to the author's organisation. */
async function ownMunicipality(db: AppDb, organisationId: string, municipalityId: string | null) {
  if (!municipalityId) return null
  const row = await db
    .selectFrom('municipalities')
    .select('id')
    .where('id', '=', municipalityId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return row?.id ?? null
}

/**
 * The columns a report's content is stored in; a municipality outside the author's organisation is dropped. Content
 * is stored only once the identifiability guard has passed it, so saving it clears any findings stored before.
 */
async function storedContent(db: AppDb, organisationId: string, content: ReportContent) {
  return {
    title: content.title,
    description: content.description,
    observed_since: content.observedSince ? `${content.observedSince}-01` : null,
    support_needs: content.supportNeeds,
    client_groups: content.clientGroups,
    age_bands: content.ageBands,
    genders: content.genders,
    client_count: content.clientCount,
    trend: content.trend,
    municipality_id: await ownMunicipality(db, organisationId, content.municipalityId),
    sectors: content.sectors,
    causes: content.causes,
    consequences: content.consequences,
    clients_participated: content.clientsParticipated,
    positive: content.positive,
    no_identifying_data_confirmed: content.noIdentifyingDataConfirmed,
    prepared_in: content.preparedIn,
    identifiability_findings: JSON.stringify([]),
  }
}

/** The statuses in which the author may still edit, as the domain decides them. */
const editableStatuses = reportStatuses.filter(isEditable)

async function replaceActions(db: AppDb, reportId: string, actions: ReportContent['actions']) {
  await db.deleteFrom('proposed_actions').where('report_id', '=', reportId).execute()
  if (actions.length === 0) return
  await db
    .insertInto('proposed_actions')
    .values(actions.map((action, index) => ({ report_id: reportId, position: index + 1, ...action })))
    .execute()
}

/** A new draft with its actions and its `created` event, in the caller's transaction. */
export async function createDraft(trx: Transaction<Database>, author: Viewer, content: ReportContent): Promise<string> {
  const report = await trx
    .insertInto('reports')
    .values({
      ...(await storedContent(trx, author.organisation.id, content)),
      organisation_id: author.organisation.id,
      author_id: author.id,
      team_id: author.teams[0]?.id ?? null,
      status: 'draft',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceActions(trx, report.id, content.actions)
  if (content.coAuthorIds) {
    const stored = { id: report.id, organisationId: author.organisation.id, authorId: author.id }
    await replaceCoAuthors(trx, stored, content.coAuthorIds)
  }
  await trx
    .insertInto('report_events')
    .values({
      report_id: report.id,
      organisation_id: author.organisation.id,
      actor_id: author.id,
      type: 'created',
      to_status: 'draft',
    })
    .execute()
  return report.id
}

/**
 * Saves an author's or co-author's edits, with the actions and co-authors, while the report is still theirs to edit
 * (the domain's isEditable decides which statuses those are); false when it no longer is.
 */
export async function updateEditableReport(
  trx: Transaction<Database>,
  author: Viewer,
  reportId: string,
  content: ReportContent,
): Promise<boolean> {
  const updated = await trx
    .updateTable('reports')
    .set({
      ...(await storedContent(trx, author.organisation.id, content)),
      updated_at: new Date(),
    })
    .where('reports.id', '=', reportId)
    .where('reports.organisation_id', '=', author.organisation.id)
    .where((eb) => authoredBy(eb, author.id))
    .where('reports.status', 'in', editableStatuses)
    .returning(['reports.id', 'reports.author_id'])
    .executeTakeFirst()
  if (!updated) return false
  await replaceActions(trx, reportId, content.actions)
  if (content.coAuthorIds) {
    const stored = { id: reportId, organisationId: author.organisation.id, authorId: updated.author_id }
    await replaceCoAuthors(trx, stored, content.coAuthorIds)
  }
  return true
}

/** Just what deciding on an action needs: the status and who stands where to the report. */
export function findVisibleReportState(db: AppDb, viewer: Viewer, reportId: string) {
  return db
    .selectFrom('reports')
    .select((eb) => ['reports.status', 'reports.author_id', 'reports.team_id', coAuthorIdsOf(eb).as('co_author_ids')])
    .where('reports.id', '=', reportId)
    .where(visibleTo(viewer))
    .executeTakeFirst()
}

export async function getReportForViewer(db: AppDb, viewer: Viewer, reportId: string) {
  const row = await db
    .selectFrom('reports')
    .innerJoin('users as author', 'author.id', 'reports.author_id')
    .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
    .leftJoin('teams', 'teams.id', 'reports.team_id')
    .leftJoin('committees', 'committees.id', 'reports.committee_id')
    .selectAll('reports')
    .select([
      'author.name as author_name',
      'municipalities.name as municipality_name',
      'municipalities.name_sv as municipality_name_sv',
      'teams.name as team_name',
      'teams.name_sv as team_name_sv',
      'committees.name as committee_name',
      'committees.name_sv as committee_name_sv',
    ])
    .where('reports.id', '=', reportId)
    .where(visibleTo(viewer))
    .executeTakeFirst()
  if (!row) return null
  // The stemmed search text is the database's own, for searching only.
  const { search_vector: _searchVector, ...report } = row
  const [actions, phenomena, coAuthors] = await Promise.all([
    db
      .selectFrom('proposed_actions')
      .select(['description', 'level'])
      .where('report_id', '=', reportId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('phenomenon_reports')
      .innerJoin('phenomena', 'phenomena.id', 'phenomenon_reports.phenomenon_id')
      .select(['phenomena.id', 'phenomena.title'])
      .where('phenomenon_reports.report_id', '=', reportId)
      .orderBy('phenomena.title')
      .execute(),
    listCoAuthors(db, reportId),
  ])
  return { ...report, actions, phenomena, coAuthors, co_author_ids: coAuthors.map((coAuthor) => coAuthor.id) }
}

export async function listReportEvents(db: AppDb, organisationId: string, reportId: string) {
  return eventsWithDetails(db)
    .where('report_events.report_id', '=', reportId)
    .where('report_events.organisation_id', '=', organisationId)
    .orderBy('report_events.created_at')
    .orderBy('report_events.id')
    .execute()
}

export class ReportConflictError extends Error {
  constructor(public readonly reportId: string) {
    super('The report was changed by someone else.')
  }
}

/**
 * Moves a report from the status the actor saw to the next one, in the caller's transaction, and records
 * the event. Zero rows updated means someone else acted first: a conflict, never a silent overwrite.
 */
export async function transitionReport(
  trx: Transaction<Database>,
  change: {
    reportId: string
    organisationId: string
    actorId: string
    from: ReportStatus
    to: ReportStatus
    comment?: string | null
    resolution?: Resolution | null
    committeeId?: string | null
    agendaItemId?: string | null
    decision?: AgendaDecision | null
    welfareReportSectionId?: string | null
    /** The committee-work flow making the move; none for a move from the report page or the API. */
    via?: TransitionFlow
  },
) {
  // The lifecycle table decides at this one writing point, whichever path asks.
  if (findTransition(change.from, change.to)?.via !== change.via) {
    throw new Error(
      `${change.from} → ${change.to} is not a move ${change.via ? `of the ${change.via}` : 'made directly'}`,
    )
  }
  const updated = await trx
    .updateTable('reports')
    .set({
      status: change.to,
      updated_at: new Date(),
      ...(change.to === 'submitted' ? { submitted_at: new Date() } : {}),
      ...(change.committeeId ? { committee_id: change.committeeId } : {}),
    })
    .where('id', '=', change.reportId)
    .where('organisation_id', '=', change.organisationId)
    .where('status', '=', change.from)
    .returning('id')
    .executeTakeFirst()
  if (!updated) throw new ReportConflictError(change.reportId)
  await recordReportEvent(trx, {
    reportId: change.reportId,
    organisationId: change.organisationId,
    actorId: change.actorId,
    type: 'status_changed',
    fromStatus: change.from,
    toStatus: change.to,
    comment: change.comment,
    resolution: change.resolution,
    committeeId: change.committeeId,
    agendaItemId: change.agendaItemId,
    decision: change.decision,
    welfareReportSectionId: change.welfareReportSectionId,
  })
}

/** One step in a report's history, as given; the people it concerns are notified in the same transaction. */
export interface ReportEventRecord {
  reportId: string
  organisationId: string
  /** Null only for a step no user took: a partner's answer through its link, a follow-up falling overdue. */
  actorId: string | null
  type: ReportEventType
  fromStatus?: ReportStatus | null
  toStatus?: ReportStatus | null
  comment?: string | null
  resolution?: Resolution | null
  committeeId?: string | null
  phenomenonId?: string | null
  agendaItemId?: string | null
  decision?: AgendaDecision | null
  proposedActionId?: string | null
  actionOutcome?: ActionOutcome | null
  welfareReportSectionId?: string | null
  sendingId?: string | null
  followUpId?: string | null
  followUpUpdateId?: string | null
}

/** Records an event and notifies the people it concerns, in the caller's transaction. */
export async function recordReportEvent(trx: Transaction<Database>, record: ReportEventRecord) {
  const event = await trx
    .insertInto('report_events')
    .values({
      report_id: record.reportId,
      organisation_id: record.organisationId,
      actor_id: record.actorId,
      type: record.type,
      from_status: record.fromStatus ?? null,
      to_status: record.toStatus ?? null,
      comment: record.comment || null,
      resolution: record.resolution ?? null,
      committee_id: record.committeeId ?? null,
      phenomenon_id: record.phenomenonId ?? null,
      agenda_item_id: record.agendaItemId ?? null,
      decision: record.decision ?? null,
      proposed_action_id: record.proposedActionId ?? null,
      action_outcome: record.actionOutcome ?? null,
      welfare_report_section_id: record.welfareReportSectionId ?? null,
      sending_id: record.sendingId ?? null,
      follow_up_id: record.followUpId ?? null,
      follow_up_update_id: record.followUpUpdateId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await createNotificationsForEvent(trx, event.id)
  return event.id
}

export interface QueueFilters {
  status: ReportStatus | null
  supportNeed: string | null
  clientGroup: string | null
  municipalityId: string | null
  from: string | null
  to: string | null
  positive: boolean | null
  q: string | null
}

/**
 * The review queue: every non-draft report the viewer may read, filtered, newest first, with counts per status;
 * each row says whether it is overdue for first feedback at `now`.
 */
export async function listReviewQueue(
  db: AppDb,
  viewer: Viewer,
  filters: QueueFilters,
  page: { limit: number; offset: number },
  now = new Date(),
) {
  const unsearched = withCommonFilters(
    db.selectFrom('reports').where(visibleTo(viewer)).where('reports.status', '!=', 'draft'),
    { ...filters, q: null },
  )
    .$if(filters.supportNeed !== null, (qb) =>
      qb.where(sql<boolean>`${filters.supportNeed} = any(reports.support_needs)`),
    )
    .$if(filters.clientGroup !== null, (qb) =>
      qb.where(sql<boolean>`${filters.clientGroup} = any(reports.client_groups)`),
    )
    .$if(filters.municipalityId !== null, (qb) => qb.where('reports.municipality_id', '=', filters.municipalityId))
    .$if(filters.from !== null, (qb) => qb.where('reports.submitted_at', '>=', new Date(`${filters.from}T00:00:00`)))
    .$if(filters.to !== null, (qb) =>
      qb.where('reports.submitted_at', '<', new Date(new Date(`${filters.to}T00:00:00`).getTime() + 86_400_000)),
    )
  const base = filters.q === null ? unsearched : unsearched.where(matchesSearch(filters.q))
  const listed = unsearched.$if(filters.status !== null, (qb) => qb.where('reports.status', '=', filters.status!))
  const pageOfRows = (candidates: ReportQuery) =>
    candidates
      .$if(filters.q !== null, (qb) => qb.where(matchesSearch(filters.q!)))
      .leftJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
      .leftJoin('teams', 'teams.id', 'reports.team_id')
      .select([
        'reports.id',
        'reports.title',
        'reports.status',
        'reports.positive',
        'reports.submitted_at',
        'municipalities.name as municipality',
        'teams.name as team',
        (eb) => overdueForFeedback(now)(eb).$castTo<boolean>().as('overdue'),
      ])
      .orderBy('reports.submitted_at', 'desc')
      .orderBy('reports.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute()
  const [rows, counts] = await Promise.all([
    filters.q === null ? pageOfRows(listed) : searchNewestFirst(db, listed, pageOfRows, page),
    countQueueByStatus(db, viewer, filters, () => countByStatus(base)),
  ])
  return { reports: rows, counts }
}

/**
 * A searched page, looked for first among the newest listed reports only. PostgreSQL cannot tell how many reports a
 * search matches, guesses few, and so tests the search (its trigram part is costly) on every listed report before
 * sorting; a search that matches a fair share fills the page from the newest few hundred. The answer is the same:
 * when the newest `window` hold the whole page, they hold every match before it too, as both go newest first. A page
 * they cannot fill is asked of every listed report.
 */
async function searchNewestFirst<Row>(
  db: AppDb,
  listed: ReportQuery,
  pageOfRows: (candidates: ReportQuery) => Promise<Row[]>,
  page: { limit: number; offset: number },
): Promise<Row[]> {
  const window = Math.max(200, 10 * (page.offset + page.limit))
  const newest = listed.select('reports.id').orderBy('reports.submitted_at', 'desc').orderBy('reports.id').limit(window)
  const rows = await pageOfRows(db.selectFrom('reports').where('reports.id', 'in', newest))
  return rows.length === page.limit ? rows : pageOfRows(listed)
}

const queueCounts = createVersionedCache<Partial<Record<ReportStatus, number>>>(1000)

/**
 * The queue's counts per status, computed once per organisation list version, viewer scope and filters rather
 * than on every view (ADR 030): exact, since the version moves on the commit of any write that could change them.
 */
async function countQueueByStatus(
  db: AppDb,
  viewer: Viewer,
  filters: QueueFilters,
  count: () => Promise<Partial<Record<ReportStatus, number>>>,
) {
  const scope = reportScopeFor(viewer.roles)
  const seenBy =
    scope.kind === 'organisation' ? scope : { ...scope, id: viewer.id, teamIds: viewer.teams.map((t) => t.id).sort() }
  // The counts are of every status: the status filter picks only the rows shown.
  const key = JSON.stringify([viewer.organisation.id, seenBy, { ...filters, status: null }])
  return queueCounts.get(key, await getReportListVersion(db, viewer.organisation.id), count)
}

export interface OwnReportFilters {
  status: ReportStatus | null
  positive: boolean | null
  q: string | null
}

/**
 * "My reports": everything the author has written, drafts and withdrawn ones included, newest first, each with
 * its newest event (one lateral join, not a query per row), and counts per status under the other filters.
 */
export async function listOwnReports(
  db: AppDb,
  author: Viewer,
  filters: OwnReportFilters,
  page: { limit: number; offset: number },
) {
  const base = withCommonFilters(
    db
      .selectFrom('reports')
      .where(visibleTo(author))
      .where((eb) => authoredBy(eb, author.id)),
    filters,
  )
  const [rows, counts] = await Promise.all([
    base
      .leftJoinLateral(
        (eb) =>
          eventsWithDetails(db)
            .where('report_events.report_id', '=', eb.ref('reports.id'))
            .where('report_events.organisation_id', '=', eb.ref('reports.organisation_id'))
            .orderBy('report_events.created_at', 'desc')
            .orderBy('report_events.id', 'desc')
            .limit(1)
            .as('latest_event'),
        (join) => join.onTrue(),
      )
      .select([
        'reports.id',
        'reports.title',
        'reports.status',
        'reports.positive',
        'reports.created_at',
        'latest_event.id as event_id',
        'latest_event.type as event_type',
        'latest_event.to_status as event_to_status',
        'latest_event.comment as event_comment',
        'latest_event.resolution as event_resolution',
        'latest_event.created_at as event_created_at',
        'latest_event.actor_name as event_actor_name',
        'latest_event.committee_name as event_committee_name',
        'latest_event.committee_name_sv as event_committee_name_sv',
        'latest_event.phenomenon_title as event_phenomenon_title',
        'latest_event.decision as event_decision',
        'latest_event.action_outcome as event_action_outcome',
        'latest_event.action_description as event_action_description',
        'latest_event.welfare_report_id as event_welfare_report_id',
        'latest_event.welfare_report_title as event_welfare_report_title',
        'latest_event.welfare_section_id as event_welfare_section_id',
        'latest_event.welfare_section_title as event_welfare_section_title',
        'latest_event.recipient_name as event_recipient_name',
        'latest_event.recipient_name_sv as event_recipient_name_sv',
        'latest_event.follow_up_id as event_follow_up_id',
        'latest_event.follow_up_title as event_follow_up_title',
        'latest_event.follow_up_target_date as event_follow_up_target_date',
        'latest_event.follow_up_status as event_follow_up_status',
        'latest_event.follow_up_progress as event_follow_up_progress',
      ])
      .$if(filters.status !== null, (qb) => qb.where('reports.status', '=', filters.status!))
      .orderBy('reports.created_at', 'desc')
      .orderBy('reports.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    countByStatus(base),
  ])
  return {
    reports: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      positive: row.positive,
      created_at: row.created_at,
      latestEvent:
        row.event_id === null
          ? null
          : {
              id: row.event_id,
              type: row.event_type!,
              to_status: row.event_to_status,
              comment: row.event_comment,
              resolution: row.event_resolution,
              created_at: row.event_created_at!,
              actor_name: row.event_actor_name!,
              committee_name: row.event_committee_name,
              committee_name_sv: row.event_committee_name_sv,
              phenomenon_title: row.event_phenomenon_title,
              decision: row.event_decision,
              action_outcome: row.event_action_outcome,
              action_description: row.event_action_description,
              welfare_report_id: row.event_welfare_report_id,
              welfare_report_title: row.event_welfare_report_title,
              welfare_section_id: row.event_welfare_section_id,
              welfare_section_title: row.event_welfare_section_title,
              recipient_name: row.event_recipient_name,
              recipient_name_sv: row.event_recipient_name_sv,
              follow_up_id: row.event_follow_up_id,
              follow_up_title: row.event_follow_up_title,
              follow_up_target_date: row.event_follow_up_target_date,
              follow_up_status: row.event_follow_up_status,
              follow_up_progress: row.event_follow_up_progress,
            },
    })),
    counts,
  }
}

type StoredReport = NonNullable<Awaited<ReturnType<typeof getReportForViewer>>>

/** A stored report read back into the content the form and the API work with. */
export function contentOf(report: StoredReport): ReportContent {
  return {
    title: report.title,
    description: report.description,
    observedSince: report.observed_since?.slice(0, 7) ?? null,
    supportNeeds: report.support_needs as ReportContent['supportNeeds'],
    clientGroups: report.client_groups as ReportContent['clientGroups'],
    ageBands: report.age_bands as ReportContent['ageBands'],
    genders: report.genders as ReportContent['genders'],
    clientCount: report.client_count,
    trend: report.trend,
    municipalityId: report.municipality_id,
    sectors: report.sectors as ReportContent['sectors'],
    causes: report.causes,
    consequences: report.consequences,
    actions: report.actions,
    clientsParticipated: report.clients_participated,
    positive: report.positive,
    noIdentifyingDataConfirmed: report.no_identifying_data_confirmed,
    preparedIn: report.prepared_in,
    coAuthorIds: report.co_author_ids,
  }
}
