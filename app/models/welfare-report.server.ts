import { sql, type Transaction } from 'kysely'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { type ActionLevel, type SupportNeed, supportNeeds } from '#app/domain/report-fields.ts'
import { type PublicStatistics, suppressCount, suppressStatistics } from '#app/domain/statistics.ts'
import {
  type WelfareAction,
  type WelfareDecision,
  type WelfarePhenomenon,
  type WelfareReportDocument,
  type WelfareReportEntry,
  type WelfareSection,
} from '#app/domain/welfare-report.ts'
import {
  includableStatuses,
  isIncludable,
  type WelfareReportInput,
  type WelfareSectionInput,
} from '#app/domain/welfare-report-form.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database, type ReportStatus } from './database.ts'
import { scanTextsOfOrganisation } from './organisation-settings.server.ts'
import { listProposedActions } from './proposed-action.server.ts'
import { recordReportEvent, transitionReport, type Viewer, visibleTo } from './report.server.ts'
import { computeReportStatistics } from './statistics.server.ts'
import { isVersion, versionOf } from './edit-version.server.ts'

/** What a write returns: done, or why not, with what the identifiability guard found. */
export type WelfareOutcome<T = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'identifying'; findings: FieldFinding[] }
  /** Someone else saved a newer version since the form was loaded; nothing was written. */
  | { ok: false; reason: 'stale' }

export interface WelfareReportSummary {
  id: string
  title: string
  /** YYYY-MM-DD, inclusive. */
  periodStart: string
  periodEnd: string
  sectionCount: number
  createdAt: string
  updatedAt: string
}

/** The organisation's welfare reports, newest period first. */
export async function listWelfareReports(db: AppDb, organisationId: string): Promise<WelfareReportSummary[]> {
  const rows = await db
    .selectFrom('welfare_reports')
    .select((eb) => [
      'welfare_reports.id',
      'welfare_reports.title',
      'welfare_reports.period_start',
      'welfare_reports.period_end',
      'welfare_reports.created_at',
      eb
        .selectFrom('welfare_report_sections')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('welfare_report_sections.welfare_report_id', '=', 'welfare_reports.id')
        .as('section_count'),
      lastChange().as('updated_at'),
    ])
    .where('welfare_reports.organisation_id', '=', organisationId)
    .orderBy('welfare_reports.period_start', 'desc')
    .orderBy('welfare_reports.created_at', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    sectionCount: row.section_count ?? 0,
    createdAt: row.created_at.toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }))
}

/** The report's own change or its latest section change, whichever is later. */
function lastChange() {
  return sql<Date>`greatest(welfare_reports.updated_at, (
    select max(welfare_report_sections.updated_at) from welfare_report_sections
    where welfare_report_sections.welfare_report_id = welfare_reports.id
  ))`
}

