import { type CandidateSearch } from '#app/domain/candidate-search.ts'
import { type Transaction } from 'kysely'
import { type ReportStatus } from '#app/domain/report-status.ts'
import {
  canEditWelfareReports,
  isIncludable,
  type WelfareReportInput,
  type WelfareSectionInput,
} from '#app/domain/welfare-report-form.ts'
import { type Database } from '#app/models/database.ts'
import { listReadableFollowUpIds } from '#app/models/follow-through.server.ts'
import { deleteFromList, moveWithinList, placeAt, sectionsOf, type Move } from '#app/models/ordered-items.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import {
  addPhenomenonLinks,
  addReportLinks,
  deleteLinks,
  type LinkOwner,
  listOwnPhenomenonIds,
  listOwnReports,
  listReportLinks,
  listReportsOfPhenomena,
  makeReportLinkDirect,
} from '#app/models/report-links.server.ts'
import { recordReportEvent, ReportConflictError, transitionReport } from '#app/models/report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import {
  getWelfareReportDocument,
  insertWelfareReport,
  listReadableReportIds,
  listSectionsUsingReportsOf,
  listWelfareReports as listWelfareReportsOf,
  lockWelfareReport,
  touchWelfareReport,
  updateWelfareReportFields,
} from '#app/models/welfare-report.server.ts'
import {
  findSection,
  insertSection,
  listInclusionCandidates,
  listReportsToldOfSection,
  sectionHasEvents,
  touchSection,
  updateSectionIfVersion,
} from '#app/models/welfare-section.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

export type WelfareActor = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

export interface ExcludedReport {
  id: string
  title: string
  status: ReportStatus
}

export type WelfareResult<Payload extends object = object> = ServiceResult<Payload>
/** A section reporters have been told about stays: their report's history names it, and is never rewritten. */
export type DeleteSectionResult = ServiceResult<object, CommonRefusal | Refused<'in_use'>>
export type InclusionResult = ServiceResult<
  { included: number; skipped: ExcludedReport[] },
  /** Reports chosen directly that no committee has decided on yet; nothing was included. */
  CommonRefusal | Refused<'not_includable', { reports: ExcludedReport[] }>
>

const notFound = { ok: false, reason: 'not_found' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const
type SectionInput = { welfareReportId: string; sectionId: string }

export function listWelfareReports(actor: WelfareActor) {
  return listWelfareReportsOf(getDb(), actor.organisation.id)
}

/** A welfare report as its readers see it: any member of the organisation may read it, its counts suppressed. */
export function getWelfareReport(actor: WelfareActor, welfareReportId: string) {
  return getWelfareReportDocument(getDb(), actor.organisation.id, welfareReportId)
}

/** The sections that used the actor's own reports, so the reporter can read what became of them. */
export function listSectionsUsingMyReports(actor: WelfareActor) {
  return listSectionsUsingReportsOf(getDb(), actor.organisation.id, actor.id)
}

/** The document, which of its reports the viewer may open, and for an editor what may be taken into a section. */
export async function getWelfareReportPage(
  actor: Parameters<typeof listReadableReportIds>[1],
  welfareReportId: string,
  candidateSearch: CandidateSearch = { q: null, page: 1, for: '' },
) {
  const db = getDb()
  const document = await getWelfareReportDocument(db, actor.organisation.id, welfareReportId)
  if (!document) return null
  const canEdit = canEditWelfareReports(actor.roles)
  const reportIds = document.sections.flatMap((section) => section.reports.map((report) => report.id))
  const followUpIds = document.sections.flatMap((section) => [
    ...section.followUps,
    ...[...section.phenomena, ...section.reports].flatMap((entry) => entry.chain.followUps),
  ])
  const [readableReportIds, readableFollowUpIds, candidates] = await Promise.all([
    listReadableReportIds(db, actor, reportIds),
    listReadableFollowUpIds(
      db,
      actor,
      followUpIds.map((followUp) => followUp.id),
    ),
    canEdit ? listInclusionCandidates(db, actor.organisation.id, candidateSearch) : null,
  ])
  return { document, readableReportIds, readableFollowUpIds, canEdit, candidates }
}

/**
 * Everything a coordinator writes into the welfare report passes the guard a report passes (ADR 006): the report's
 * title and introduction, each section's title and body. The refusal naming what the guard found, or null.
 */
async function guardTexts(
  db: AppDb,
  actor: WelfareActor,
  input: { title: string } & ({ introduction: string } | { body: string }),
) {
  const texts =
    'body' in input
      ? { title: input.title, body: input.body }
      : { title: input.title, introduction: input.introduction }
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, texts)
  return findings.length > 0 ? ({ ok: false, reason: 'identifying_data', findings } as const) : null
}

