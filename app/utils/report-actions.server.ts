import { scanFields, type FieldFinding } from '#app/domain/identifiability.ts'
import { canLinkToPhenomenon } from '#app/domain/phenomena.ts'
import { type ReportContent, reportTexts, SubmittableContentSchema } from '#app/domain/report-form.ts'
import { type Actor, canTransition, findTransition, type TransitionRequest } from '#app/domain/report-status.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { getIdentifyingNames, scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import {
  createPhenomenonForReport,
  linkReportToPhenomenon,
  unlinkReportFromPhenomenon,
} from '#app/models/phenomenon.server.ts'
import {
  contentOf,
  createDraft,
  findVisibleReportState,
  getReportForViewer,
  ReportConflictError,
  transitionReport,
  updateEditableReport,
} from '#app/models/report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type AppDb, getDb } from './db.server.ts'
import { type FieldErrors, fieldErrorsFrom } from './forms.ts'
import { type MessageKey } from './i18n.ts'

export type ReportActionResult =
  | { ok: true }
  | { ok: false; error: 'not_found' | 'forbidden' }
  | { ok: false; error: 'conflict'; currentStatus: ReportStatus }
  | { ok: false; error: 'invalid'; field: string; message: MessageKey }
  | { ok: false; error: 'identifying'; findings: FieldFinding[] }
  | { ok: false; error: 'incomplete'; fieldErrors: FieldErrors }

export function actorFor(user: CurrentUser, report: { author_id: string; team_id: string | null }): Actor {
  return {
    roles: user.roles,
    isAuthor: report.author_id === user.id,
    leadsReportTeam: user.teams.some((team) => team.id === report.team_id),
  }
}

export async function scanReportContent(db: AppDb, organisationId: string, content: ReportContent) {
  return scanTextsOfOrganisation(db, organisationId, reportTexts(content))
}

export type SavedDraft = { ok: true; reportId: string; findings: FieldFinding[] } | { ok: false; error: 'not_editable' }

/**
 * Saves the author's content: a new draft when reportId is null, otherwise the author's own draft or report
 * sent back for changes. Identifying data does not stop a save; it is stored so the draft is flagged.
 */
export async function saveReportContent(
  user: CurrentUser,
  reportId: string | null,
  content: ReportContent,
): Promise<SavedDraft> {
  const db = getDb()
  const findings = await scanReportContent(db, user.organisation.id, content)
  if (reportId === null) return { ok: true, reportId: await createDraft(db, user, content, findings), findings }
  const updated = await updateEditableReport(db, user, reportId, content, findings)
  return updated ? { ok: true, reportId, findings } : { ok: false, error: 'not_editable' }
}

/** A report reaches the team only complete and free of identifying data, whichever way it is submitted. */
async function checkSubmittable(
  db: AppDb,
  user: CurrentUser,
  reportId: string,
  identifyingNames: string[],
): Promise<ReportActionResult> {
  const report = await getReportForViewer(db, user, reportId)
  if (!report) return { ok: false, error: 'not_found' }
  const content = contentOf(report)
  const parsed = SubmittableContentSchema.safeParse(content)
  if (!parsed.success) return { ok: false, error: 'incomplete', fieldErrors: fieldErrorsFrom(parsed.error.issues) }
  const findings = scanFields(reportTexts(content), identifyingNames)
  return findings.length > 0 ? { ok: false, error: 'identifying', findings } : { ok: true }
}

class PhenomenonNotFoundError extends Error {}

