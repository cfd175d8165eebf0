import { sql, type Transaction } from 'kysely'
import { type CandidateSearch, candidatePageSize, containsPattern } from '#app/domain/candidate-search.ts'
import { includableStatuses, type WelfareSectionInput } from '#app/domain/welfare-report-form.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { pageOf, pageWindow } from '#app/utils/paging.ts'
import { type Database } from './database.ts'
import { isVersion } from './edit-version.server.ts'
import { nextPosition, sectionsOf } from './ordered-items.server.ts'
import { phenomenonReportsIn } from './report-links.server.ts'

/** Which section of which welfare report: both must match, and both belong to the organisation. */
export interface SectionRef {
  organisationId: string
  welfareReportId: string
  sectionId: string
}

export function findSection(db: AppDb, ref: SectionRef) {
  return db
    .selectFrom('welfare_report_sections')
    .select(['id', 'welfare_report_id', 'position', 'title'])
    .where('id', '=', ref.sectionId)
    .where('welfare_report_id', '=', ref.welfareReportId)
    .where('organisation_id', '=', ref.organisationId)
    .executeTakeFirst()
}

/** Appends a section after the last one; the welfare report must be locked (`lockWelfareReport`). */
export async function insertSection(
  trx: Transaction<Database>,
  section: WelfareSectionInput & { organisationId: string; welfareReportId: string },
): Promise<string> {
  const row = await trx
    .insertInto('welfare_report_sections')
    .values({
      organisation_id: section.organisationId,
      welfare_report_id: section.welfareReportId,
      position: nextPosition(sectionsOf(section.welfareReportId)),
      kind: section.kind,
      title: section.title,
      category: section.category,
      body: section.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Replaces a section's title, category and Markdown body unless someone saved a newer version; false if so. */
export async function updateSectionIfVersion(
  db: AppDb,
  sectionId: string,
  input: WelfareSectionInput & { version: Date },
): Promise<boolean> {
  const updated = await db
    .updateTable('welfare_report_sections')
    .set({ title: input.title, category: input.category, body: input.body, updated_at: new Date() })
    .where('id', '=', sectionId)
    .where(isVersion(input.version))
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

export async function touchSection(trx: Transaction<Database>, sectionId: string) {
  await trx.updateTable('welfare_report_sections').set({ updated_at: new Date() }).where('id', '=', sectionId).execute()
}

/** Whether any reporter has been told about this section: their report's history names it. */
export async function sectionHasEvents(trx: Transaction<Database>, sectionId: string): Promise<boolean> {
  const told = await trx
    .selectFrom('report_events')
    .select('id')
    .where('welfare_report_section_id', '=', sectionId)
    .limit(1)
    .executeTakeFirst()
  return told !== undefined
}

/** Those of the reports whose reporters have been told about this section already. */
export async function listReportsToldOfSection(trx: Transaction<Database>, sectionId: string, reportIds: string[]) {
  if (reportIds.length === 0) return new Set<string>()
  const events = await trx
    .selectFrom('report_events')
    .select('report_id')
    .where('welfare_report_section_id', '=', sectionId)
    .where('report_id', 'in', reportIds)
    .execute()
  return new Set(events.map((event) => event.report_id))
}

/**
 * What a coordinator may take into a section, one page of each whose title contains the words searched for: the
 * organisation's phenomena, and the reports a committee has decided on, and whether either list goes on to another
 * page.
 */
export async function listInclusionCandidates(db: AppDb, organisationId: string, search: CandidateSearch) {
  const window = pageWindow(search.page, candidatePageSize)
  const titled = search.q === null ? null : containsPattern(search.q)
  const [phenomena, reports] = await Promise.all([
    db
      .selectFrom('phenomena')
      .select((eb) => [
        'phenomena.id',
        'phenomena.title',
        phenomenonReportsIn(eb, includableStatuses)
          .select(sql<number>`count(*)::int`.as('count'))
          .as('includable_reports'),
      ])
      .where('phenomena.organisation_id', '=', organisationId)
      .$if(titled !== null, (qb) => qb.where('phenomena.title', 'ilike', titled!))
      .orderBy('phenomena.title')
      .orderBy('phenomena.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('reports')
      .select(['reports.id', 'reports.title', 'reports.status'])
      .where('reports.organisation_id', '=', organisationId)
      .where('reports.status', 'in', includableStatuses)
      .$if(titled !== null, (qb) => qb.where('reports.title', 'ilike', titled!))
      .orderBy('reports.title')
      .orderBy('reports.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
  ])
  return {
    phenomena: pageOf(phenomena, candidatePageSize).rows.map((row) => ({
      id: row.id,
      title: row.title,
      includableReports: row.includable_reports ?? 0,
    })),
    reports: pageOf(reports, candidatePageSize).rows,
    hasNext: phenomena.length > candidatePageSize || reports.length > candidatePageSize,
  }
}
