import { type z } from 'zod'
import { presentReportEvent, type StoredReportEvent } from '#app/domain/report-events.ts'
import { type PublicCountRow, type PublicStatistics, shownCount } from '#app/domain/statistics.ts'
import { type WelfareAction, type WelfareDecision, type WelfareReportDocument } from '#app/domain/welfare-report.ts'
import { type listNotifications } from '#app/models/notification.server.ts'
import { readerEvidence, workerEvidence } from '#app/domain/shared-picture.ts'
import { type listPhenomena } from '#app/models/phenomenon.server.ts'
import { type WelfareReportSummary } from '#app/models/welfare-report.server.ts'
import { contentOf, getReportForViewer, type listVisibleReports } from '#app/models/report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import {
  type ApiEventSchema,
  type ApiFiguresSchema,
  type ApiMeSchema,
  type ApiNotificationSchema,
  type ApiPhenomenonSchema,
  type ApiReportSchema,
  type ApiReportSummarySchema,
  type ApiStatisticsGroupSchema,
  type ApiStatisticsQuerySchema,
  type ApiStatisticsSchema,
  type ApiStatisticsTotalsSchema,
  type ApiWelfareReportSchema,
  type ApiWelfareReportSummarySchema,
} from './api-schemas.ts'
import { ApiProblem } from './api.server.ts'
import { getDb } from './db.server.ts'

/** Turns stored rows into the documented API shapes; the return types tie each one to its schema. */

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number]

const iso = (value: Date | string) => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value))

export async function requireReportResource(user: CurrentUser, reportId: string) {
  const report = await getReportForViewer(getDb(), user, reportId)
  if (!report) throw new ApiProblem('not_found')
  return report
}

export function reportResource(
  report: Awaited<ReturnType<typeof requireReportResource>>,
): z.input<typeof ApiReportSchema> {
  return {
    ...contentOf(report),
    id: report.id,
    status: report.status,
    author: { id: report.author_id, name: report.author_name },
    coAuthors: report.coAuthors,
    team: report.team_id && report.team_name ? { id: report.team_id, name: report.team_name } : null,
    municipalityName: report.municipality_name,
    committee:
      report.committee_id && report.committee_name ? { id: report.committee_id, name: report.committee_name } : null,
    phenomena: report.phenomena,
    identifyingDataFindings: report.identifiability_findings.map(({ field, kind, fragment }) => ({
      field,
      kind,
      fragment,
    })),
    createdAt: iso(report.created_at),
    updatedAt: iso(report.updated_at),
    submittedAt: isoOrNull(report.submitted_at),
  }
}

export function reportSummaryResource(report: Row<typeof listVisibleReports>): z.input<typeof ApiReportSummarySchema> {
  return {
    id: report.id,
    title: report.title,
    status: report.status,
    positive: report.positive,
    municipality: report.municipality,
    team: report.team,
    createdAt: iso(report.created_at),
    submittedAt: isoOrNull(report.submitted_at),
  }
}

export function eventResource(stored: StoredReportEvent): z.input<typeof ApiEventSchema> {
  // API clients choose their language: names go out as stored, with the Swedish form beside them.
  const event = presentReportEvent(stored, 'fi')
  return {
    id: event.id,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    comment: event.comment,
    resolution: event.resolution,
    actor: { name: event.actorName },
    committee: stored.committee_name,
    committeeSv: stored.committee_name_sv,
    phenomenon: event.phenomenon,
    createdAt: event.at,
    decision: event.decision,
    actionOutcome: event.action && { action: event.action.description, outcome: event.action.outcome },
    welfareSection: event.welfareReport && {
      id: event.welfareReport.sectionId,
      title: event.welfareReport.section,
      welfareReport: { id: event.welfareReport.id, title: event.welfareReport.title },
    },
    recipient: stored.recipient_name,
    recipientSv: stored.recipient_name_sv,
    followUp: event.followUp && {
      id: event.followUp.id,
      title: event.followUp.title,
      targetDate: event.followUp.targetDate,
      status: event.followUp.status,
      progress: event.followUp.progress,
    },
  }
}

/** One of the caller's notifications, with the event it tells of in the same shape as a report's history. */
export function notificationResource(
  notification: Row<typeof listNotifications>,
): z.input<typeof ApiNotificationSchema> {
  return {
    id: notification.id,
    reason: notification.reason,
    read: notification.read_at !== null,
    readAt: isoOrNull(notification.read_at),
    report: { id: notification.report_id, title: notification.report_title, status: notification.report_status },
    event: eventResource({ ...notification, id: notification.event_id }),
  }
}

/** A phenomenon with its evidence as the caller may see it (shared-picture.ts: counted, or the worker's view). */
export function phenomenonResource(
  phenomenon: Row<typeof listPhenomena>,
  threshold: number | null,
): z.input<typeof ApiPhenomenonSchema> {
  const evidence = threshold === null ? readerEvidence(phenomenon) : workerEvidence(phenomenon, threshold)
  return {
    id: phenomenon.id,
    title: phenomenon.title,
    description: phenomenon.description,
    reportCount: evidence.report_count,
    teamCount: evidence.team_count,
    municipalityCount: evidence.municipality_count,
    observationCount: evidence.observation_count,
    firstObserved: threshold === null ? phenomenon.first_observed : null,
    latestReport: threshold === null ? isoOrNull(phenomenon.latest_report) : null,
    createdAt: iso(phenomenon.created_at),
  }
}