export async function createWelfareReport(
  actor: WelfareActor,
  input: WelfareReportInput,
): Promise<WelfareResult<{ welfareReportId: string }>> {
  if (!canEditWelfareReports(actor.roles)) return forbidden
  const db = getDb()
  const refused = await guardTexts(db, actor, input)
  if (refused) return refused
  const welfareReportId = await insertWelfareReport(db, {
    ...input,
    organisationId: actor.organisation.id,
    createdBy: actor.id,
  })
  return { ok: true, welfareReportId }
}

export async function updateWelfareReport(
  actor: WelfareActor,
  input: WelfareReportInput & { welfareReportId: string },
): Promise<WelfareResult> {
  if (!canEditWelfareReports(actor.roles)) return forbidden
  const db = getDb()
  const refused = await guardTexts(db, actor, input)
  if (refused) return refused
  return (await updateWelfareReportFields(db, actor.organisation.id, input.welfareReportId, input))
    ? { ok: true }
    : notFound
}

/** Runs a change of the report's sections in the one transaction, after locking the welfare report. */
async function editSections<Result extends object>(
  actor: WelfareActor,
  welfareReportId: string,
  edit: (trx: Transaction<Database>) => Promise<Result>,
): Promise<Result | typeof notFound | typeof forbidden> {
  if (!canEditWelfareReports(actor.roles)) return forbidden
  return getDb()
    .transaction()
    .execute(async (trx) => {
      if (!(await lockWelfareReport(trx, actor.organisation.id, welfareReportId))) return notFound
      return edit(trx)
    })
}

/** Appends a section after the last one. */
export async function addSection(
  actor: WelfareActor,
  input: WelfareSectionInput & { welfareReportId: string },
): Promise<WelfareResult<{ sectionId: string }>> {
  const organisationId = actor.organisation.id
  const refused = await guardTexts(getDb(), actor, input)
  return editSections(actor, input.welfareReportId, async (trx): Promise<WelfareResult<{ sectionId: string }>> => {
    if (refused) return refused
    return { ok: true, sectionId: await insertSection(trx, { ...input, organisationId }) }
  })
}

/**
 * Undoes deleting a section that held only its texts: it is added again, with every check adding one runs, at the
 * place it held.
 */
export async function restoreSection(
  actor: WelfareActor,
  input: WelfareSectionInput & { welfareReportId: string; position: number },
): Promise<WelfareResult<{ sectionId: string }>> {
  const organisationId = actor.organisation.id
  const refused = await guardTexts(getDb(), actor, input)
  return editSections(actor, input.welfareReportId, async (trx): Promise<WelfareResult<{ sectionId: string }>> => {
    if (refused) return refused
    const sectionId = await insertSection(trx, { ...input, organisationId })
    const added = await findSection(trx, { welfareReportId: input.welfareReportId, sectionId, organisationId })
    if (added) await placeAt(trx, sectionsOf(input.welfareReportId), added, input.position)
    return { ok: true, sectionId }
  })
}

/** Replaces a section's title, category and Markdown body. */
export async function updateSection(
  actor: WelfareActor,
  input: WelfareSectionInput & SectionInput & { version: Date },
): Promise<WelfareResult> {
  if (!canEditWelfareReports(actor.roles)) return forbidden
  const db = getDb()
  const organisationId = actor.organisation.id
  if (!(await findSection(db, { ...input, organisationId }))) return notFound
  const refused = await guardTexts(db, actor, input)
  if (refused) return refused
  return (await updateSectionIfVersion(db, input.sectionId, input)) ? { ok: true } : { ok: false, reason: 'stale' }
}

/** Swaps the section with its neighbour above or below; at the edge nothing moves. */
export function moveSection(
  actor: WelfareActor,
  input: SectionInput & { direction: Move },
): Promise<WelfareResult<{ moved: boolean }>> {
  return editSections(actor, input.welfareReportId, async (trx): Promise<WelfareResult<{ moved: boolean }>> => {
    const section = await findSection(trx, { ...input, organisationId: actor.organisation.id })
    if (!section) return notFound
    return { ok: true, moved: await moveWithinList(trx, sectionsOf(input.welfareReportId), section, input.direction) }
  })
}