/** Everything a coordinator writes into the welfare report passes the guard a report passes (ADR 006). */
export async function createWelfareReport(
  db: AppDb,
  actor: { id: string; organisationId: string },
  input: WelfareReportInput,
): Promise<WelfareOutcome<{ welfareReportId: string }>> {
  const findings = await scanTextsOfOrganisation(db, actor.organisationId, {
    title: input.title,
    introduction: input.introduction,
  })
  if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
  const created = await db
    .insertInto('welfare_reports')
    .values({
      organisation_id: actor.organisationId,
      title: input.title,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      introduction: input.introduction,
      created_by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { ok: true, welfareReportId: created.id }
}

export async function updateWelfareReport(
  db: AppDb,
  organisationId: string,
  welfareReportId: string,
  input: WelfareReportInput,
): Promise<WelfareOutcome> {
  const findings = await scanTextsOfOrganisation(db, organisationId, {
    title: input.title,
    introduction: input.introduction,
  })
  if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
  const updated = await db
    .updateTable('welfare_reports')
    .set({
      title: input.title,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      introduction: input.introduction,
      updated_at: new Date(),
    })
    .where('id', '=', welfareReportId)
    .where('organisation_id', '=', organisationId)
    .returning('id')
    .executeTakeFirst()
  return updated ? { ok: true } : { ok: false, reason: 'not_found' }
}

/** Which section of which welfare report: both must match, and both belong to the organisation. */
export interface SectionRef {
  organisationId: string
  welfareReportId: string
  sectionId: string
}

function findSection(db: AppDb, ref: SectionRef) {
  return db
    .selectFrom('welfare_report_sections')
    .select(['id', 'welfare_report_id', 'position', 'title'])
    .where('id', '=', ref.sectionId)
    .where('welfare_report_id', '=', ref.welfareReportId)
    .where('organisation_id', '=', ref.organisationId)
}

/** Locks the welfare report row so that sections added or moved at the same time take positions in turn. */
function lockWelfareReport(trx: Transaction<Database>, organisationId: string, welfareReportId: string) {
  return trx
    .selectFrom('welfare_reports')
    .select('id')
    .where('id', '=', welfareReportId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst()
}

/** Appends a section after the last one. */
export async function addSection(
  db: AppDb,
  organisationId: string,
  welfareReportId: string,
  input: WelfareSectionInput,
): Promise<WelfareOutcome<{ sectionId: string }>> {
  const findings = await scanTextsOfOrganisation(db, organisationId, { title: input.title, body: input.body })
  return db.transaction().execute(async (trx) => {
    if (!(await lockWelfareReport(trx, organisationId, welfareReportId))) return { ok: false, reason: 'not_found' }
    if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
    const section = await trx
      .insertInto('welfare_report_sections')
      .values((eb) => ({
        organisation_id: organisationId,
        welfare_report_id: welfareReportId,
        position: eb
          .selectFrom('welfare_report_sections')
          .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
          .where('welfare_report_id', '=', welfareReportId),
        title: input.title,
        category: input.category,
        body: input.body,
      }))
      .returning('id')
      .executeTakeFirstOrThrow()
    return { ok: true, sectionId: section.id }
  })
}

/** Replaces a section's title, category and Markdown body. */
export async function setSectionContent(
  db: AppDb,
  ref: SectionRef,
  input: WelfareSectionInput & { version: Date },
): Promise<WelfareOutcome> {
  if (!(await findSection(db, ref).executeTakeFirst())) return { ok: false, reason: 'not_found' }
  const findings = await scanTextsOfOrganisation(db, ref.organisationId, { title: input.title, body: input.body })
  if (findings.length > 0) return { ok: false, reason: 'identifying', findings }
  const updated = await db
    .updateTable('welfare_report_sections')
    .set({ title: input.title, category: input.category, body: input.body, updated_at: new Date() })
    .where('id', '=', ref.sectionId)
    .where(isVersion(input.version))
    .executeTakeFirst()
  return updated.numUpdatedRows === 0n ? { ok: false, reason: 'stale' } : { ok: true }
}

/**
 * Swaps the section with its neighbour above or below; the unique position is checked at commit, so the two
 * updates may briefly share a position. At the edge nothing moves.
 */
export async function moveSection(
  db: AppDb,
  ref: SectionRef,
  direction: 'up' | 'down',
): Promise<WelfareOutcome<{ moved: boolean }>> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockWelfareReport(trx, ref.organisationId, ref.welfareReportId))) {
      return { ok: false, reason: 'not_found' }
    }
    const section = await findSection(trx, ref).executeTakeFirst()
    if (!section) return { ok: false, reason: 'not_found' }
    const neighbour = await trx
      .selectFrom('welfare_report_sections')
      .select(['id', 'position'])
      .where('welfare_report_id', '=', ref.welfareReportId)
      .where('position', direction === 'up' ? '<' : '>', section.position)
      .orderBy('position', direction === 'up' ? 'desc' : 'asc')
      .limit(1)
      .executeTakeFirst()
    if (!neighbour) return { ok: true, moved: false }
    const now = new Date()
    await trx
      .updateTable('welfare_report_sections')
      .set({ position: neighbour.position, updated_at: now })
      .where('id', '=', section.id)
      .execute()
    await trx
      .updateTable('welfare_report_sections')
      .set({ position: section.position, updated_at: now })
      .where('id', '=', neighbour.id)
      .execute()
    return { ok: true, moved: true }
  })
}

