import { formatNumber, isMessageKey, type Locale, type MessageKey, type Translate } from '#app/utils/i18n.ts'
import {
  countText,
  formatCount,
  type PublicCount,
  type PublicFollowUpFigures,
  type PublicStatistics,
  type StatisticsDimension,
  statisticsDimensions,
  withheld,
} from './statistics.ts'

/** How each dimension is titled in the user's language. */
export const dimensionTitles: Record<StatisticsDimension, MessageKey> = {
  category: 'welfare.figures.byCategory',
  clientGroup: 'welfare.figures.byClientGroup',
  ageBand: 'welfare.figures.byAgeBand',
  gender: 'welfare.figures.byGender',
  municipality: 'welfare.figures.byMunicipality',
  quarter: 'welfare.figures.byQuarter',
}

const codeCatalogs: Partial<Record<StatisticsDimension, string>> = {
  category: 'supportNeed',
  clientGroup: 'clientGroup',
  ageBand: 'ageBand',
  gender: 'gender',
}

/** How a municipality's name reads to the reader (display-name.ts placeNamer); as it is by default. */
export type PlaceName = (name: string) => string

const asNamed: PlaceName = (name) => name

/** The label of one group: a code in the user's language, a municipality by name, a quarter as readers write it. */
export function figureLabel(
  t: Translate,
  dimension: StatisticsDimension,
  key: string | null,
  placeName: PlaceName = asNamed,
): string {
  if (key === null) return dimension === 'municipality' ? t('reports.wholeArea') : t('welfare.figures.notStated')
  if (dimension === 'municipality') return placeName(key)
  if (dimension === 'quarter') {
    const match = /^(\d{4})-Q([1-4])$/.exec(key)
    // Strings, not numbers: a year must not get a thousands separator.
    return match ? t('welfare.figures.quarter', { year: match[1]!, quarter: match[2]! }) : key
  }
  const messageKey = `${codeCatalogs[dimension]}.${key}`
  return isMessageKey(messageKey) ? t(messageKey) : key
}

/**
 * A summary figure: counts are suppressed like any other; the share and median are null when they would reveal one.
 * A count withheld beside a small one may carry `between`, the range a reader already knows it lies in.
 */
export type SummaryFigure =
  | {
      key: 'total' | 'positive' | 'negative' | 'withFeedback'
      kind: 'count'
      value: PublicCount
      between?: { from: number; to: number }
    }
  | { key: 'feedbackShare'; kind: 'percent'; value: number | null }
  | { key: 'medianDaysToFeedback'; kind: 'days'; value: number | null }

export const summaryTitles: Record<SummaryFigure['key'], MessageKey> = {
  total: 'welfare.figures.total',
  positive: 'welfare.figures.positive',
  negative: 'welfare.figures.negative',
  withFeedback: 'welfare.figures.withFeedback',
  feedbackShare: 'welfare.figures.feedbackShare',
  medianDaysToFeedback: 'welfare.figures.medianDays',
}

/**
 * Problems and good practices split the total. When one of them is small ("<5") the other is withheld, or the small
 * one would be the total minus it; but the headline figure need not go blank: with the total shown, a reader already
 * knows it lies between the total less (threshold − 1) and the total, and saying so reveals nothing more.
 */
function withheldSplit(figures: PublicStatistics, count: PublicCount, other: PublicCount) {
  if (count !== withheld || other !== null || typeof figures.total !== 'number') return {}
  return { between: { from: Math.max(figures.threshold, figures.total - figures.threshold + 1), to: figures.total } }
}

export function summaryFigures(figures: PublicStatistics): SummaryFigure[] {
  return [
    { key: 'total', kind: 'count', value: figures.total },
    {
      key: 'positive',
      kind: 'count',
      value: figures.positive,
      ...withheldSplit(figures, figures.positive, figures.negative),
    },
    {
      key: 'negative',
      kind: 'count',
      value: figures.negative,
      ...withheldSplit(figures, figures.negative, figures.positive),
    },
    { key: 'withFeedback', kind: 'count', value: figures.withFeedback },
    { key: 'feedbackShare', kind: 'percent', value: figures.feedbackShare },
    { key: 'medianDaysToFeedback', kind: 'days', value: figures.medianDaysToFeedback },
  ]
}

/** A summary figure as it reads on a page: "<5" for a small count, "–" for a share or median that is withheld. */
export function formatSummaryFigure(locale: Locale, figure: SummaryFigure, threshold: number): string {
  switch (figure.kind) {
    case 'count':
      return figure.between
        ? `${formatNumber(locale, figure.between.from)}–${formatNumber(locale, figure.between.to)}`
        : formatCount(locale, figure.value, threshold)
    case 'percent':
      return figure.value === null ? '–' : `${formatNumber(locale, figure.value, { maximumFractionDigits: 1 })} %`
    case 'days':
      return figure.value === null ? '–' : formatNumber(locale, figure.value, { maximumFractionDigits: 1 })
  }
}

export interface LabelledRow {
  key: string | null
  label: string
  count: PublicCount
}

/** One dimension's groups with their labels, in the order the statistics put them. */
export function labelledRows(
  t: Translate,
  figures: PublicStatistics,
  dimension: StatisticsDimension,
  placeName: PlaceName = asNamed,
): LabelledRow[] {
  return figures.byDimension[dimension].map((row) => ({
    key: row.key,
    label: figureLabel(t, dimension, row.key, placeName),
    count: row.count,
  }))
}

/** The follow-up figures in the order readers take them in: what is done, under way, and late. */
export const followUpFigureKeys = ['done', 'inProgress', 'overdue'] as const

export const followUpFigureTitles: Record<(typeof followUpFigureKeys)[number], MessageKey> = {
  done: 'chain.figures.done',
  inProgress: 'chain.figures.inProgress',
  overdue: 'chain.figures.overdue',
}

/** Each follow-up figure with its title, as a page, the Markdown and the CSV show it ("<5" where small). */
export function followUpFigureRows(t: Translate, figures: PublicFollowUpFigures, written: (count: number) => string) {
  return followUpFigureKeys.map((key) => ({
    key,
    label: t(followUpFigureTitles[key]),
    value: countText(figures[key], figures.threshold, written),
  }))
}

/** Every figure of a PublicStatistics as flat rows: the CSV export's content, one scope at a time. */
export interface FlatFigure {
  dimension: 'summary' | StatisticsDimension
  key: string
  label: string
  /** "<5" for a suppressed count, "–" for a withheld one, an empty string for a withheld share or median. */
  value: string
}

export function flattenFigures(t: Translate, figures: PublicStatistics, placeName: PlaceName = asNamed): FlatFigure[] {
  const countValue = (count: PublicCount) => countText(count, figures.threshold, String)
  const summary = summaryFigures(figures).map((figure): FlatFigure => ({
    dimension: 'summary',
    key: figure.key,
    label: t(summaryTitles[figure.key]),
    value:
      figure.kind === 'count'
        ? figure.between
          ? `${figure.between.from}–${figure.between.to}`
          : countValue(figure.value)
        : figure.value === null
          ? ''
          : String(figure.value),
  }))
  const groups = statisticsDimensions.flatMap((dimension) =>
    labelledRows(t, figures, dimension, placeName).map((row): FlatFigure => ({
      dimension,
      key: row.key ?? '',
      label: row.label,
      value: countValue(row.count),
    })),
  )
  return [...summary, ...groups]
}
