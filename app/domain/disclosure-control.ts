import { hasAnyRole, type Role } from './roles.ts'
import {
  type PublicCount,
  type PublicStatistics,
  type ReportStatistics,
  type StatisticsDimension,
  statisticsDimensions,
  type StatisticsFilter,
} from './statistics.ts'
import { dashboardReaderRoles } from './welfare-report-form.ts'

/**
 * Cell-key perturbation of ad-hoc statistics (ADR 025), as the Australian Bureau of Statistics' TableBuilder does.
 * Every report has a fixed random key (reports.statistics_key); a cell's key is the sum of its reports' keys
 * modulo `cellKeyModulus`, so the same reports always make the same cell key and get the same small noise, and
 * two overlapping queries differ by noise as well as by count: a difference of 1 may be anything from −3 to 5.
 */
export const cellKeyModulus = 2 ** 31

/**
 * The noise table: 256 columns, chosen by the cell key and count, each holding a noise of −2..+2. Zero noise is
 * the most likely so that large counts stay close to the truth; ±2 rare so that the extremes an attacker needs to
 * pin down a count by intersecting the bounds of many differences seldom occur together.
 */
const noiseColumns = 256
const noiseShares: readonly (readonly [noise: number, columns: number])[] = [
  [-2, 24],
  [-1, 52],
  [0, 104],
  [1, 52],
  [2, 24],
]
export const maxNoise = 2

/** A 32-bit integer hash (MurmurHash3's finaliser): neighbouring keys get unrelated columns. */
function mix32(value: number): number {
  let hash = value | 0
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/** The noise the table gives a cell of this count and key: always the same for the same cell. */
export function noiseOf(count: number, cellKey: number): number {
  let column = mix32(cellKey ^ mix32(count + 1)) % noiseColumns
  for (const [noise, columns] of noiseShares) {
    if (column < columns) return noise
    column -= columns
  }
  throw new Error('the noise table covers every column')
}

/** The count with its cell's noise added; zero stays zero (no reports, no cell) and nothing goes below zero. */
export function perturbCount(count: number, cellKey: number): number {
  if (count === 0) return 0
  return Math.max(0, count + noiseOf(count, cellKey))
}

/**
 * A count as an ad-hoc table may show it: perturbed, and "<threshold" when either the true or the perturbed count
 * is below the threshold. A group smaller than the threshold is never shown, not even as a perturbed 5.
 */
export function publishCount(count: number, cellKey: number, threshold: number): PublicCount {
  if (count < threshold) return null
  const perturbed = perturbCount(count, cellKey)
  return perturbed < threshold ? null : perturbed
}

/** The cell keys of a period's totals; the SQL sums the reports' keys per cell (statistics.server.ts). */
export interface TotalsCellKeys {
  total: number
  positive: number
  negative: number
  withFeedback: number
}

export interface KeyedCountRow {
  key: string | null
  count: number
  cellKey: number
}

export type KeyedStatistics = Omit<ReportStatistics, 'byDimension'> & {
  cellKeys: TotalsCellKeys
  byDimension: Record<StatisticsDimension, KeyedCountRow[]>
}

/**
 * The figures of an ad-hoc query as they may leave the server. Every count is perturbed by its own cell; the
 * share is worked out from the perturbed counts, and the median is shown only with the count of waits behind it. Nothing needs withholding beside a small count:
 * a total minus its shown parts is as noisy as each of them.
 */
export function perturbStatistics(statistics: KeyedStatistics, threshold: number): PublicStatistics {
  const publish = (count: number, cellKey: number) => publishCount(count, cellKey, threshold)
  const total = publish(statistics.total, statistics.cellKeys.total)
  const withFeedback = publish(statistics.withFeedback, statistics.cellKeys.withFeedback)
  const share =
    typeof total === 'number' && typeof withFeedback === 'number'
      ? Math.min(100, Math.round((withFeedback / total) * 1000) / 10)
      : null
  return {
    threshold,
    total,
    positive: publish(statistics.positive, statistics.cellKeys.positive),
    negative: publish(statistics.negative, statistics.cellKeys.negative),
    withFeedback,
    feedbackShare: share,
    medianDaysToFeedback: withFeedback === null ? null : statistics.medianDaysToFeedback,
    byDimension: Object.fromEntries(
      statisticsDimensions.map((dimension) => [
        dimension,
        statistics.byDimension[dimension].map((row) => ({ key: row.key, count: publish(row.count, row.cellKey) })),
      ]),
    ) as PublicStatistics['byDimension'],
  }
}

/**
 * Ad-hoc figures are published for fixed periods only, one calendar quarter or one calendar year, so that no two
 * periods overlap except a year and its own quarters: a period within one quarter is widened to the quarter, one
 * within one year to the year, and one spanning years has none (null). Perturbation alone is not enough when
 * periods may overlap freely: each run of months is a differently perturbed view of the same reports, and with
 * enough of them the ±2 bounds of their differences close in on a small count (ADR 025 measures how often).
 */
export function publishedPeriod(filter: StatisticsFilter): StatisticsFilter | null {
  const year = filter.from.slice(0, 4)
  if (filter.to.slice(0, 4) !== year) return null
  const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3)
  const quarter = quarterOf(filter.from)
  if (quarterOf(filter.to) !== quarter) return { ...filter, from: `${year}-01-01`, to: `${year}-12-31` }
  const firstMonth = String(quarter * 3 + 1).padStart(2, '0')
  const lastMonth = String(quarter * 3 + 3).padStart(2, '0')
  const lastDay = quarter === 0 || quarter === 3 ? 31 : 30
  return { ...filter, from: `${year}-${firstMonth}-01`, to: `${year}-${lastMonth}-${lastDay}` }
}

/**
 * Whose reports a member may count: coordinators, committee members and admins the whole organisation's; anyone
 * else (workers, team leads) only their own teams' reports, none at all without a team.
 */
export function statisticsTeamScope(user: {
  roles: readonly Role[]
  teams: readonly { id: string }[]
}): string[] | null {
  return hasAnyRole(user.roles, dashboardReaderRoles) ? null : user.teams.map((team) => team.id)
}