export type DeleteSectionOutcome = { ok: true } | { ok: false; reason: 'not_found' | 'in_use' }

/**
 * Deletes a section and closes the gap. A section reporters have been told about stays: their report's history
 * names it, and that history is never rewritten.
 */
export async function deleteSection(db: AppDb, ref: SectionRef): Promise<DeleteSectionOutcome> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockWelfareReport(trx, ref.organisationId, ref.welfareReportId))) {
      return { ok: false, reason: 'not_found' }
    }
    const section = await findSection(trx, ref).executeTakeFirst()
    if (!section) return { ok: false, reason: 'not_found' }
    const told = await trx
      .selectFrom('report_events')
      .select('id')
      .where('welfare_report_section_id', '=', section.id)
      .limit(1)
      .executeTakeFirst()
    if (told) return { ok: false, reason: 'in_use' }
    await trx.deleteFrom('welfare_report_sections').where('id', '=', section.id).execute()
    await trx
      .updateTable('welfare_report_sections')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('welfare_report_id', '=', ref.welfareReportId)
      .where('position', '>', section.position)
      .execute()
    await trx
      .updateTable('welfare_reports')
      .set({ updated_at: new Date() })
      .where('id', '=', ref.welfareReportId)
      .execute()
    return { ok: true }
  })
}

export interface ExcludedReport {
  id: string
  title: string
  status: ReportStatus
}

export type InclusionOutcome =
  | { ok: true; included: number; skipped: ExcludedReport[] }
  | { ok: false; reason: 'not_found' }
  /** Reports chosen directly that no committee has decided on yet; nothing was included. */
  | { ok: false; reason: 'not_includable'; reports: ExcludedReport[] }

/**
 * Takes phenomena and reports into a section, in the caller's transaction. A decided report moves to the welfare
 * report; one already there gets an event of its own. Either way its reporter is told which section used it,
 * once per section, ever. A phenomenon brings its decided and included reports along; its other reports are skipped
 * (returned in `skipped`), while a report chosen directly in another status stops the whole inclusion.
 */
