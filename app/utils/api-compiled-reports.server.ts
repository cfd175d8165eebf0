import { z } from 'zod'
import { compiledReportStages } from '#app/domain/compiled-reports.ts'
import { type CompiledReportResult, documentOf } from '#app/services/compiled-reports.server.ts'
import { ApiProblem, problemFor } from './api.server.ts'

const Id = z.uuid()
const Timestamp = z.iso.datetime({ offset: true })
const Count = z
  .union([z.number().int(), z.null(), z.literal('withheld')])
  .describe(
    'Perturbed; null when below the threshold ("<5"), "withheld" when hidden so a small one cannot be worked out.',
  )
const CountRows = z.array(z.object({ key: z.string(), count: Count }))

export const ApiCompiledReportSummarySchema = z.object({
  id: Id,
  title: z.string(),
  stage: z.enum(compiledReportStages),
  updatedAt: Timestamp,
  publishedAt: Timestamp.nullable(),
})

export const ApiCompiledReportListSchema = z.object({ socialReports: z.array(ApiCompiledReportSummarySchema) })

export const ApiCompiledReportSchema = ApiCompiledReportSummarySchema.extend({
  version: z.number().int().describe('Changes with every save or stage change.'),
  narrative: z.string().describe('Markdown, passed through the identifiability guard.'),
  approvedAt: Timestamp.nullable(),
  phenomena: z.array(
    z.object({ id: Id, title: z.string(), description: z.string(), reportTitles: z.array(z.string()) }),
  ),
  figures: z.object({
    threshold: z.number().int(),
    total: Count,
    clients: Count,
    bySector: CountRows,
    byTrend: CountRows,
    byQuarter: CountRows,
    byMonth: CountRows,
  }),
  indicators: z.array(
    z.object({
      id: Id,
      name: z.string(),
      source: z.string(),
      importedAt: Timestamp,
      values: z.array(z.object({ area: z.string(), period: z.string(), value: z.string() })),
    }),
  ),
})

export const ApiCompiledReportCommentInputSchema = z.strictObject({
  text: z.string().trim().min(1, 'compiled.validation.comment').max(5000, 'compiled.validation.comment'),
})

export const ApiCompiledReportCommentSchema = z.object({ id: Id })

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

export function compiledReportSummaryResource(report: {
  id: string
  title: string
  stage: (typeof compiledReportStages)[number]
  updatedAt: Date
  publishedAt: Date | null
}): z.input<typeof ApiCompiledReportSummarySchema> {
  return { ...report, updatedAt: iso(report.updatedAt)!, publishedAt: iso(report.publishedAt) }
}

/** No names: not the author's, the approver's nor the reporters' (ADR 037). */
export function compiledReportResource(
  page: Parameters<typeof documentOf>[0] & {
    report: Parameters<typeof compiledReportSummaryResource>[0] & {
      version: number
      narrative: string
      approvedAt: Date | null
    }
  },
): z.input<typeof ApiCompiledReportSchema> {
  const { report } = page
  return {
    ...compiledReportSummaryResource(report),
    version: report.version,
    narrative: report.narrative,
    approvedAt: iso(report.approvedAt),
    phenomena: page.phenomena.map((phenomenon) => ({ ...phenomenon, reportTitles: phenomenon.reportTitles ?? [] })),
    figures: page.figures,
    indicators: page.indicators.map(({ id, name, source, importedAt, values }) => ({
      id,
      name,
      source,
      importedAt: iso(importedAt)!,
      values: values.map(({ area, period, value }) => ({ area, period, value })),
    })),
  }
}

/** A refused comment as a problem document; outside the comment round is a 409 with the current stage. */
export function compiledReportProblem(result: Exclude<CompiledReportResult, { ok: true }>): ApiProblem {
  if (result.reason === 'wrong_stage' || result.reason === 'stale') {
    return new ApiProblem('conflict', {
      detail: (t) => t('compiled.comments.notInRound'),
      extra: { currentStage: 'currentStage' in result ? result.currentStage : undefined },
    })
  }
  return problemFor(result)
}
