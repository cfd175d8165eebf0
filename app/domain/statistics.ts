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

/**
 * A count as it may be shown outside the team: null stands for "fewer than the threshold" ("<5"); `withheld` for
 * a count hidden only so that a small one beside it cannot be worked out by subtraction ("–").
 */
export type PublicCount = number | null | 'withheld'

export const withheld = 'withheld' as const

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

/**
 * Counts of groups that split the reports between them (each report in exactly one) while their total is shown:
 * one hidden small group would be the total minus the others. So the smallest shown groups are withheld as well,
 * until at least two are hidden and the hidden ones hold at least the threshold more than a reader already
 * knows they hold ("–" says at least the threshold; "<5" may be zero): then no hidden group can be pinned down
 * from the total. A partition of two whose total is about the threshold cannot always be protected.
 */
export function suppressPartition(counts: readonly number[], threshold: number): PublicCount[] {
  const shown: PublicCount[] = counts.map((count) => suppressCount(count, threshold))
  let hiddenGroups = shown.filter((count) => count === null).length
  if (hiddenGroups === 0) return shown
  let hiddenSum = counts.reduce((sum, count) => (count < threshold ? sum + count : sum), 0)
  const smallestShownFirst = counts
    .map((count, index) => ({ count, index }))
    .filter(({ count }) => count >= threshold)
    .sort((a, b) => a.count - b.count)
  let withheldGroups = 0
  for (const { count, index } of smallestShownFirst) {
    if (hiddenGroups >= 2 && hiddenSum - withheldGroups * threshold >= threshold) break
    shown[index] = withheld
    hiddenGroups += 1
    withheldGroups += 1
    hiddenSum += count
  }
  return shown
}

/** Each report has one municipality (or none) and one quarter, so these groups split the total between them. */
const partitioningDimensions: ReadonlySet<StatisticsDimension> = new Set(['municipality', 'quarter'])

export function suppressStatistics(statistics: ReportStatistics, threshold: number): PublicStatistics {
  const hide = (count: number) => suppressCount(count, threshold)
  const enough = statistics.withFeedback >= threshold && statistics.total >= threshold
  // Every report is either a positive observation or not: the two split the total.
  const [positive, negative] = suppressPartition([statistics.positive, statistics.negative], threshold) as [
    PublicCount,
    PublicCount,
  ]
  const groups = (dimension: StatisticsDimension): PublicCountRow[] => {
    const rows = statistics.byDimension[dimension]
    const counts = partitioningDimensions.has(dimension)
      ? suppressPartition(
          rows.map((row) => row.count),
          threshold,
        )
      : rows.map((row) => hide(row.count))
    return rows.map((row, index) => ({ key: row.key, count: counts[index]! }))
  }
  return {
    threshold,
    total: hide(statistics.total),
    positive,
    negative,
    withFeedback: hide(statistics.withFeedback),
    feedbackShare: enough ? Math.round((statistics.withFeedback / statistics.total) * 1000) / 10 : null,
    medianDaysToFeedback: statistics.withFeedback >= threshold ? statistics.medianDaysToFeedback : null,
    byDimension: Object.fromEntries(statisticsDimensions.map((dimension) => [dimension, groups(dimension)])) as Record<
      StatisticsDimension,
      PublicCountRow[]
    >,
  }
}

/** The period's follow-ups as the welfare report counts them; each in at most one of the three. */
export interface FollowUpCounts {
  done: number
  /** In progress and not past its target date; one past it counts as overdue instead. */
  inProgress: number
  /** Past its target date and neither done nor not carried out. */
  overdue: number
}

export interface PublicFollowUpFigures {
  threshold: number
  done: PublicCount
  inProgress: PublicCount
  overdue: PublicCount
}

/**
 * Follow-up counts outside the team, each below the threshold hidden like any report count. No total of them is
 * shown, so a hidden one cannot be worked out by subtraction and none needs withholding beside it.
 */
export function suppressFollowUpCounts(counts: FollowUpCounts, threshold: number): PublicFollowUpFigures {
  return {
    threshold,
    done: suppressCount(counts.done, threshold),
    inProgress: suppressCount(counts.inProgress, threshold),
    overdue: suppressCount(counts.overdue, threshold),
  }
}

/**
 * How a public count reads everywhere: the number as `written` (the locale's digits on a page, plain digits in
 * CSV), "<5" with the organisation's threshold, or "–" if withheld.
 */
export function countText(count: PublicCount, threshold: number, written: (count: number) => string): string {
  if (count === null) return `<${threshold}`
  if (count === withheld) return '–'
  return written(count)
}

export function formatCount(locale: Locale, count: PublicCount, threshold: number): string {
  return countText(count, threshold, (shown) => formatNumber(locale, shown))
}

/** The number, if the count may be shown as one. */
export function shownCount(count: PublicCount): number | null {
  return typeof count === 'number' ? count : null
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
export function sortCountRows<Row extends CountRow>(dimension: StatisticsDimension, rows: readonly Row[]): Row[] {
  const order = fixedOrder[dimension]
  const rank = (key: string | null) => (key === null ? Infinity : order ? order.indexOf(key) : 0)
  return [...rows].sort((a, b) => {
    const byRank = rank(a.key) - rank(b.key)
    if (byRank !== 0 || a.key === null || b.key === null) return byRank
    return a.key.localeCompare(b.key, 'fi')
  })
}
