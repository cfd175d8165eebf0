import { z } from 'zod'
import { formatNumber, type Locale } from '#app/utils/i18n.ts'
import { IsoDateSchema } from './dates.ts'
import { ageBands, clientGroups, genders, supportNeeds } from './report-fields.ts'

/**
 * The figures of the welfare report, the committee dashboard and the statistics API. Which reports count:
 * those of one organisation submitted (latest submission, Finnish time) within the period, inclusive at both
 * ends, whatever their status now except a withdrawn one. A report with several client groups, age bands,
 * genders or § 11 categories counts once under each of them.
 */
export const statisticsDimensions = ['category', 'clientGroup', 'ageBand', 'gender', 'municipality', 'quarter'] as const
export type StatisticsDimension = (typeof statisticsDimensions)[number]

export const defaultSmallCountThreshold = 5
export const smallCountThresholdRange = { min: 1, max: 100 } as const

export const SmallCountThresholdSchema = z.coerce
  .number({ error: 'validation.smallCountThreshold' })
  .int('validation.smallCountThreshold')
  .min(smallCountThresholdRange.min, 'validation.smallCountThreshold')
  .max(smallCountThresholdRange.max, 'validation.smallCountThreshold')

/** Which reports the figures cover; the same shape from a page's query string, a welfare report or the API. */
export const StatisticsFilterSchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    category: z.enum(supportNeeds, { error: 'validation.invalid' }).nullable().default(null),
    municipalityId: z.uuid({ error: 'validation.invalid' }).nullable().default(null),
  })
  .refine((filter) => filter.from <= filter.to, { path: ['to'], message: 'validation.periodOrder' })

export type StatisticsFilter = z.output<typeof StatisticsFilterSchema>

/** One group of a dimension; a null key is a report that does not say (e.g. no municipality). */
export interface CountRow {
  key: string | null
  count: number
}

export interface ReportStatistics {
  total: number
  positive: number
  negative: number
  /** Reports that have had feedback from someone other than their author since the latest submission. */
  withFeedback: number
  /** Median days from submission to first feedback over `withFeedback`, one decimal; null if none. */
  medianDaysToFeedback: number | null
  byDimension: Record<StatisticsDimension, CountRow[]>
}

/** A count as it may be shown outside the team: null stands for "fewer than the threshold". */
export type PublicCount = number | null

export interface PublicCountRow {
  key: string | null
  count: PublicCount
}

export interface PublicStatistics {
  threshold: number
  total: PublicCount
  positive: PublicCount
  negative: PublicCount
  withFeedback: PublicCount
  /** Percent with one decimal; null when either count behind it is suppressed. */
  feedbackShare: number | null
  /** Null when the reports behind it are fewer than the threshold: a median of two is two people's waits. */
  medianDaysToFeedback: number | null
  byDimension: Record<StatisticsDimension, PublicCountRow[]>
}

/** Every count below the threshold is hidden, zero included: "<5" says nothing about which small number it is. */
export function suppressCount(count: number, threshold: number): PublicCount {
  return count < threshold ? null : count
}

export function suppressStatistics(statistics: ReportStatistics, threshold: number): PublicStatistics {
  const hide = (count: number) => suppressCount(count, threshold)
  const enough = statistics.withFeedback >= threshold && statistics.total >= threshold
  return {
    threshold,
    total: hide(statistics.total),
    positive: hide(statistics.positive),
    negative: hide(statistics.negative),
    withFeedback: hide(statistics.withFeedback),
    feedbackShare: enough ? Math.round((statistics.withFeedback / statistics.total) * 1000) / 10 : null,
    medianDaysToFeedback: statistics.withFeedback >= threshold ? statistics.medianDaysToFeedback : null,
    byDimension: Object.fromEntries(
      statisticsDimensions.map((dimension) => [
        dimension,
        statistics.byDimension[dimension].map((row) => ({ key: row.key, count: hide(row.count) })),
      ]),
    ) as Record<StatisticsDimension, PublicCountRow[]>,
  }
}

/** How a public count reads everywhere: the number, or "<5" with the organisation's threshold. */
export function formatCount(locale: Locale, count: PublicCount, threshold: number): string {
  return count === null ? `<${threshold}` : formatNumber(locale, count)
}

const fixedOrder: Partial<Record<StatisticsDimension, readonly string[]>> = {
  category: supportNeeds,
  clientGroup: clientGroups,
  ageBand: ageBands,
  gender: genders,
}

/**
 * Rows in the order readers expect: the form's order for fixed lists, time order for quarters, alphabetical
 * for municipalities; a missing value last.
 */
export function sortCountRows(dimension: StatisticsDimension, rows: readonly CountRow[]): CountRow[] {
  const order = fixedOrder[dimension]
  const rank = (key: string | null) => (key === null ? Infinity : order ? order.indexOf(key) : 0)
  return [...rows].sort((a, b) => {
    const byRank = rank(a.key) - rank(b.key)
    if (byRank !== 0 || a.key === null || b.key === null) return byRank
    return a.key.localeCompare(b.key, 'fi')
  })
}