/** The one way a report changes status, for pages and the API alike. */
export async function applyTransition(
  user: CurrentUser,
  reportId: string,
  request: TransitionRequest,
): Promise<ReportActionResult> {
  const db = getDb()
  const report = await findVisibleReportState(db, user, reportId)
  if (!report) return { ok: false, error: 'not_found' }
  if (report.status !== request.expectedStatus) return { ok: false, error: 'conflict', currentStatus: report.status }
  const rule = findTransition(request.expectedStatus, request.to)
  const actor = actorFor(user, report)
  if (!rule || !canTransition(actor, request.expectedStatus, request.to)) {
    return { ok: false, error: 'forbidden' }
  }
  if (rule.needs === 'comment' && !request.comment) {
    return { ok: false, error: 'invalid', field: 'comment', message: 'report.transition.commentRequired' }
  }
  if (rule.needs === 'resolution' && (!request.resolution || !request.comment)) {
    return { ok: false, error: 'invalid', field: 'resolution', message: 'report.transition.resolutionRequired' }
  }
  if (rule.needs === 'committee') {
    const committee = request.committeeId
      ? await db
          .selectFrom('committees')
          .select('id')
          .where('id', '=', request.committeeId)
          .where('organisation_id', '=', user.organisation.id)
          .executeTakeFirst()
      : undefined
    if (!committee)
      return { ok: false, error: 'invalid', field: 'committeeId', message: 'report.transition.committeeRequired' }
  }
  const { phenomenonId } = request
  if (phenomenonId && !canLinkToPhenomenon(actor, request.to)) return { ok: false, error: 'forbidden' }
  // Comments travel with the report to committees, so they pass the same guard as the report itself.
  const identifyingNames = await getIdentifyingNames(db, user.organisation.id)
  const findings = scanFields({ comment: request.comment }, identifyingNames)
  if (findings.length > 0) return { ok: false, error: 'identifying', findings }
  if (request.to === 'submitted') {
    const submittable = await checkSubmittable(db, user, reportId, identifyingNames)
    if (!submittable.ok) return submittable
  }
  try {
    await db.transaction().execute(async (trx) => {
      await transitionReport(trx, {
        reportId,
        organisationId: user.organisation.id,
        actorId: user.id,
        from: request.expectedStatus,
        to: request.to,
        comment: request.comment,
        resolution: rule.needs === 'resolution' ? request.resolution : null,
        committeeId: rule.needs === 'committee' ? request.committeeId : null,
      })
      if (!phenomenonId) return
      const link = { organisationId: user.organisation.id, reportId, actorId: user.id, phenomenonId }
      if ((await linkReportToPhenomenon(trx, link)) === 'not_found') throw new PhenomenonNotFoundError()
    })
  } catch (error) {
    if (error instanceof PhenomenonNotFoundError) {
      return { ok: false, error: 'invalid', field: 'phenomenonId', message: 'report.transition.phenomenonNotFound' }
    }
    if (!(error instanceof ReportConflictError)) throw error
    const current = await findVisibleReportState(db, user, reportId)
    return { ok: false, error: 'conflict', currentStatus: current?.status ?? report.status }
  }
  return { ok: true }
}

export type PhenomenonChange =
  { kind: 'link'; phenomenonId: string } | { kind: 'create'; title: string } | { kind: 'unlink'; phenomenonId: string }

export async function changePhenomenonLink(
  user: CurrentUser,
  reportId: string,
  change: PhenomenonChange,
): Promise<ReportActionResult> {
  const db = getDb()
  const report = await findVisibleReportState(db, user, reportId)
  if (!report) return { ok: false, error: 'not_found' }
  if (!canLinkToPhenomenon(actorFor(user, report), report.status)) return { ok: false, error: 'forbidden' }
  if (change.kind === 'create') {
    const findings = await scanTextsOfOrganisation(db, user.organisation.id, { phenomenonTitle: change.title })
    if (findings.length > 0) return { ok: false, error: 'identifying', findings }
  }
  const link = { organisationId: user.organisation.id, reportId, actorId: user.id }
  const changed = await db.transaction().execute(async (trx) => {
    switch (change.kind) {
      case 'create':
        await createPhenomenonForReport(trx, { ...link, title: change.title })
        return true
      case 'link':
        return (await linkReportToPhenomenon(trx, { ...link, phenomenonId: change.phenomenonId })) !== 'not_found'
      case 'unlink':
        return unlinkReportFromPhenomenon(trx, { ...link, phenomenonId: change.phenomenonId })
    }
  })
  return changed ? { ok: true } : { ok: false, error: 'not_found' }
}
