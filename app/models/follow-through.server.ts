import { sql } from 'kysely'
import { helsinkiDay } from '#app/domain/digest.ts'
import {
  chainFollowUp,
  type ChainFollowUp,
  type ChainRoute,
  committeeRouteState,
  type FollowThroughChain,
} from '#app/domain/follow-through-chain.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { readableFollowUpsOf } from './follow-up.server.ts'
import { type Viewer, visibleTo } from './report.server.ts'

/**
 * Reads only: the chain of what became of reports and phenomena (sendings, committee handling, follow-ups), always
 * inside one organisation. The follow-up and sending tables are written by their own services.
 */

const iso = (value: Date) => value.toISOString()

/** What a chain is asked for: reports and phenomena of one organisation. */
export interface ChainOwners {
  reportIds: string[]
  phenomenonIds: string[]
}

export interface Chains {
  reports: Map<string, FollowThroughChain>
  phenomena: Map<string, FollowThroughChain>
}

/** The report's chain, or null when the viewer may not read the report. */
export async function getReportChain(db: AppDb, viewer: Viewer, reportId: string, now = new Date()) {
  const visible = await db
    .selectFrom('reports')
    .select('reports.id')
    .where('reports.id', '=', reportId)
    .where(visibleTo(viewer))
    .executeTakeFirst()
  if (!visible) return null
  const chains = await listChains(
    db,
    viewer.organisation.id,
    { reportIds: [reportId], phenomenonIds: [] },
    { viewer, now },
  )
  return chains.reports.get(reportId) ?? null
}

/**
 * The phenomenon's chain: its own sendings and committee handling, and the follow-ups of it or of its reports that
 * the viewer may read.
 */
export async function getPhenomenonChain(db: AppDb, viewer: Viewer, phenomenonId: string, now = new Date()) {
  const owners = { reportIds: [], phenomenonIds: [phenomenonId] }
  const chains = await listChains(db, viewer.organisation.id, owners, { viewer, now })
  return chains.phenomena.get(phenomenonId) ?? null
}

/**
 * Every asked-for report's and phenomenon's chain in a few queries; ids of another organisation get none. With a
 * viewer, only the follow-ups they may open are listed; without one (the welfare report, a public document) all.
 */
