import { Card } from '#app/components/ui/card.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { formatDate, formatNumber, type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

type Count = number | null | 'withheld'

export interface CompiledReportDocument {
  narrativeHtml: string
  phenomena: { id: string; title: string; descriptionHtml: string; reportTitles: string[] | null }[]
  figures: {
    threshold: number
    total: Count
    clients: Count
    bySector: { key: string; count: Count }[]
    byTrend: { key: string; count: Count }[]
    byQuarter: { key: string; count: Count }[]
    byMonth: { key: string; count: Count }[]
  }
  indicators: {
    id: string
    name: string
    source: string
    importedAt: string | Date
    values: { area: string; period: string; value: string }[]
  }[]
}

/** The compiled report as every reader sees it, signed in or on the public page: no names anywhere. */
export function CompiledReportView({ document }: { document: CompiledReportDocument }) {
  const { locale, t } = useI18n()
  const { figures } = document
  const shown = (count: Count) =>
    count === null ? `<${figures.threshold}` : count === 'withheld' ? '–' : formatNumber(locale, count)
  const figureTable = (caption: MessageKey, rows: { key: string; count: Count }[], label: (key: string) => string) =>
    rows.length > 0 ? (
      <div>
        {/* The caption is for screen readers only; sighted readers need the table's name as well. */}
        <h3 className="mb-2 font-semibold" aria-hidden="true">
          {t(caption)}
        </h3>
        <Table caption={t(caption)} columns={[t('compiled.figures.group'), t('compiled.figures.count')]}>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-200">
              <td className="p-3">{label(row.key)}</td>
              <td className="p-3 tabular-nums">{shown(row.count)}</td>
            </tr>
          ))}
        </Table>
      </div>
    ) : null
  return (
    <div className="grid gap-8">
      <Card title={t('compiled.narrative.title')}>
        {document.narrativeHtml ? (
          <div className="prose-report" dangerouslySetInnerHTML={{ __html: document.narrativeHtml }} />
        ) : (
          <p>{t('compiled.narrative.empty')}</p>
        )}
      </Card>
      <Card title={t('compiled.excerpts.title')}>
        {document.phenomena.length === 0 ? <p>{t('compiled.excerpts.none')}</p> : null}
        <div className="grid gap-6">
          {document.phenomena.map((phenomenon) => (
            <article key={phenomenon.id}>
              <h3 className="text-lg font-bold">{phenomenon.title}</h3>
              <div className="prose-report" dangerouslySetInnerHTML={{ __html: phenomenon.descriptionHtml }} />
              {phenomenon.reportTitles && phenomenon.reportTitles.length > 0 ? (
                <>
                  <h4 className="mt-2 font-semibold">{t('compiled.excerpts.reports')}</h4>
                  <ul className="list-disc pl-6">
                    {phenomenon.reportTitles.map((title, index) => (
                      <li key={index}>{title}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </article>
          ))}
        </div>
      </Card>
      <Card title={t('compiled.figures.title')}>
        <p className="mb-4">{t('compiled.figures.intro', { threshold: String(figures.threshold) })}</p>
        <dl className="mb-4 grid gap-1">
          <div>
            <dt className="inline font-semibold">{t('compiled.figures.total')}: </dt>
            <dd className="inline tabular-nums">{shown(figures.total)}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{t('compiled.figures.clients')}: </dt>
            <dd className="inline tabular-nums">{shown(figures.clients)}</dd>
          </div>
        </dl>
        <div className="grid gap-4 md:grid-cols-2">
          {figureTable('compiled.figures.bySector', figures.bySector, (key) => t(`sector.${key}` as MessageKey))}
          {figureTable('compiled.figures.byTrend', figures.byTrend, (key) => t(`trend.${key}` as MessageKey))}
          {figureTable('compiled.figures.byQuarter', figures.byQuarter, (key) => key)}
          {figureTable('compiled.figures.byMonth', figures.byMonth, (key) => key)}
        </div>
      </Card>
      {document.indicators.length > 0 ? (
        <Card title={t('compiled.indicators.title')}>
          <div className="grid gap-6">
            {document.indicators.map((series) => (
              <div key={series.id}>
                <Table
                  caption={series.name}
                  columns={[
                    t('compiled.indicators.area'),
                    t('compiled.indicators.period'),
                    t('compiled.indicators.value'),
                  ]}
                >
                  {series.values.map((value) => (
                    <tr key={`${value.area}:${value.period}`} className="border-t border-slate-200">
                      <td className="p-3">{value.area}</td>
                      <td className="p-3">{value.period}</td>
                      <td className="p-3 tabular-nums">{formatNumber(locale, Number(value.value))}</td>
                    </tr>
                  ))}
                </Table>
                <p className="mt-1 text-sm">
                  {t('compiled.indicators.source', {
                    source: series.source,
                    date: formatDate(locale, series.importedAt),
                  })}
                </p>
              </div>
            ))}
          </div>
        </Card>
      ) : null}
    </div>
  )
}