export function meResource(user: CurrentUser): z.input<typeof ApiMeSchema> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    organisation: user.organisation,
    roles: user.roles,
    teams: user.teams,
  }
}

function totalsResource(figures: PublicStatistics): z.input<typeof ApiStatisticsTotalsSchema> {
  return {
    total: shownCount(figures.total),
    positive: shownCount(figures.positive),
    negative: shownCount(figures.negative),
    withFeedback: shownCount(figures.withFeedback),
    feedbackShare: figures.feedbackShare,
    medianDaysToFeedback: figures.medianDaysToFeedback,
  }
}

function groupResource(row: PublicCountRow): z.input<typeof ApiStatisticsGroupSchema> {
  const count = shownCount(row.count)
  return { key: row.key, count, suppressed: count === null }
}

/** The figures must already be suppressed (suppressStatistics): this mapping never sees a raw count. */
export function statisticsResource(
  query: z.output<typeof ApiStatisticsQuerySchema>,
  figures: PublicStatistics,
): z.input<typeof ApiStatisticsSchema> {
  return {
    period: { from: query.from, to: query.to },
    category: query.category,
    municipalityId: query.municipalityId,
    threshold: figures.threshold,
    groupBy: query.groupBy,
    totals: totalsResource(figures),
    groups: figures.byDimension[query.groupBy].map(groupResource),
  }
}

function figuresResource(figures: PublicStatistics): z.input<typeof ApiFiguresSchema> {
  const byDimension = (dimension: keyof PublicStatistics['byDimension']) =>
    figures.byDimension[dimension].map(groupResource)
  return {
    threshold: figures.threshold,
    totals: totalsResource(figures),
    byDimension: {
      category: byDimension('category'),
      clientGroup: byDimension('clientGroup'),
      ageBand: byDimension('ageBand'),
      gender: byDimension('gender'),
      municipality: byDimension('municipality'),
      quarter: byDimension('quarter'),
    },
  }
}

export function welfareReportSummaryResource(
  welfareReport: WelfareReportSummary,
): z.input<typeof ApiWelfareReportSummarySchema> {
  return {
    id: welfareReport.id,
    title: welfareReport.title,
    periodStart: welfareReport.periodStart,
    periodEnd: welfareReport.periodEnd,
    sectionCount: welfareReport.sectionCount,
    updatedAt: iso(welfareReport.updatedAt),
  }
}

function welfareActionResource(action: WelfareAction) {
  return {
    description: action.description,
    level: action.level,
    outcome: action.outcome,
    outcomeReason: action.outcomeReason,
  }
}

function welfareDecisionResource(decision: WelfareDecision) {
  return {
    committee: decision.committee,
    meetingDate: decision.meetingDate,
    decision: decision.decision,
    decisionText: decision.decisionText,
  }
}

export function welfareReportResource(document: WelfareReportDocument): z.input<typeof ApiWelfareReportSchema> {
  return {
    id: document.id,
    title: document.title,
    periodStart: document.periodStart,
    periodEnd: document.periodEnd,
    introduction: document.introduction,
    organisation: document.organisationName,
    figures: figuresResource(document.figures),
    followUpFigures: {
      threshold: document.followUpFigures.threshold,
      done: shownCount(document.followUpFigures.done),
      inProgress: shownCount(document.followUpFigures.inProgress),
      overdue: shownCount(document.followUpFigures.overdue),
    },
    sections: document.sections.map((section) => ({
      id: section.id,
      position: section.position,
      kind: section.kind,
      title: section.title,
      category: section.category,
      body: section.body,
      figures: figuresResource(section.figures),
      phenomena: section.phenomena.map((phenomenon) => ({
        id: phenomenon.id,
        title: phenomenon.title,
        description: phenomenon.description,
        reportCount: shownCount(phenomenon.reportCount),
        reportCountSuppressed: shownCount(phenomenon.reportCount) === null,
        actions: phenomenon.actions.map(welfareActionResource),
        decisions: phenomenon.decisions.map(welfareDecisionResource),
      })),
      reports: section.reports.map((report) => ({
        id: report.id,
        title: report.title,
        status: report.status,
        actions: report.actions.map(welfareActionResource),
        decisions: report.decisions.map(welfareDecisionResource),
      })),
      followUps: section.followUps.map((followUp) => ({
        id: followUp.id,
        title: followUp.title,
        responsible: followUp.responsibleUnit,
        decidedOn: followUp.decidedOn,
        targetDate: followUp.targetDate,
        status: followUp.status,
        statusReason: followUp.statusReason,
        progress: followUp.progress,
        overdue: followUp.overdue,
      })),
    })),
    updatedAt: iso(document.updatedAt),
  }
}
