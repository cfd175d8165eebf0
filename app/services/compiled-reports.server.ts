import {
  type CompiledReportStage,
  type IndicatorRowError,
  isCompiledReportCoordinator,
  isEditableStage,
  nextStage,
  parseIndicatorCsv,
} from '#app/domain/compiled-reports.ts'
import { publishCount } from '#app/domain/disclosure-control.ts'
import { type PublicCount } from '#app/domain/statistics.ts'
import {
  countLinkedReports,
  findCompiledReport,
  insertCompiledReport,
  insertIndicatorRows,
  isWorkingGroupMember,
  listCompiledReportIndicators,
  listCompiledReportPhenomena,
  listCompiledReports as listCompiledReportsOf,
  listIndicatorSeries,
  listPhenomenaOfOrganisation,
  answerComment as answerCommentOf,
  findPublicCompiledReport,
  insertComment,
  isReviewer,
  listComments,
  listReviewerCandidates,
  listReviewers,
  publicReportsEnabled,
  replaceIndicators,
  replacePhenomena,
  replaceReviewers,
  setPublicReports,
  updateCompiledReportIfVersion,
} from '#app/models/compiled-report.server.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

export type CompiledReportActor = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

/** A change made from an older version: the report as it is now, so the page can say what changed. */
export type StaleCompiledReport = Refused<'stale', { currentStage: CompiledReportStage; currentVersion: number }>
export type CompiledReportResult<Payload extends object = object> = ServiceResult<
  Payload,
  CommonRefusal | StaleCompiledReport | Refused<'wrong_stage', { currentStage: CompiledReportStage }>
>