export async function includeInSection(
  trx: Transaction<Database>,
  inclusion: SectionRef & { actorId: string; phenomenonIds: string[]; reportIds: string[] },
): Promise<InclusionOutcome> {
  const { organisationId, sectionId } = inclusion
  if (!(await lockWelfareReport(trx, organisationId, inclusion.welfareReportId)))
    return { ok: false, reason: 'not_found' }
  if (!(await findSection(trx, inclusion).executeTakeFirst())) return { ok: false, reason: 'not_found' }
  const phenomenonIds = [...new Set(inclusion.phenomenonIds)]
  const reportIds = [...new Set(inclusion.reportIds)]
  const phenomena =
    phenomenonIds.length === 0
      ? []
      : await trx
          .selectFrom('phenomena')
          .select('id')
          .where('id', 'in', phenomenonIds)
          .where('organisation_id', '=', organisationId)
          .execute()
  const direct =
    reportIds.length === 0
      ? []
      : await trx
          .selectFrom('reports')
          .select(['id', 'title', 'status'])
          .where('id', 'in', reportIds)
          .where('organisation_id', '=', organisationId)
          .orderBy('title')
          .execute()
  if (phenomena.length !== phenomenonIds.length || direct.length !== reportIds.length) {
    return { ok: false, reason: 'not_found' }
  }
  const notIncludable = direct.filter((report) => !isIncludable(report.status))
  if (notIncludable.length > 0) return { ok: false, reason: 'not_includable', reports: notIncludable }

  const viaPhenomena =
    phenomenonIds.length === 0
      ? []
      : await trx
          .selectFrom('phenomenon_reports')
          .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
          .select(['reports.id', 'reports.title', 'reports.status', 'phenomenon_reports.phenomenon_id'])
          .where('phenomenon_reports.phenomenon_id', 'in', phenomenonIds)
          .where('reports.organisation_id', '=', organisationId)
          .orderBy('reports.title')
          .orderBy('reports.id')
          .execute()
  if (phenomenonIds.length > 0) {
    await trx
      .insertInto('welfare_section_phenomena')
      .values(phenomenonIds.map((phenomenonId) => ({ section_id: sectionId, phenomenon_id: phenomenonId })))
      .onConflict((oc) => oc.columns(['section_id', 'phenomenon_id']).doNothing())
      .execute()
  }

  // A report chosen directly stays in the section when a phenomenon that also carries it is taken out again.
  const chosen = new Map<string, { id: string; status: ReportStatus; via: string | null }>()
  for (const report of direct) chosen.set(report.id, { id: report.id, status: report.status, via: null })
  const skipped: ExcludedReport[] = []
  for (const report of viaPhenomena) {
    if (chosen.has(report.id)) continue
    if (!isIncludable(report.status)) {
      if (!skipped.some((other) => other.id === report.id)) skipped.push(report)
      continue
    }
    chosen.set(report.id, { id: report.id, status: report.status, via: report.phenomenon_id })
  }
  const existing = new Map(
    (
      await trx
        .selectFrom('welfare_section_reports')
        .select(['report_id', 'via_phenomenon_id'])
        .where('section_id', '=', sectionId)
        .execute()
    ).map((row) => [row.report_id, row.via_phenomenon_id]),
  )
  // Told once per section, even if the report was taken out and put back in the meantime.
  const alreadyTold =
    chosen.size === 0
      ? new Set<string>()
      : new Set(
          (
            await trx
              .selectFrom('report_events')
              .select('report_id')
              .where('welfare_report_section_id', '=', sectionId)
              .where('report_id', 'in', [...chosen.keys()])
              .execute()
          ).map((event) => event.report_id),
        )
  let included = 0
  for (const report of chosen.values()) {
    if (existing.has(report.id)) {
      if (report.via === null && existing.get(report.id) !== null) {
        await trx
          .updateTable('welfare_section_reports')
          .set({ via_phenomenon_id: null })
          .where('section_id', '=', sectionId)
          .where('report_id', '=', report.id)
          .execute()
      }
      continue
    }
    await trx
      .insertInto('welfare_section_reports')
      .values({ section_id: sectionId, report_id: report.id, via_phenomenon_id: report.via })
      .execute()
    included++
    if (alreadyTold.has(report.id)) continue
    const told = { reportId: report.id, organisationId, actorId: inclusion.actorId, welfareReportSectionId: sectionId }
    if (report.status === 'decided') {
      await transitionReport(trx, { ...told, from: 'decided', to: 'in_welfare_report', via: 'welfare_report' })
    } else {
      await recordReportEvent(trx, { ...told, type: 'welfare_report_included' })
    }
  }
  await touchSection(trx, sectionId)
  return { ok: true, included, skipped }
}

function touchSection(trx: Transaction<Database>, sectionId: string) {
  return trx
    .updateTable('welfare_report_sections')
    .set({ updated_at: new Date() })
    .where('id', '=', sectionId)
    .execute()
}

/**
 * Takes phenomena and reports out of a section, with the reports a removed phenomenon brought along. A report
 * keeps its status: it has been in the welfare report, and its history says so.
 */