export async function listChains(
  db: AppDb,
  organisationId: string,
  owners: ChainOwners,
  { viewer = null, now = new Date() }: { viewer?: Viewer | null; now?: Date } = {},
) {
  const today = helsinkiDay(now)
  const [reports, phenomena] = await Promise.all([
    listReportsOf(db, organisationId, owners.reportIds),
    listPhenomenaOf(db, organisationId, owners.phenomenonIds),
  ])
  const viaLinks = await listPhenomenaOfReports(
    db,
    organisationId,
    reports.map((report) => report.id),
  )
  const phenomenonIds = [...new Set([...phenomena.map((p) => p.id), ...viaLinks.map((link) => link.phenomenon_id)])]
  const reportIds = [...new Set([...reports.map((r) => r.id), ...phenomena.flatMap((p) => p.report_ids)])]
  const [sendings, agendaRows, followUps] = await Promise.all([
    listSendingsOf(db, organisationId, {
      reportIds: reports.map((r) => r.id),
      phenomenonIds,
    }),
    listCommitteeHandling(db, organisationId, {
      reportIds: reports.map((r) => r.id),
      phenomenonIds: phenomena.map((p) => p.id),
    }),
    listFollowUpsOf(db, organisationId, { reportIds, phenomenonIds: phenomena.map((p) => p.id) }, viewer),
  ])
  const shownFollowUps = followUps.map((row) => ({ ...row, shown: chainFollowUp(followUpFields(row), today) }))

  const chains: Chains = { reports: new Map(), phenomena: new Map() }
  for (const report of reports) {
    const via = viaLinks.filter((link) => link.report_id === report.id)
    const ownSendings = sendings.filter(
      (sending) =>
        sending.report_id === report.id ||
        (sending.phenomenon_id !== null && via.some((link) => link.phenomenon_id === sending.phenomenon_id)),
    )
    const routes = ownSendings.map((sending) =>
      sendingRoute(sending, via.find((link) => link.phenomenon_id === sending.phenomenon_id) ?? null),
    )
    const committees = committeeRoutes(
      agendaRows.filter((row) => row.report_id === report.id),
      ownSendings,
      report.committee_id && report.forwarded_at
        ? {
            id: report.committee_id,
            name: report.committee_name ?? '',
            nameSv: report.committee_name_sv,
            sentAt: report.forwarded_at,
          }
        : null,
    )
    chains.reports.set(report.id, {
      reported: { kind: 'report', submittedAt: report.submitted_at ? iso(report.submitted_at) : null },
      routes: byDate([...routes, ...committees]),
      followUps: shownFollowUps.filter((row) => row.report_ids.includes(report.id)).map((row) => row.shown),
    })
  }
  for (const phenomenon of phenomena) {
    const ownSendings = sendings.filter((sending) => sending.phenomenon_id === phenomenon.id)
    const committees = committeeRoutes(
      agendaRows.filter((row) => row.phenomenon_id === phenomenon.id),
      ownSendings,
      null,
    )
    chains.phenomena.set(phenomenon.id, {
      reported: {
        kind: 'phenomenon',
        reportCount: phenomenon.submitted_count,
        firstSubmittedAt: phenomenon.first_submitted_at ? iso(new Date(phenomenon.first_submitted_at)) : null,
      },
      routes: byDate([...ownSendings.map((sending) => sendingRoute(sending, null)), ...committees]),
      followUps: shownFollowUps
        .filter(
          (row) =>
            row.phenomenon_ids.includes(phenomenon.id) ||
            row.report_ids.some((id) => phenomenon.report_ids.includes(id)),
        )
        .map((row) => row.shown),
    })
  }
  return chains
}

/** Which of the follow-ups the viewer may open; a public document lists the others by title only. */
export async function listReadableFollowUpIds(db: AppDb, viewer: Viewer, followUpIds: string[]): Promise<string[]> {
  if (followUpIds.length === 0) return []
  const rows = await db
    .selectFrom('follow_ups')
    .select('follow_ups.id')
    .where('follow_ups.id', 'in', followUpIds)
    .where(readableFollowUpsOf(viewer))
    .execute()
  return rows.map((row) => row.id)
}

/** Each agenda item's follow-ups: what the decision recorded there set in motion; for the minutes. */
export async function listFollowUpsOfAgendaItems(
  db: AppDb,
  organisationId: string,
  agendaItemIds: string[],
  now = new Date(),
): Promise<Map<string, ChainFollowUp[]>> {
  const byItem = new Map<string, ChainFollowUp[]>()
  if (agendaItemIds.length === 0) return byItem
  const today = helsinkiDay(now)
  const rows = await followUpsWithDetails(db, organisationId)
    .select('follow_ups.agenda_item_id')
    .where('follow_ups.agenda_item_id', 'in', agendaItemIds)
    .execute()
  for (const row of rows) {
    const list = byItem.get(row.agenda_item_id!) ?? []
    list.push(chainFollowUp(followUpFields(row), today))
    byItem.set(row.agenda_item_id!, list)
  }
  return byItem
}

/** The period's follow-ups: decided in it or due in it (YYYY-MM-DD, inclusive); for the welfare report. */
export async function listFollowUpsOfPeriod(
  db: AppDb,
  organisationId: string,
  period: { from: string; to: string },
  now = new Date(),
): Promise<ChainFollowUp[]> {
  const today = helsinkiDay(now)
  const rows = await followUpsWithDetails(db, organisationId)
    .where((eb) =>
      eb.or([
        eb.between('follow_ups.decided_on', period.from, period.to),
        eb.between('follow_ups.target_date', period.from, period.to),
      ]),
    )
    .execute()
  return rows.map((row) => chainFollowUp(followUpFields(row), today))
}

