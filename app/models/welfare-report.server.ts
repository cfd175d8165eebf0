import { sql, type Transaction } from 'kysely'
import { type ActionLevel, type SupportNeed, supportNeeds } from '#app/domain/report-fields.ts'
import {
  type PublicStatistics,
  suppressCount,
  suppressFollowUpCounts,
  suppressStatistics,
} from '#app/domain/statistics.ts'
import {
  countFollowUps,
  type WelfareAction,
  type WelfareDecision,
  type WelfarePhenomenon,
  type WelfareReportDocument,
  type WelfareReportEntry,
  type WelfareSection,
} from '#app/domain/welfare-report.ts'
import { type WelfareReportInput } from '#app/domain/welfare-report-form.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { listChains, listFollowUpsOfPeriod } from './follow-through.server.ts'
import { listMunicipalities } from './organisation.server.ts'
import { listProposedActions } from './proposed-action.server.ts'
import { type Viewer, visibleTo } from './report.server.ts'
import { getReportStatistics } from './statistics.server.ts'
import { versionOf } from './edit-version.server.ts'

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

export async function insertWelfareReport(
  db: AppDb,
  report: WelfareReportInput & { organisationId: string; createdBy: string },
): Promise<string> {
  const created = await db
    .insertInto('welfare_reports')
    .values({
      organisation_id: report.organisationId,
      title: report.title,
      period_start: report.periodStart,
      period_end: report.periodEnd,
      introduction: report.introduction,
      created_by: report.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return created.id
}

/** Saves the report's own fields; false when the organisation has no such report. */
export async function updateWelfareReportFields(
  db: AppDb,
  organisationId: string,
  welfareReportId: string,
  input: WelfareReportInput,
): Promise<boolean> {
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
  return updated !== undefined
}

/** Locks the welfare report row so that sections added, moved or deleted at the same time take positions in turn. */
export function lockWelfareReport(trx: Transaction<Database>, organisationId: string, welfareReportId: string) {
  return trx
    .selectFrom('welfare_reports')
    .select('id')
    .where('id', '=', welfareReportId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst()
}

export async function touchWelfareReport(trx: Transaction<Database>, welfareReportId: string) {
  await trx.updateTable('welfare_reports').set({ updated_at: new Date() }).where('id', '=', welfareReportId).execute()
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
      'organisations.name_sv as organisation_name_sv',
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
    .select(['id', 'position', 'kind', 'title', 'category', 'body', 'updated_at'])
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
    suppressStatistics(await getReportStatistics(db, organisationId, { ...period, category }), threshold)
  // Each figure set is a pass over the period's reports: once per category, however many sections share it.
  const categories = [...new Set(sections.map((section) => supportNeedOf(section.category)))].filter(
    (category): category is SupportNeed => category !== null,
  )
  const [actions, decisions, figures, categoryFigures, chains, periodFollowUps, places] = await Promise.all([
    listProposedActions(db, organisationId, { phenomenonIds, reportIds }),
    listDecisions(db, organisationId, { phenomenonIds, reportIds }),
    figuresFor(null),
    Promise.all(categories.map(async (category) => [category, await figuresFor(category)] as const)),
    listChains(db, organisationId, { phenomenonIds, reportIds }),
    listFollowUpsOfPeriod(db, organisationId, period),
    listMunicipalities(db, organisationId),
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
    organisationNameSv: report.organisation_name_sv,
    places,
    figures,
    followUpFigures: suppressFollowUpCounts(countFollowUps(periodFollowUps), threshold),
    sections: sections.map((section): WelfareSection => ({
      id: section.id,
      position: section.position,
      kind: section.kind,
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
          chain: chains.phenomena.get(link.id)!,
        })),
      reports: reportLinks
        .filter((link) => link.section_id === section.id)
        .map((link): WelfareReportEntry => ({
          id: link.id,
          title: link.title,
          status: link.status,
          actions: actionsOf({ reportId: link.id }),
          decisions: decisions.reports.get(link.id) ?? [],
          chain: chains.reports.get(link.id)!,
        })),
      followUps: section.kind === 'what_was_done' ? periodFollowUps : [],
    })),
    updatedAt: new Date(report.updated_at).toISOString(),
  }
}
