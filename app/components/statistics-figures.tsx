import { type NamedPlace, placeNamer } from '#app/domain/display-name.ts'
import { type PublicStatistics, statisticsDimensions } from '#app/domain/statistics.ts'
import {
  dimensionTitles,
  formatSummaryFigure,
  labelledRows,
  summaryFigures,
  summaryTitles,
} from '#app/domain/welfare-figures.ts'
import { type Locale, type Translate } from '#app/utils/i18n.ts'
import { BarChart } from './bar-chart.tsx'

/**
 * Every figure of a period: totals, good practices against problems, feedback, and a chart with its data table
 * per dimension. Counts arrive already suppressed; "<5" stands wherever one is small. Takes the translator as a
 * prop rather than from the route, so the standalone HTML export renders it too.
 */
export function StatisticsFigures({
  figures,
  locale,
  t,
  idPrefix,
  headingLevel = 3,
  places = [],
}: {
  figures: PublicStatistics
  locale: Locale
  t: Translate
  /** Unique on the page: the charts' ids start with it. */
  idPrefix: string
  headingLevel?: 2 | 3
  /** The organisation's municipalities, so that the figures by municipality read in the reader's language. */
  places?: readonly NamedPlace[]
}) {
  const { threshold } = figures
  const chartHeading = (headingLevel + 1) as 3 | 4
  return (
    <div className="statistics-figures grid gap-6">
      <dl className="stat-summary grid grid-cols-2 gap-3 sm:grid-cols-3">
        {summaryFigures(figures).map((figure) => (
          <div key={figure.key} className="stat rounded-md border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-700">{t(summaryTitles[figure.key])}</dt>
            <dd className="stat-value text-2xl font-bold tabular-nums text-brand-900">
              {formatSummaryFigure(locale, figure, threshold)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="stat-note text-sm text-slate-700">{t('welfare.figures.suppressedNote', { threshold })}</p>
      <div className="figure-grid grid gap-8 lg:grid-cols-2">
        {statisticsDimensions.map((dimension) => (
          <BarChart
            key={dimension}
            id={`${idPrefix}-${dimension}`}
            title={t(dimensionTitles[dimension])}
            rows={labelledRows(t, figures, dimension, placeNamer(locale, places)).map((row) => ({
              ...row,
              key: row.key ?? 'none',
            }))}
            threshold={threshold}
            locale={locale}
            labelHeader={t(`welfare.figures.column.${dimension}`)}
            countHeader={t('welfare.figures.column.count')}
            emptyText={t('welfare.figures.empty')}
            headingLevel={chartHeading}
          />
        ))}
      </div>
    </div>
  )
}