export async function removeFromSection(
  trx: Transaction<Database>,
  removal: SectionRef & { phenomenonIds: string[]; reportIds: string[] },
): Promise<{ ok: true } | { ok: false; reason: 'not_found' }> {
  if (!(await findSection(trx, removal).executeTakeFirst())) return { ok: false, reason: 'not_found' }
  if (removal.phenomenonIds.length > 0) {
    await trx
      .deleteFrom('welfare_section_phenomena')
      .where('section_id', '=', removal.sectionId)
      .where('phenomenon_id', 'in', removal.phenomenonIds)
      .execute()
  }
  if (removal.phenomenonIds.length > 0 || removal.reportIds.length > 0) {
    await trx
      .deleteFrom('welfare_section_reports')
      .where('section_id', '=', removal.sectionId)
      .where((eb) =>
        eb.or([
          ...(removal.reportIds.length > 0 ? [eb('report_id', 'in', removal.reportIds)] : []),
          ...(removal.phenomenonIds.length > 0 ? [eb('via_phenomenon_id', 'in', removal.phenomenonIds)] : []),
        ]),
      )
      .execute()
  }
  await touchSection(trx, removal.sectionId)
  return { ok: true }
}

/** What a coordinator may take into a section: every phenomenon, and the reports a committee has decided on. */
export async function listInclusionCandidates(db: AppDb, organisationId: string) {
  const [phenomena, reports] = await Promise.all([
    db
      .selectFrom('phenomena')
      .select((eb) => [
        'phenomena.id',
        'phenomena.title',
        eb
          .selectFrom('phenomenon_reports')
          .innerJoin('reports', 'reports.id', 'phenomenon_reports.report_id')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('phenomenon_reports.phenomenon_id', '=', 'phenomena.id')
          .where('reports.status', 'in', includableStatuses)
          .as('includable_reports'),
      ])
      .where('phenomena.organisation_id', '=', organisationId)
      .orderBy('phenomena.title')
      .execute(),
    db
      .selectFrom('reports')
      .select(['reports.id', 'reports.title', 'reports.status'])
      .where('reports.organisation_id', '=', organisationId)
      .where('reports.status', 'in', includableStatuses)
      .orderBy('reports.title')
      .orderBy('reports.id')
      .execute(),
  ])
  return {
    phenomena: phenomena.map((row) => ({
      id: row.id,
      title: row.title,
      includableReports: row.includable_reports ?? 0,
    })),
    reports,
  }
}

/** Which of the document's reports the viewer may open; the others are listed by title only. */
export async function listReadableReportIds(db: AppDb, viewer: Viewer, reportIds: string[]): Promise<string[]> {
  if (reportIds.length === 0) return []
  const rows = await db
    .selectFrom('reports')
    .select('reports.id')
    .where('reports.id', 'in', reportIds)
    .where(visibleTo(viewer))
    .execute()
  return rows.map((row) => row.id)
}

/** The sections that used the author's reports, so the reporter can read what became of them. */
export function listSectionsUsingReportsOf(db: AppDb, organisationId: string, authorId: string) {
  return db
    .selectFrom('welfare_section_reports')
    .innerJoin('reports', 'reports.id', 'welfare_section_reports.report_id')
    .innerJoin('welfare_report_sections as sections', 'sections.id', 'welfare_section_reports.section_id')
    .innerJoin('welfare_reports', 'welfare_reports.id', 'sections.welfare_report_id')
    .select([
      'welfare_reports.id as welfareReportId',
      'welfare_reports.title as welfareReportTitle',
      'sections.id as sectionId',
      'sections.title as sectionTitle',
      'reports.id as reportId',
      'reports.title as reportTitle',
    ])
    .where('reports.author_id', '=', authorId)
    .where('reports.organisation_id', '=', organisationId)
    .where('welfare_reports.organisation_id', '=', organisationId)
    .orderBy('welfare_reports.period_start', 'desc')
    .orderBy('sections.position')
    .orderBy('reports.title')
    .execute()
}

