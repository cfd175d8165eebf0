import { sql, type Transaction } from 'kysely'
import { type CandidateSearch, candidatePageSize, containsPattern } from '#app/domain/candidate-search.ts'
import { type AgendaItemInput, agendaReadyStatus } from '#app/domain/meetings.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { pageOf, pageWindow } from '#app/utils/paging.ts'
import { type Database } from './database.ts'
import { isVersion } from './edit-version.server.ts'
import { agendaOf, nextPosition } from './ordered-items.server.ts'
import { listPhenomena } from './phenomenon.server.ts'
import { listOwnPhenomenonIds, phenomenonReportsIn } from './report-links.server.ts'

/**
 * A meeting's agenda: each item's texts, its phenomena with the evidence behind them, and its reports (never who
 * wrote them), in order.
 */
export async function listAgendaItems(db: AppDb, organisationId: string, meetingId: string) {
  const items = await db
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
    .where('agenda_items.meeting_id', '=', meetingId)
    .orderBy('agenda_items.position')
    .execute()
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
          .where('reports.organisation_id', '=', organisationId)
          .orderBy(sql`agenda_item_reports.via_phenomenon_id is not null`)
          .orderBy('reports.title')
          .execute(),
    // Only the phenomena on this agenda: their evidence is counted over all their reports.
    listPhenomena(db, organisationId, [...new Set(links.map((link) => link.phenomenon_id))]),
  ])
  return items.map((item) => ({
    ...item,
    phenomena: figures
      .filter((phenomenon) =>
        links.some((link) => link.agenda_item_id === item.id && link.phenomenon_id === phenomenon.id),
      )
      .map(({ latest_report: _latest, created_at: _created, ...phenomenon }) => phenomenon),
    reports: reports
      .filter((report) => report.agenda_item_id === item.id)
      .map(({ agenda_item_id: _item, ...report }) => report),
  }))
}

/**
 * What the coordinator may put on an agenda, one page of each whose title contains the words searched for: the
 * organisation's forwarded reports, and the phenomena that have forwarded reports (how many of them will go with the
 * phenomenon when the agenda is published), and whether either list goes on to another page.
 */
export async function listAgendaCandidates(db: AppDb, organisationId: string, search: CandidateSearch) {
  const window = pageWindow(search.page, candidatePageSize)
  const titled = search.q === null ? null : containsPattern(search.q)
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
      .$if(titled !== null, (qb) => qb.where('reports.title', 'ilike', titled!))
      .orderBy('reports.title')
      .orderBy('reports.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('phenomena')
      .select((eb) => [
        'phenomena.id',
        'phenomena.title',
        phenomenonReportsIn(eb, [agendaReadyStatus])
          .select(sql<number>`count(*)::int`.as('count'))
          .as('forwarded_count'),
      ])
      .where('phenomena.organisation_id', '=', organisationId)
      .where((eb) => eb.exists(phenomenonReportsIn(eb, [agendaReadyStatus]).select('reports.id')))
      .$if(titled !== null, (qb) => qb.where('phenomena.title', 'ilike', titled!))
      .orderBy('phenomena.title')
      .orderBy('phenomena.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
  ])
  return {
    reports: pageOf(reports, candidatePageSize).rows,
    phenomena: pageOf(phenomena, candidatePageSize).rows.map((row) => ({
      ...row,
      forwarded_count: row.forwarded_count ?? 0,
    })),
    hasNext: reports.length > candidatePageSize || phenomena.length > candidatePageSize,
  }
}

/** How many forwarded reports each of these phenomena would take onto the agenda, for the items that hold them. */
export async function countForwardedReports(db: AppDb, organisationId: string, phenomenonIds: string[]) {
  if (phenomenonIds.length === 0) return new Map<string, number>()
  const rows = await db
    .selectFrom('phenomenon_reports')
    .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
    .select(['phenomenon_reports.phenomenon_id', sql<number>`count(*)::int`.as('count')])
    .where('phenomenon_reports.phenomenon_id', 'in', phenomenonIds)
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.status', '=', agendaReadyStatus)
    .groupBy('phenomenon_reports.phenomenon_id')
    .execute()
  return new Map(rows.map((row) => [row.phenomenon_id, row.count]))
}

/**
 * Reports may be linked when they are forwarded, or already linked directly to this item (so editing an item
 * whose report moved on does not silently drop it; publishing then names it). Phenomena must be the organisation's.
 */
export async function checkAgendaLinks(
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
  const own = await listOwnPhenomenonIds(trx, organisationId, input.phenomenonIds)
  if (own.length !== input.phenomenonIds.length) fieldErrors.phenomenonIds = 'meetings.item.phenomenaUnavailable'
  return fieldErrors
}

/** Appends an item after the last one; the meeting must be locked (`lockMeeting`). */
export async function insertAgendaItem(
  trx: Transaction<Database>,
  item: Pick<AgendaItemInput, 'title' | 'summary' | 'proposal'> & { organisationId: string; meetingId: string },
): Promise<string> {
  const row = await trx
    .insertInto('agenda_items')
    .values({
      organisation_id: item.organisationId,
      meeting_id: item.meetingId,
      position: nextPosition(agendaOf(item.meetingId)),
      title: item.title,
      summary: item.summary,
      proposal: item.proposal,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Saves the item's texts if nobody saved a newer version since `version`; false when someone did. */
export async function updateAgendaItemIfVersion(
  trx: Transaction<Database>,
  itemId: string,
  input: Pick<AgendaItemInput, 'title' | 'summary' | 'proposal'> & { version: Date },
): Promise<boolean> {
  const updated = await trx
    .updateTable('agenda_items')
    .set({ title: input.title, summary: input.summary, proposal: input.proposal, updated_at: new Date() })
    .where('id', '=', itemId)
    .where(isVersion(input.version))
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

export async function listAgendaItemIds(trx: Transaction<Database>, meetingId: string): Promise<string[]> {
  const items = await trx
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute()
  return items.map((item) => item.id)
}

/** Reports linked directly to these items that are no longer waiting for a committee. */
export function listUnavailableDirectReports(trx: Transaction<Database>, itemIds: string[]) {
  return trx
    .selectFrom('agenda_item_reports')
    .innerJoin('reports', 'reports.id', 'agenda_item_reports.report_id')
    .select(['reports.id', 'reports.title', 'reports.status'])
    .distinct()
    .where('agenda_item_reports.agenda_item_id', 'in', itemIds)
    .where('agenda_item_reports.via_phenomenon_id', 'is', null)
    .where('reports.status', '!=', agendaReadyStatus)
    .orderBy('reports.title')
    .execute()
}

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
export function listReportsOnSeveralItems(trx: Transaction<Database>, organisationId: string, itemIds: string[]) {
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

/** The phenomena's forwarded reports join their items; a report linked directly stays a direct link. */
export async function linkReportsOfPhenomena(trx: Transaction<Database>, organisationId: string, itemIds: string[]) {
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
    .onConflict((oc) => oc.columns(['agenda_item_id', 'report_id']).doNothing())
    .execute()
}

/** The forwarded reports on these items, each with its item. */
export function listReadyReportsOnItems(trx: Transaction<Database>, itemIds: string[]) {
  return trx
    .selectFrom('agenda_item_reports')
    .innerJoin('reports', 'reports.id', 'agenda_item_reports.report_id')
    .select(['agenda_item_reports.report_id', 'agenda_item_reports.agenda_item_id'])
    .where('agenda_item_reports.agenda_item_id', 'in', itemIds)
    .where('reports.status', '=', agendaReadyStatus)
    .orderBy('agenda_item_reports.report_id')
    .execute()
}