const notFound = { ok: false, reason: 'not_found' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const

/** Coordinators, and members of a working group, compile reports (ADR 037). */
export async function canCompileReports(actor: CompiledReportActor, db: AppDb = getDb()): Promise<boolean> {
  return isCompiledReportCoordinator(actor.roles) || (await isWorkingGroupMember(db, actor.organisation.id, actor.id))
}

/** Staff who compile see every stage; everyone else of the organisation sees published and sent reports. */
export async function listCompiledReports(actor: CompiledReportActor) {
  const db = getDb()
  const compiles = await canCompileReports(actor, db)
  const reports = await listCompiledReportsOf(db, actor.organisation.id, compiles ? undefined : ['published', 'sent'])
  return { reports, canCreate: compiles }
}

export interface CompiledFigures {
  threshold: number
  total: PublicCount
  clients: PublicCount
  bySector: { key: string; count: PublicCount }[]
  byTrend: { key: string; count: PublicCount }[]
  byMonth: { key: string; count: PublicCount }[]
  byQuarter: { key: string; count: PublicCount }[]
}

/**
 * The linked reports' figures as every other figure leaves the team: perturbed and suppressed below the
 * organisation's threshold (ADR 025). The client-count estimate is shown only when its cell's count may be.
 */
export async function compiledFigures(db: AppDb, organisationId: string, compiledReportId: string) {
  const [cells, threshold] = await Promise.all([
    countLinkedReports(db, organisationId, compiledReportId),
    getSmallCountThreshold(db, organisationId),
  ])
  const publish = (dimension: string) =>
    cells
      .filter((cell) => cell.dimension === dimension)
      .map((cell) => ({ key: cell.key, count: publishCount(cell.count, cell.cellKey, threshold) }))
  const total = cells.find((cell) => cell.dimension === 'total')
  const totalCount = total ? publishCount(total.count, total.cellKey, threshold) : 0
  return {
    threshold,
    total: totalCount,
    clients: total && totalCount !== null ? publishCount(total.clients, total.cellKey, threshold) : null,
    bySector: publish('sector'),
    byTrend: publish('trend'),
    byMonth: publish('month'),
    byQuarter: publish('quarter'),
  } satisfies CompiledFigures
}

/** Everything the report's page shows: the document, its figures, and for an editor what may be chosen. */
export async function getCompiledReportPage(actor: CompiledReportActor, compiledReportId: string) {
  const db = getDb()
  const [report, canEdit] = await Promise.all([
    findCompiledReport(db, actor.organisation.id, compiledReportId),
    canCompileReports(actor, db),
  ])
  if (!report || (!canEdit && report.stage !== 'published' && report.stage !== 'sent')) return null
  const [phenomena, indicators, figures, allPhenomena, allSeries, reviewers, comments, candidates, publicEnabled] =
    await Promise.all([
      listCompiledReportPhenomena(db, report.id),
      listCompiledReportIndicators(db, report.id),
      compiledFigures(db, actor.organisation.id, report.id),
      canEdit ? listPhenomenaOfOrganisation(db, actor.organisation.id) : [],
      canEdit ? listIndicatorSeries(db, actor.organisation.id) : [],
      listReviewers(db, report.id),
      listComments(db, report.id),
      canEdit ? listReviewerCandidates(db, actor.organisation.id) : [],
      publicReportsEnabled(db, actor.organisation.id),
    ])
  const reviews = reviewers.some((reviewer) => reviewer.id === actor.id)
  return {
    report,
    phenomena,
    indicators,
    figures,
    canEdit,
    allPhenomena,
    allSeries,
    reviewers,
    // Comments are the working group's: reviewers and compilers read them, readers of the published report do not.
    comments: canEdit || reviews ? comments : [],
    canComment: reviews && report.stage === 'comment_round',
    candidates,
    publicEnabled,
  }
}

async function guardTexts(db: AppDb, organisationId: string, texts: { title: string; narrative?: string }) {
  const findings = await scanTextsOfOrganisation(db, organisationId, texts)
  return findings.length > 0 ? ({ ok: false, reason: 'identifying_data', findings } as const) : null
}

export async function createCompiledReport(
  actor: CompiledReportActor,
  input: { title: string; phenomenonIds: string[] },
): Promise<CompiledReportResult<{ compiledReportId: string }>> {
  const db = getDb()
  if (!(await canCompileReports(actor, db))) return forbidden
  const refused = await guardTexts(db, actor.organisation.id, { title: input.title })
  if (refused) return refused
  const compiledReportId = await db
    .transaction()
    .execute((trx) =>
      insertCompiledReport(trx, { ...input, organisationId: actor.organisation.id, createdBy: actor.id }),
    )
  return { ok: true, compiledReportId }
}

/** The report as it is now, for a 409: its stage and version. */
async function staleOrMissing(db: AppDb, organisationId: string, id: string) {
  const current = await findCompiledReport(db, organisationId, id)
  return current
    ? ({ ok: false, reason: 'stale', currentStage: current.stage, currentVersion: current.version } as const)
    : notFound
}

/** Saves the title, the narrative (guarded) and the chosen phenomena and indicators, if nobody saved in between. */
export async function saveCompiledReport(
  actor: CompiledReportActor,
  input: {
    compiledReportId: string
    version: number
    title: string
    narrative: string
    phenomenonIds: string[]
    seriesIds: string[]
  },
): Promise<CompiledReportResult> {
  const db = getDb()
  if (!(await canCompileReports(actor, db))) return forbidden
  const refused = await guardTexts(db, actor.organisation.id, { title: input.title, narrative: input.narrative })
  if (refused) return refused
  const organisationId = actor.organisation.id
  return db.transaction().execute(async (trx) => {
    const current = await findCompiledReport(trx, organisationId, input.compiledReportId)
    if (!current) return notFound
    if (!isEditableStage(current.stage)) return { ok: false, reason: 'wrong_stage', currentStage: current.stage }
    const saved = await updateCompiledReportIfVersion(trx, organisationId, current.id, input.version, {
      title: input.title,
      narrative: input.narrative,
    })
    if (!saved) return staleOrMissing(trx, organisationId, current.id)
    await replacePhenomena(trx, organisationId, current.id, input.phenomenonIds)
    await replaceIndicators(trx, organisationId, current.id, input.seriesIds)
    return { ok: true }
  })
}

export type IndicatorImportResult = ServiceResult<
  { imported: number; series: { name: string; source: string; values: number }[] },
  Refused<'forbidden'> | Refused<'rows', { errors: IndicatorRowError[] }>
>

/**
 * Reads an indicator CSV file and, unless only previewing, stores it. Every row is checked first; any bad row
 * and nothing is stored, each problem named by its line.
 */
export async function importIndicators(
  actor: CompiledReportActor,
  input: { csv: string; preview: boolean },
): Promise<IndicatorImportResult> {
  const db = getDb()
  if (!(await canCompileReports(actor, db))) return forbidden
  const parsed = parseIndicatorCsv(input.csv)
  if (!parsed.ok) return { ok: false, reason: 'rows', errors: parsed.errors }
  const names = [...new Set(parsed.rows.map((row) => row.name))]
  const series = names.map((name) => {
    const rows = parsed.rows.filter((row) => row.name === name)
    return { name, source: rows[0]?.source ?? '', values: rows.length }
  })
  if (!input.preview) {
    await db
      .transaction()
      .execute((trx) =>
        insertIndicatorRows(trx, { organisationId: actor.organisation.id, importedBy: actor.id, rows: parsed.rows }),
      )
  }
  return { ok: true, imported: input.preview ? 0 : parsed.rows.length, series }
}

export async function getIndicatorsPage(actor: CompiledReportActor) {
  const db = getDb()
  if (!(await canCompileReports(actor, db))) return null
  return { series: await listIndicatorSeries(db, actor.organisation.id) }
}

/** The parts every reader sees, Markdown rendered and sanitised here on the server. */
export function documentOf(page: {
  report: { narrative: string }
  phenomena: { id: string; title: string; description: string; reportTitles: string[] | null }[]
  indicators: CompiledReportDocumentIndicators
  figures: CompiledFigures
}) {
  return {
    narrativeHtml: page.report.narrative.trim() ? renderMarkdown(page.report.narrative) : '',
    phenomena: page.phenomena.map(({ description, ...phenomenon }) => ({
      ...phenomenon,
      descriptionHtml: renderMarkdown(description),
    })),
    figures: page.figures,
    indicators: page.indicators,
  }
}

type CompiledReportDocumentIndicators = Awaited<ReturnType<typeof listCompiledReportIndicators>>

/**
 * Moves the report one stage on, if it is at `from` and still at the version the user saw: the one conditional
 * update every transition shares. `changes` are the transition's own columns (who approved, when published).
 */
async function moveStage(
  actor: CompiledReportActor,
  input: { compiledReportId: string; version: number },
  from: CompiledReportStage,
  changes: (now: Date) => Parameters<typeof updateCompiledReportIfVersion>[4],
  alsoInTransaction: (trx: AppDb) => Promise<void> = async () => {},
): Promise<CompiledReportResult> {
  const db = getDb()
  if (!(await canCompileReports(actor, db))) return forbidden
  const organisationId = actor.organisation.id
  return db.transaction().execute(async (trx) => {
    const current = await findCompiledReport(trx, organisationId, input.compiledReportId)
    if (!current) return notFound
    if (current.version !== input.version) return staleOrMissing(trx, organisationId, current.id)
    const to = nextStage(from)
    if (current.stage !== from || !to) return { ok: false, reason: 'wrong_stage', currentStage: current.stage }
    const moved = await updateCompiledReportIfVersion(trx, organisationId, current.id, input.version, {
      stage: to,
      ...changes(new Date()),
    })
    if (!moved) return staleOrMissing(trx, organisationId, current.id)
    await alsoInTransaction(trx)
    return { ok: true }
  })
}

/** Draft → comment round, with the chosen reviewers (any active user of the organisation). */
export async function startCommentRound(
  actor: CompiledReportActor,
  input: { compiledReportId: string; version: number; reviewerIds: string[] },
): Promise<CompiledReportResult> {
  if (input.reviewerIds.length === 0) {
    return { ok: false, reason: 'invalid', fieldErrors: { reviewerIds: 'compiled.validation.reviewers' } }
  }
  return moveStage(
    actor,
    input,
    'draft',
    () => ({}),
    (trx) => replaceReviewers(trx, actor.organisation.id, input.compiledReportId, input.reviewerIds),
  )
}

/** Comment round → approved: a coordinator's, recorded with who and when. */
export async function approveCompiledReport(
  actor: CompiledReportActor,
  input: { compiledReportId: string; version: number },
): Promise<CompiledReportResult> {
  if (!isCompiledReportCoordinator(actor.roles)) return forbidden
  return moveStage(actor, input, 'comment_round', (now) => ({ approved_by: actor.id, approved_at: now }))
}

/** Approved → published; only when the organisation has chosen to show compiled reports publicly. */
export async function publishCompiledReport(
  actor: CompiledReportActor,
  input: { compiledReportId: string; version: number },
): Promise<CompiledReportResult | Refused<'not_public'>> {
  if (!(await publicReportsEnabled(getDb(), actor.organisation.id))) return { ok: false, reason: 'not_public' }
  return moveStage(actor, input, 'approved', (now) => ({ published_at: now }))
}

/** Published → sent to its recipients. */
export async function markCompiledReportSent(
  actor: CompiledReportActor,
  input: { compiledReportId: string; version: number },
): Promise<CompiledReportResult> {
  return moveStage(actor, input, 'published', (now) => ({ sent_at: now }))
}

/** A reviewer's comment during the comment round, guarded as every text is. */
export async function commentOnCompiledReport(
  actor: CompiledReportActor,
  input: { compiledReportId: string; text: string },
): Promise<CompiledReportResult<{ commentId: string }>> {
  const db = getDb()
  const report = await findCompiledReport(db, actor.organisation.id, input.compiledReportId)
  if (!report) return notFound
  if (!(await isReviewer(db, report.id, actor.id))) return forbidden
  if (report.stage !== 'comment_round') return { ok: false, reason: 'wrong_stage', currentStage: report.stage }
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { text: input.text })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const commentId = await insertComment(db, { compiledReportId: report.id, authorId: actor.id, text: input.text })
  return { ok: true, commentId }
}