/** A stored category read back; one the form no longer offers counts as none rather than failing the page. */
function supportNeedOf(category: string | null): SupportNeed | null {
  return (supportNeeds as readonly (string | null)[]).includes(category) ? (category as SupportNeed) : null
}

function toAction(action: {
  description: string
  level: ActionLevel
  outcome: WelfareAction['outcome']
  outcomeReason: string | null
}): WelfareAction {
  return {
    description: action.description,
    level: action.level,
    outcome: action.outcome,
    outcomeReason: action.outcomeReason,
  }
}

/** Committee decisions recorded on agenda items that carried the given phenomena or reports, oldest first. */
async function listDecisions(
  db: AppDb,
  organisationId: string,
  owners: { phenomenonIds: string[]; reportIds: string[] },
): Promise<{ phenomena: Map<string, WelfareDecision[]>; reports: Map<string, WelfareDecision[]> }> {
  const decided = (table: 'agenda_item_phenomena' | 'agenda_item_reports') =>
    db
      .selectFrom(table)
      .innerJoin('agenda_items', 'agenda_items.id', `${table}.agenda_item_id`)
      .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
      .innerJoin('committees', 'committees.id', 'meetings.committee_id')
      .select([
        'committees.name as committee',
        sql<string>`to_char(meetings.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM-DD')`.as('meetingDate'),
        'agenda_items.decision',
        'agenda_items.decision_text as decisionText',
      ])
      .where('agenda_items.organisation_id', '=', organisationId)
      .where('agenda_items.decision', 'is not', null)
      .orderBy('meetings.starts_at')
      .orderBy('agenda_items.position')
  const [phenomenonRows, reportRows] = await Promise.all([
    owners.phenomenonIds.length === 0
      ? []
      : decided('agenda_item_phenomena')
          .select('agenda_item_phenomena.phenomenon_id as owner')
          .where('agenda_item_phenomena.phenomenon_id', 'in', owners.phenomenonIds)
          .execute(),
    owners.reportIds.length === 0
      ? []
      : decided('agenda_item_reports')
          .select('agenda_item_reports.report_id as owner')
          .where('agenda_item_reports.report_id', 'in', owners.reportIds)
          .execute(),
  ])
  const group = (rows: typeof phenomenonRows) => {
    const byOwner = new Map<string, WelfareDecision[]>()
    for (const row of rows) {
      const list = byOwner.get(row.owner) ?? []
      list.push({
        committee: row.committee,
        meetingDate: row.meetingDate,
        decision: row.decision!,
        decisionText: row.decisionText,
      })
      byOwner.set(row.owner, list)
    }
    return byOwner
  }
  return { phenomena: group(phenomenonRows), reports: group(reportRows) }
}

/**
 * The welfare report as one value: its whole-period figures, each section's figures (limited to the section's
 * category), the phenomena and reports it includes with their proposed actions and committee decisions. Every
 * count is suppressed with the organisation's threshold here, so the page, the exports and the API cannot show
 * a small count by accident. Null when the report is not the organisation's.
 */