/** Deletes a section and closes the gap, unless reporters have been told about it. */
export function deleteSection(actor: WelfareActor, input: SectionInput): Promise<DeleteSectionResult> {
  return editSections(actor, input.welfareReportId, async (trx): Promise<DeleteSectionResult> => {
    const section = await findSection(trx, { ...input, organisationId: actor.organisation.id })
    if (!section) return notFound
    if (await sectionHasEvents(trx, section.id)) return { ok: false, reason: 'in_use' }
    await deleteFromList(trx, sectionsOf(input.welfareReportId), section)
    await touchWelfareReport(trx, input.welfareReportId)
    return { ok: true }
  })
}

/**
 * Takes phenomena and reports into a section. A decided report moves to the welfare report; one already there gets
 * an event of its own. Either way its reporter is told which section used it, once per section, ever. A phenomenon
 * brings its decided and included reports along; its other reports are skipped (returned in `skipped`), while a
 * report chosen directly in another status stops the whole inclusion. A report someone moved on meanwhile makes
 * the whole inclusion `stale`.
 */
export async function includeInSection(
  actor: WelfareActor,
  input: SectionInput & { phenomenonIds: string[]; reportIds: string[] },
): Promise<InclusionResult> {
  try {
    return await editSections(actor, input.welfareReportId, (trx) => include(trx, actor, input))
  } catch (error) {
    if (error instanceof ReportConflictError) return { ok: false, reason: 'stale' }
    throw error
  }
}

async function include(
  trx: Transaction<Database>,
  actor: WelfareActor,
  input: SectionInput & { phenomenonIds: string[]; reportIds: string[] },
): Promise<InclusionResult> {
  const organisationId = actor.organisation.id
  const { sectionId } = input
  if (!(await findSection(trx, { ...input, organisationId }))) return notFound
  const phenomenonIds = [...new Set(input.phenomenonIds)]
  const reportIds = [...new Set(input.reportIds)]
  const phenomena = await listOwnPhenomenonIds(trx, organisationId, phenomenonIds)
  const direct = await listOwnReports(trx, organisationId, reportIds)
  if (phenomena.length !== phenomenonIds.length || direct.length !== reportIds.length) return notFound
  const notIncludable = direct.filter((report) => !isIncludable(report.status))
  if (notIncludable.length > 0) return { ok: false, reason: 'not_includable', reports: notIncludable }

  const owner: LinkOwner = { kind: 'welfare_section', id: sectionId }
  const viaPhenomena = await listReportsOfPhenomena(trx, organisationId, phenomenonIds)
  await addPhenomenonLinks(trx, owner, phenomenonIds)

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
  const existing = await listReportLinks(trx, owner)
  // Told once per section, even if the report was taken out and put back in the meantime.
  const alreadyTold = await listReportsToldOfSection(trx, sectionId, [...chosen.keys()])
  let included = 0
  for (const report of chosen.values()) {
    if (existing.has(report.id)) {
      if (report.via === null && existing.get(report.id) !== null) await makeReportLinkDirect(trx, owner, report.id)
      continue
    }
    await addReportLinks(trx, owner, [{ reportId: report.id, via: report.via }])
    included++
    if (alreadyTold.has(report.id)) continue
    const told = { reportId: report.id, organisationId, actorId: actor.id, welfareReportSectionId: sectionId }
    if (report.status === 'decided') {
      await transitionReport(trx, { ...told, from: 'decided', to: 'in_welfare_report', via: 'welfare_report' })
    } else {
      await recordReportEvent(trx, { ...told, type: 'welfare_report_included' })
    }
  }
  await touchSection(trx, sectionId)
  return { ok: true, included, skipped }
}

/**
 * Takes phenomena and reports out of a section, with the reports a removed phenomenon brought along. A report
 * keeps its status: it has been in the welfare report, and its history says so.
 */
export async function removeFromSection(
  actor: WelfareActor,
  input: SectionInput & { phenomenonIds: string[]; reportIds: string[] },
): Promise<WelfareResult> {
  if (!canEditWelfareReports(actor.roles)) return forbidden
  return getDb()
    .transaction()
    .execute(async (trx): Promise<WelfareResult> => {
      if (!(await findSection(trx, { ...input, organisationId: actor.organisation.id }))) return notFound
      await deleteLinks(trx, { kind: 'welfare_section', id: input.sectionId }, input)
      await touchSection(trx, input.sectionId)
      return { ok: true }
    })
}