function listReportsOf(db: AppDb, organisationId: string, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('reports')
    .leftJoin('committees', 'committees.id', 'reports.committee_id')
    .select((eb) => [
      'reports.id',
      'reports.submitted_at',
      'reports.committee_id',
      'committees.name as committee_name',
      'committees.name_sv as committee_name_sv',
      eb
        .selectFrom('report_events')
        .select((e) => e.fn.max('report_events.created_at').as('at'))
        .whereRef('report_events.report_id', '=', 'reports.id')
        .where('report_events.to_status', '=', 'forwarded')
        .as('forwarded_at'),
    ])
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.id', 'in', reportIds)
    .execute()
}

/** A phenomenon with its reports; only those sent beyond their writer count as reported. */
function listPhenomenaOf(db: AppDb, organisationId: string, phenomenonIds: string[]) {
  if (phenomenonIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('phenomena')
    .leftJoin('phenomenon_reports', 'phenomenon_reports.phenomenon_id', 'phenomena.id')
    .leftJoin('reports', (join) =>
      join.onRef('reports.id', '=', 'phenomenon_reports.report_id').on('reports.organisation_id', '=', organisationId),
    )
    .select([
      'phenomena.id',
      sql<string[]>`coalesce(array_agg(reports.id) filter (where reports.id is not null), '{}')`.as('report_ids'),
      sql<number>`(count(reports.id) filter (where reports.submitted_at is not null
        and reports.status not in ('draft', 'withdrawn')))::int`.as('submitted_count'),
      sql<Date | null>`min(reports.submitted_at) filter (where reports.status not in ('draft', 'withdrawn'))`.as(
        'first_submitted_at',
      ),
    ])
    .where('phenomena.organisation_id', '=', organisationId)
    .where('phenomena.id', 'in', phenomenonIds)
    .groupBy('phenomena.id')
    .execute()
}

function listPhenomenaOfReports(db: AppDb, organisationId: string, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('phenomenon_reports')
    .innerJoin('phenomena', 'phenomena.id', 'phenomenon_reports.phenomenon_id')
    .select(['phenomenon_reports.report_id', 'phenomenon_reports.phenomenon_id', 'phenomena.title'])
    .where('phenomena.organisation_id', '=', organisationId)
    .where('phenomenon_reports.report_id', 'in', reportIds)
    .execute()
}

type SendingRow = Awaited<ReturnType<typeof listSendingsOf>>[number]

function listSendingsOf(db: AppDb, organisationId: string, owners: ChainOwners) {
  if (owners.reportIds.length === 0 && owners.phenomenonIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('sendings')
    .innerJoin('recipients', 'recipients.id', 'sendings.recipient_id')
    .leftJoin('users as answerer', 'answerer.id', 'sendings.answered_by')
    .select((eb) => [
      'sendings.id',
      'sendings.report_id',
      'sendings.phenomenon_id',
      'sendings.state',
      'sendings.covering_note',
      'sendings.answer',
      'sendings.answered_at',
      'sendings.sent_at',
      'sendings.updated_at',
      'recipients.name as recipient_name',
      'recipients.name_sv as recipient_name_sv',
      'recipients.kind as recipient_kind',
      'recipients.committee_id',
      eb.fn
        .coalesce('answerer.name', 'sendings.answered_by_name', 'recipients.name')
        .$castTo<string>()
        .as('answered_by'),
    ])
    .where('sendings.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        ...(owners.reportIds.length > 0 ? [eb('sendings.report_id', 'in', owners.reportIds)] : []),
        ...(owners.phenomenonIds.length > 0 ? [eb('sendings.phenomenon_id', 'in', owners.phenomenonIds)] : []),
      ]),
    )
    .orderBy('sendings.sent_at')
    .execute()
}

