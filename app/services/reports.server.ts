import { canSetClosingFollowUp, followUpToday, isTargetBeforeDecision, noResponsible } from '#app/domain/follow-ups.ts'
import { scanFields, type FieldFinding } from '#app/domain/identifiability.ts'
import { canLinkToPhenomenon } from '#app/domain/phenomena.ts'
import { type ReportContent, reportTexts, SubmittableContentSchema } from '#app/domain/report-form.ts'
import {
  type Actor,
  canTransition,
  findTransition,
  type ReportStatus,
  type TransitionRequest,
} from '#app/domain/report-status.ts'
import { isReportAuthor } from '#app/domain/team-reports.ts'
import { committeeExists } from '#app/models/committee.server.ts'
import { createFollowUp } from '#app/models/follow-up.server.ts'
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
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { type FieldErrors, fieldErrorsFrom } from '#app/utils/forms.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

/**
 * Why a report use case says no: the common words, with `stale` always naming the status the report is in now,
 * and the report's own `incomplete` (a submission missing required fields). Saving content has its own
 * `not_editable` (SavedReport).
 */
export type ReportRefusal =
  | Exclude<CommonRefusal, { reason: 'stale' }>
  | Refused<'stale', { currentStatus: ReportStatus }>
  | Refused<'incomplete', { fieldErrors: FieldErrors }>

export type ReportResult<Payload extends object = object> = ServiceResult<Payload, ReportRefusal>

export function actorFor(
  user: CurrentUser,
  report: { author_id: string; co_author_ids: readonly string[]; team_id: string | null },
): Actor {
  return {
    roles: user.roles,
    isAuthor: isReportAuthor(user.id, report),
    leadsReportTeam: user.teams.some((team) => team.id === report.team_id),
  }
}

function scanReportContent(db: AppDb, organisationId: string, content: ReportContent) {
  return scanTextsOfOrganisation(db, organisationId, reportTexts(content))
}

export type SavedReport = ServiceResult<
  { reportId: string },
  Refused<'not_editable'> | Refused<'identifying_data', { findings: FieldFinding[] }>
>

/**
 * Saves the author's content: a new draft when reportId is null, otherwise the author's own draft or report
 * sent back for changes. Content with identifying data is never stored, not even as a draft, so it is refused
 * with the findings and the author keeps the text on their side to fix.
 */
export async function saveReportContent(
  user: CurrentUser,
  input: { reportId: string | null; content: ReportContent },
): Promise<SavedReport> {
  const db = getDb()
  const { reportId, content } = input
  const findings = await scanReportContent(db, user.organisation.id, content)
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  if (reportId === null) {
    const createdId = await db.transaction().execute((trx) => createDraft(trx, user, content))
    return { ok: true, reportId: createdId }
  }
  const updated = await db.transaction().execute((trx) => updateEditableReport(trx, user, reportId, content))
  return updated ? { ok: true, reportId } : { ok: false, reason: 'not_editable' }
}

/** A report reaches the team only complete and free of identifying data, whichever way it is submitted. */
async function checkSubmittable(
  db: AppDb,
  user: CurrentUser,
  reportId: string,
  identifyingNames: string[],
): Promise<ReportResult> {
  const report = await getReportForViewer(db, user, reportId)
  if (!report) return { ok: false, reason: 'not_found' }
  const content = contentOf(report)
  const parsed = SubmittableContentSchema.safeParse(content)
  if (!parsed.success) return { ok: false, reason: 'incomplete', fieldErrors: fieldErrorsFrom(parsed.error.issues) }
  const findings = scanFields(reportTexts(content), identifyingNames)
  return findings.length > 0 ? { ok: false, reason: 'identifying_data', findings } : { ok: true }
}

class PhenomenonNotFoundError extends Error {}