/** A compiler's answer to a comment, guarded; each comment is answered once. */
export async function answerCompiledReportComment(
  actor: CompiledReportActor,
  input: { compiledReportId: string; commentId: string; answer: string },
): Promise<CompiledReportResult> {
  const db = getDb()
  if (!(await canCompileReports(actor, db))) return forbidden
  const report = await findCompiledReport(db, actor.organisation.id, input.compiledReportId)
  if (!report) return notFound
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { answer: input.answer })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const answered = await answerCommentOf(db, { ...input, answeredBy: actor.id })
  return answered
    ? { ok: true }
    : { ok: false, reason: 'stale', currentStage: report.stage, currentVersion: report.version }
}

/** The public page: a published report of an organisation that shows them, its figures suppressed, no names. */
export async function getPublicCompiledReport(organisation: string, compiledReportId: string) {
  const db = getDb()
  const report = await findPublicCompiledReport(db, organisation, compiledReportId)
  if (!report) return null
  const [phenomena, indicators, figures] = await Promise.all([
    listCompiledReportPhenomena(db, report.id),
    listCompiledReportIndicators(db, report.id),
    compiledFigures(db, report.organisationId, report.id),
  ])
  return { report, document: documentOf({ report, phenomena, indicators, figures }) }
}

/** The admin's choice whether published compiled reports get a public page; the change is audited. */
export async function changePublicSocialReports(admin: CompiledReportActor, enabled: boolean): Promise<ServiceResult> {
  if (!canAdministerOrganisation(admin.roles)) return forbidden
  const organisationId = admin.organisation.id
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await publicReportsEnabled(trx, organisationId)
      if (before === enabled) return
      await setPublicReports(trx, organisationId, enabled)
      await recordAudit(trx, {
        organisationId,
        actorId: admin.id,
        action: 'settings.changed',
        target: { type: 'organisation', id: organisationId },
        details: { intent: 'publicSocialReports', changes: { publicSocialReports: { before, after: enabled } } },
      })
    })
  return { ok: true }
}