export async function getWelfareReportDocument(
  db: AppDb,
  organisationId: string,
  welfareReportId: string,
): Promise<WelfareReportDocument | null> {
  const report = await db
    .selectFrom('welfare_reports')
    .innerJoin('organisations', 'organisations.id', 'welfare_reports.organisation_id')
    .select([
      'welfare_reports.id',
      'welfare_reports.title',
      'welfare_reports.period_start',
      'welfare_reports.period_end',
      'welfare_reports.introduction',
      'organisations.name as organisation_name',
      'organisations.small_count_threshold',
      lastChange().as('updated_at'),
    ])
    .where('welfare_reports.id', '=', welfareReportId)
    .where('welfare_reports.organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!report) return null
  const threshold = report.small_count_threshold
  const sections = await db
    .selectFrom('welfare_report_sections')
    .select(['id', 'position', 'title', 'category', 'body', 'updated_at'])
    .where('welfare_report_id', '=', welfareReportId)
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .execute()
  const sectionIds = sections.map((section) => section.id)
  const [phenomenonLinks, reportLinks] =
    sectionIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('welfare_section_phenomena')
            .innerJoin('phenomena', 'phenomena.id', 'welfare_section_phenomena.phenomenon_id')
            .select((eb) => [
              'welfare_section_phenomena.section_id',
              'phenomena.id',
              'phenomena.title',
              'phenomena.description',
              eb
                .selectFrom('phenomenon_reports')
                .select(sql<number>`count(*)::int`.as('count'))
                .whereRef('phenomenon_reports.phenomenon_id', '=', 'phenomena.id')
                .as('report_count'),
            ])
            .where('welfare_section_phenomena.section_id', 'in', sectionIds)
            .where('phenomena.organisation_id', '=', organisationId)
            .orderBy('phenomena.title')
            .execute(),
          db
            .selectFrom('welfare_section_reports')
            .innerJoin('reports', 'reports.id', 'welfare_section_reports.report_id')
            .select(['welfare_section_reports.section_id', 'reports.id', 'reports.title', 'reports.status'])
            .where('welfare_section_reports.section_id', 'in', sectionIds)
            .where('reports.organisation_id', '=', organisationId)
            .orderBy('reports.title')
            .orderBy('reports.id')
            .execute(),
        ])
  const phenomenonIds = [...new Set(phenomenonLinks.map((link) => link.id))]
  const reportIds = [...new Set(reportLinks.map((link) => link.id))]
  const period = { from: report.period_start, to: report.period_end, municipalityId: null }
  const figuresFor = async (category: SupportNeed | null) =>
    suppressStatistics(await computeReportStatistics(db, organisationId, { ...period, category }), threshold)
  // Each figure set is a pass over the period's reports: once per category, however many sections share it.
  const categories = [...new Set(sections.map((section) => supportNeedOf(section.category)))].filter(
    (category): category is SupportNeed => category !== null,
  )
  const [actions, decisions, figures, categoryFigures] = await Promise.all([
    listProposedActions(db, organisationId, { phenomenonIds, reportIds }),
    listDecisions(db, organisationId, { phenomenonIds, reportIds }),
    figuresFor(null),
    Promise.all(categories.map(async (category) => [category, await figuresFor(category)] as const)),
  ])
  const figuresOfCategory = new Map<SupportNeed | null, PublicStatistics>(categoryFigures)
  const actionsOf = (owner: { reportId?: string; phenomenonId?: string }) =>
    actions
      .filter((action) =>
        owner.reportId ? action.reportId === owner.reportId : action.phenomenonId === owner.phenomenonId,
      )
      .map(toAction)
  return {
    id: report.id,
    title: report.title,
    periodStart: report.period_start,
    periodEnd: report.period_end,
    introduction: report.introduction,
    organisationName: report.organisation_name,
    figures,
    sections: sections.map((section): WelfareSection => ({
      id: section.id,
      position: section.position,
      title: section.title,
      category: section.category,
      body: section.body,
      version: versionOf(section.updated_at),
      figures: figuresOfCategory.get(supportNeedOf(section.category)) ?? figures,
      phenomena: phenomenonLinks
        .filter((link) => link.section_id === section.id)
        .map((link): WelfarePhenomenon => ({
          id: link.id,
          title: link.title,
          description: link.description,
          reportCount: suppressCount(link.report_count ?? 0, threshold),
          actions: actionsOf({ phenomenonId: link.id }),
          decisions: decisions.phenomena.get(link.id) ?? [],
        })),
      reports: reportLinks
        .filter((link) => link.section_id === section.id)
        .map((link): WelfareReportEntry => ({
          id: link.id,
          title: link.title,
          status: link.status,
          actions: actionsOf({ reportId: link.id }),
          decisions: decisions.reports.get(link.id) ?? [],
        })),
    })),
    updatedAt: new Date(report.updated_at).toISOString(),
  }
}