/** The one way a report changes status, for pages and the API alike. */
export async function applyTransition(
  user: CurrentUser,
  input: { reportId: string } & TransitionRequest & {
      /** A team lead closing their team's report records an action the team takes itself, followed up until done. */
      closingFollowUp?: { title: string; targetDate: string } | null
    },
): Promise<ReportResult> {
  const db = getDb()
  const { reportId, closingFollowUp = null, ...request } = input
  const report = await findVisibleReportState(db, user, reportId)
  if (!report) return { ok: false, reason: 'not_found' }
  if (report.status !== request.expectedStatus) return { ok: false, reason: 'stale', currentStatus: report.status }
  const rule = findTransition(request.expectedStatus, request.to)
  const actor = actorFor(user, report)
  if (!rule || !canTransition(actor, request.expectedStatus, request.to)) {
    return { ok: false, reason: 'forbidden' }
  }
  if (rule.needs === 'comment' && !request.comment) {
    return { ok: false, reason: 'invalid', fieldErrors: { comment: 'report.transition.commentRequired' } }
  }
  if (rule.needs === 'resolution' && (!request.resolution || !request.comment)) {
    return { ok: false, reason: 'invalid', fieldErrors: { resolution: 'report.transition.resolutionRequired' } }
  }
  if (rule.needs === 'committee') {
    const found = request.committeeId ? await committeeExists(db, user.organisation.id, request.committeeId) : false
    if (!found)
      return { ok: false, reason: 'invalid', fieldErrors: { committeeId: 'report.transition.committeeRequired' } }
  }
  const { phenomenonId } = request
  if (phenomenonId && !canLinkToPhenomenon(actor, request.to)) return { ok: false, reason: 'forbidden' }
  const today = followUpToday()
  if (closingFollowUp) {
    if (request.to !== 'closed' || !canSetClosingFollowUp(actor, { status: report.status, teamId: report.team_id })) {
      return { ok: false, reason: 'forbidden' }
    }
    if (isTargetBeforeDecision(closingFollowUp.targetDate, today)) {
      return { ok: false, reason: 'invalid', fieldErrors: { followUpTargetDate: 'followUps.validation.targetInPast' } }
    }
  }
  // Comments travel with the report to committees, so they pass the same guard as the report itself.
  const identifyingNames = await getIdentifyingNames(db, user.organisation.id)
  const findings = scanFields({ comment: request.comment, followUpTitle: closingFollowUp?.title }, identifyingNames)
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
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
      if (closingFollowUp) {
        await createFollowUp(trx, {
          organisationId: user.organisation.id,
          title: closingFollowUp.title,
          responsible: { ...noResponsible, teamId: report.team_id },
          decidedOn: today,
          targetDate: closingFollowUp.targetDate,
          createdBy: user.id,
          reportIds: [reportId],
        })
      }
      if (!phenomenonId) return
      const link = { organisationId: user.organisation.id, reportId, actorId: user.id, phenomenonId }
      if ((await linkReportToPhenomenon(trx, link)) === 'not_found') throw new PhenomenonNotFoundError()
    })
  } catch (error) {
    if (error instanceof PhenomenonNotFoundError) {
      return { ok: false, reason: 'invalid', fieldErrors: { phenomenonId: 'report.transition.phenomenonNotFound' } }
    }
    if (!(error instanceof ReportConflictError)) throw error
    const current = await findVisibleReportState(db, user, reportId)
    return { ok: false, reason: 'stale', currentStatus: current?.status ?? report.status }
  }
  return { ok: true }
}

/** Submits the author's saved report from whatever status it is in now; the transition rules decide. */
export async function submitReport(user: CurrentUser, input: { reportId: string }): Promise<ReportResult> {
  const report = await findVisibleReportState(getDb(), user, input.reportId)
  if (!report) return { ok: false, reason: 'not_found' }
  return applyTransition(user, {
    reportId: input.reportId,
    to: 'submitted',
    expectedStatus: report.status,
    comment: '',
    resolution: null,
    committeeId: null,
    phenomenonId: null,
  })
}

export type PhenomenonChange =
  { kind: 'link'; phenomenonId: string } | { kind: 'create'; title: string } | { kind: 'unlink'; phenomenonId: string }

export async function changePhenomenonLink(
  user: CurrentUser,
  input: { reportId: string } & PhenomenonChange,
): Promise<ReportResult> {
  const db = getDb()
  const { reportId } = input
  const report = await findVisibleReportState(db, user, reportId)
  if (!report) return { ok: false, reason: 'not_found' }
  if (!canLinkToPhenomenon(actorFor(user, report), report.status)) return { ok: false, reason: 'forbidden' }
  if (input.kind === 'create') {
    const findings = await scanTextsOfOrganisation(db, user.organisation.id, { phenomenonTitle: input.title })
    if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  }
  const link = { organisationId: user.organisation.id, reportId, actorId: user.id }
  const changed = await db.transaction().execute(async (trx) => {
    switch (input.kind) {
      case 'create':
        await createPhenomenonForReport(trx, { ...link, title: input.title })
        return true
      case 'link':
        return (await linkReportToPhenomenon(trx, { ...link, phenomenonId: input.phenomenonId })) !== 'not_found'
      case 'unlink':
        return unlinkReportFromPhenomenon(trx, { ...link, phenomenonId: input.phenomenonId })
    }
  })
  return changed ? { ok: true } : { ok: false, reason: 'not_found' }
}