function sendingRoute(sending: SendingRow, via: { phenomenon_id: string; title: string } | null): ChainRoute {
  const reply =
    sending.answer !== null
      ? { text: sending.answer, by: sending.answered_by, at: iso(sending.answered_at ?? sending.updated_at) }
      : null
  return {
    id: sending.id,
    recipient: { name: sending.recipient_name, nameSv: sending.recipient_name_sv, kind: sending.recipient_kind },
    via: via ? { id: via.phenomenon_id, title: via.title } : null,
    sentAt: iso(sending.sent_at),
    state: sending.state,
    coveringNote: sending.covering_note || null,
    onAgendaOf: null,
    answer: sending.state === 'answered' ? reply : null,
    returned: sending.state === 'returned' ? reply : null,
    decision: null,
  }
}

type AgendaRow = Awaited<ReturnType<typeof listCommitteeHandling>>[number]

/** The published agenda items that carried the reports or phenomena, with the committee's decision on each. */
async function listCommitteeHandling(db: AppDb, organisationId: string, owners: ChainOwners) {
  const base = db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .innerJoin('committees', 'committees.id', 'meetings.committee_id')
    .select([
      'agenda_items.id',
      'committees.id as committee_id',
      'committees.name as committee_name',
      'committees.name_sv as committee_name_sv',
      'meetings.published_at',
      sql<string>`to_char(meetings.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM-DD')`.as('meeting_date'),
      'meetings.starts_at',
      'agenda_items.decision',
      'agenda_items.decision_text',
    ])
    .where('agenda_items.organisation_id', '=', organisationId)
    .where('meetings.published_at', 'is not', null)
  const [reportRows, phenomenonRows] = await Promise.all([
    owners.reportIds.length === 0
      ? []
      : base
          .innerJoin('agenda_item_reports', 'agenda_item_reports.agenda_item_id', 'agenda_items.id')
          .select(['agenda_item_reports.report_id', sql<string | null>`null::uuid`.as('phenomenon_id')])
          .where('agenda_item_reports.report_id', 'in', owners.reportIds)
          .execute(),
    owners.phenomenonIds.length === 0
      ? []
      : base
          .innerJoin('agenda_item_phenomena', 'agenda_item_phenomena.agenda_item_id', 'agenda_items.id')
          .select([sql<string | null>`null::uuid`.as('report_id'), 'agenda_item_phenomena.phenomenon_id'])
          .where('agenda_item_phenomena.phenomenon_id', 'in', owners.phenomenonIds)
          .execute(),
  ])
  return [...reportRows, ...phenomenonRows]
}

/**
 * The committees that handled the matter outside any sending: the one the report was forwarded to, and every
 * committee whose published agenda carried it, each with its latest meeting's decision. A committee also reached
 * by a sending is told by that sending, which its decision answers.
 */
function committeeRoutes(
  rows: AgendaRow[],
  sendings: SendingRow[],
  forwardedTo: { id: string; name: string; nameSv: string | null; sentAt: Date } | null,
): ChainRoute[] {
  const committees = new Map<string, { name: string; nameSv: string | null; sentAt: Date | null }>()
  if (forwardedTo) committees.set(forwardedTo.id, forwardedTo)
  for (const row of rows) {
    if (!committees.has(row.committee_id)) {
      committees.set(row.committee_id, { name: row.committee_name, nameSv: row.committee_name_sv, sentAt: null })
    }
  }
  return [...committees]
    .filter(([committeeId]) => !sendings.some((sending) => sending.committee_id === committeeId))
    .map(([committeeId, committee]) => {
      const latest = rows
        .filter((row) => row.committee_id === committeeId)
        .sort((a, b) => b.starts_at.getTime() - a.starts_at.getTime())[0]
      const decision = latest?.decision ?? null
      return {
        id: `committee-${committeeId}`,
        recipient: { name: committee.name, nameSv: committee.nameSv, kind: 'committee' as const },
        via: null,
        sentAt: iso(committee.sentAt ?? latest!.published_at!),
        state: committeeRouteState(decision, latest !== undefined),
        coveringNote: null,
        onAgendaOf: latest && !decision ? latest.meeting_date : null,
        answer: null,
        returned: null,
        decision:
          latest && decision ? { kind: decision, text: latest.decision_text, meetingDate: latest.meeting_date } : null,
      }
    })
}

function byDate(routes: ChainRoute[]): ChainRoute[] {
  return routes.sort((a, b) => a.sentAt.localeCompare(b.sentAt))
}

/** Follow-ups with who is responsible and their latest update, earliest target first. */
function followUpsWithDetails(db: AppDb, organisationId: string) {
  return db
    .selectFrom('follow_ups')
    .leftJoin('recipients', 'recipients.id', 'follow_ups.responsible_recipient_id')
    .leftJoin('teams', 'teams.id', 'follow_ups.responsible_team_id')
    .leftJoin('users as responsible', 'responsible.id', 'follow_ups.responsible_user_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('follow_up_updates')
          .select(['follow_up_updates.created_at', 'follow_up_updates.body'])
          .whereRef('follow_up_updates.follow_up_id', '=', 'follow_ups.id')
          .orderBy('follow_up_updates.created_at', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .select([
      'follow_ups.id',
      'follow_ups.title',
      'follow_ups.decided_on',
      'follow_ups.target_date',
      'follow_ups.status',
      'follow_ups.status_reason',
      'follow_ups.progress',
      sql<string | null>`coalesce(recipients.name, teams.name)`.as('responsible_unit'),
      'responsible.name as responsible_person',
      'latest.created_at as latest_update_at',
      'latest.body as latest_update_text',
    ])
    .where('follow_ups.organisation_id', '=', organisationId)
    .orderBy('follow_ups.target_date')
    .orderBy('follow_ups.title')
}

type FollowUpRow = Awaited<ReturnType<ReturnType<typeof followUpsWithDetails>['execute']>>[number]

function followUpFields(row: FollowUpRow) {
  return {
    id: row.id,
    title: row.title,
    responsibleUnit: row.responsible_unit,
    responsiblePerson: row.responsible_person,
    decidedOn: row.decided_on,
    targetDate: row.target_date,
    status: row.status,
    statusReason: row.status_reason,
    progress: row.progress,
    latestUpdateAt: row.latest_update_at,
    latestUpdateText: row.latest_update_text,
  }
}

/**
 * The follow-ups of the reports (linked to them, or set for one of their proposed actions) and of the phenomena
 * (set for the phenomenon or one of its actions), each with the reports and phenomena it belongs to.
 */
function listFollowUpsOf(db: AppDb, organisationId: string, owners: ChainOwners, viewer: Viewer | null) {
  if (owners.reportIds.length === 0 && owners.phenomenonIds.length === 0) return Promise.resolve([])
  const reportIds = sql<string[]>`array(
    select follow_up_reports.report_id from follow_up_reports where follow_up_reports.follow_up_id = follow_ups.id
    union
    select proposed_actions.report_id from proposed_actions
    where proposed_actions.id = follow_ups.proposed_action_id and proposed_actions.report_id is not null
  )`
  const phenomenonIds = sql<string[]>`array_remove(array[follow_ups.phenomenon_id, (
    select proposed_actions.phenomenon_id from proposed_actions where proposed_actions.id = follow_ups.proposed_action_id
  )], null)`
  return db
    .selectFrom(
      followUpsWithDetails(db, organisationId)
        .select([reportIds.as('report_ids'), phenomenonIds.as('phenomenon_ids')])
        .$if(viewer !== null, (qb) => qb.where(readableFollowUpsOf(viewer!)))
        .as('follow_up'),
    )
    .selectAll()
    .where(({ or }) =>
      or([
        sql<boolean>`follow_up.report_ids && ${sql.val(owners.reportIds)}::uuid[]`,
        sql<boolean>`follow_up.phenomenon_ids && ${sql.val(owners.phenomenonIds)}::uuid[]`,
      ]),
    )
    .orderBy('follow_up.target_date')
    .orderBy('follow_up.title')
    .execute()
}
