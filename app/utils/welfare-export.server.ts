import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { WelfareReportExport } from '#app/components/welfare-report-export.tsx'
import { type WelfareHtml, formatPeriod } from '#app/components/welfare-report-view.tsx'
import { csvDocument, spreadsheetConvention } from '#app/domain/csv.ts'
import { displayName, placeNamer } from '#app/domain/display-name.ts'
import { formatCount, type PublicStatistics, statisticsDimensions } from '#app/domain/statistics.ts'
import { type ChainFollowUp, type FollowThroughChain } from '#app/domain/follow-through-chain.ts'
import {
  dimensionTitles,
  figureLabel,
  flattenFigures,
  followUpFigureRows,
  formatSummaryFigure,
  labelledRows,
  type PlaceName,
  summaryFigures,
  summaryTitles,
} from '#app/domain/welfare-figures.ts'
import {
  type WelfareAction,
  type WelfareDecision,
  type WelfareReportDocument,
  welfareContributionLine,
} from '#app/domain/welfare-report.ts'
import { recordRead } from '#app/services/audit.server.ts'
import { getWelfareReport } from '#app/services/welfare-reports.server.ts'
import { requireUser } from './auth.server.ts'
import { formatDate, formatNumber, getTranslate, type Locale, type Translate } from './i18n.ts'
import { requireUuid } from './params.server.ts'
import { renderMarkdown } from './markdown.server.ts'

/**
 * The welfare report's three exports. Each is made from the same WelfareReportDocument as the page, whose counts
 * are already suppressed, so no export can show a small count the page hides.
 */
export const welfareExportFormats = ['md', 'html', 'csv'] as const
export type WelfareExportFormat = (typeof welfareExportFormats)[number]

/** The document's Markdown rendered and sanitised, for the page and the HTML export. */
export function renderWelfareHtml(document: WelfareReportDocument): WelfareHtml {
  const phenomena: Record<string, string> = {}
  for (const section of document.sections) {
    for (const phenomenon of section.phenomena) phenomena[phenomenon.id] ??= renderMarkdown(phenomenon.description)
  }
  return {
    introduction: renderMarkdown(document.introduction),
    sections: Object.fromEntries(document.sections.map((section) => [section.id, renderMarkdown(section.body)])),
    phenomena,
  }
}

/** A file name readers recognise: the title in plain letters and the period, e.g. hyvinvointikertomus-2025.md. */
export function exportFilename(document: WelfareReportDocument, format: WelfareExportFormat): string {
  const slug = document.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  const period =
    document.periodStart.slice(0, 4) === document.periodEnd.slice(0, 4)
      ? document.periodStart.slice(0, 4)
      : `${document.periodStart}_${document.periodEnd}`
  const name = slug || 'welfare-report'
  return `${name.includes(period) ? name : `${name}-${period}`}.${format}`
}

// --- Markdown -------------------------------------------------------------------------------------------------

/** A title or label on one line, so it cannot break the heading or list item it stands in. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|')
}

function markdownFigures(
  figures: PublicStatistics,
  locale: Locale,
  t: Translate,
  level: number,
  placeName: PlaceName,
): string[] {
  const hashes = '#'.repeat(level)
  const lines = [
    `| ${t('welfare.figures.column.figure')} | ${t('welfare.figures.column.value')} |`,
    '| --- | ---: |',
    ...summaryFigures(figures).map(
      (figure) =>
        `| ${cell(t(summaryTitles[figure.key]))} | ${formatSummaryFigure(locale, figure, figures.threshold)} |`,
    ),
    '',
    `_${t('welfare.figures.suppressedNote', { threshold: figures.threshold })}_`,
  ]
  for (const dimension of statisticsDimensions) {
    lines.push('', `${hashes} ${t(dimensionTitles[dimension])}`, '')
    const rows = labelledRows(t, figures, dimension, placeName)
    if (rows.length === 0) {
      lines.push(t('welfare.figures.empty'))
      continue
    }
    lines.push(
      `| ${t(`welfare.figures.column.${dimension}`)} | ${t('welfare.figures.column.count')} |`,
      '| --- | ---: |',
      ...rows.map((row) => `| ${cell(row.label)} | ${formatCount(locale, row.count, figures.threshold)} |`),
    )
  }
  return lines
}

function markdownActions(actions: WelfareAction[], t: Translate): string[] {
  if (actions.length === 0) return []
  return [
    '',
    `**${t('welfare.view.actions')}**`,
    '',
    ...actions.map((action) => {
      const outcome = action.outcome ? t(`actionOutcome.${action.outcome}`) : t('actionOutcome.none')
      const reason = action.outcome && action.outcomeReason ? ` – ${oneLine(action.outcomeReason)}` : ''
      return `- ${oneLine(action.description)} _(${t(`actionLevel.${action.level}`)})_ — ${t('welfare.view.outcome')}: ${outcome}${reason}`
    }),
  ]
}

function markdownDecisions(decisions: WelfareDecision[], locale: Locale, t: Translate): string[] {
  if (decisions.length === 0) return []
  return [
    '',
    `**${t('welfare.view.decisions')}**`,
    '',
    ...decisions.map((decision) => {
      const line = t('welfare.view.decision', {
        committee: oneLine(decision.committee),
        date: formatDate(locale, decision.meetingDate),
        decision: t(`agendaDecision.${decision.decision}`),
      })
      return `- ${line}${decision.decisionText ? ` ${oneLine(decision.decisionText)}` : ''}`
    }),
  ]
}

function markdownFollowUpFigures(document: WelfareReportDocument, locale: Locale, t: Translate): string[] {
  const figures = document.followUpFigures
  return [
    '',
    `### ${t('chain.figures.title')}`,
    '',
    `| ${t('welfare.figures.column.figure')} | ${t('welfare.figures.column.value')} |`,
    '| --- | ---: |',
    ...followUpFigureRows(t, figures, (count) => formatNumber(locale, count)).map(
      (figure) => `| ${cell(figure.label)} | ${figure.value} |`,
    ),
    '',
    `_${t('chain.figures.note', { threshold: figures.threshold })}_`,
  ]
}

/** One follow-up on one line: its state first, overdue said in words, then who, when and the latest update. */
function markdownFollowUp(followUp: ChainFollowUp, locale: Locale, t: Translate): string {
  const status = t(`followUpStatus.${followUp.status}`)
  const parts = [
    `${t('chain.followUp.status')}: ${status}${followUp.statusReason ? ` (${t('chain.followUp.reason', { reason: oneLine(followUp.statusReason) })})` : ''}`,
    ...(followUp.overdue
      ? [`**${t('chain.followUp.overdue', { date: formatDate(locale, followUp.targetDate) })}**`]
      : []),
    ...(followUp.responsibleUnit ? [`${t('chain.followUp.responsible')}: ${oneLine(followUp.responsibleUnit)}`] : []),
    `${t('chain.followUp.target')}: ${formatDate(locale, followUp.targetDate)}`,
    ...(followUp.progress !== null
      ? [`${t('chain.followUp.progress')}: ${formatNumber(locale, followUp.progress)} %`]
      : []),
    ...(followUp.latestUpdate
      ? [
          `${t('chain.followUp.latest', { date: formatDate(locale, followUp.latestUpdate.at) })}: ${oneLine(followUp.latestUpdate.text)}`,
        ]
      : []),
  ]
  return `- **${oneLine(followUp.title)}** — ${parts.join('; ')}`
}

/** Where a phenomenon or report went, the answers, and its follow-ups; nothing when nothing has happened yet. */
function markdownChain(chain: FollowThroughChain, locale: Locale, t: Translate): string[] {
  const lines: string[] = []
  if (chain.routes.length > 0) {
    lines.push('', `**${t('chain.step.routed')}**`, '')
    for (const route of chain.routes) {
      const reply = route.answer ?? route.returned
      const replyText = reply
        ? ` — ${t(route.answer ? 'chain.route.answer' : 'chain.route.returned', { by: oneLine(reply.by), date: formatDate(locale, reply.at) })}: ${oneLine(reply.text)}`
        : route.decision
          ? ` — ${t('chain.route.decision', { date: formatDate(locale, route.decision.meetingDate), decision: t(`agendaDecision.${route.decision.kind}`) })}${route.decision.text ? ` ${oneLine(route.decision.text)}` : ''}`
          : ''
      lines.push(
        `- ${oneLine(displayName(locale, route.recipient.name, route.recipient.nameSv))} _(${t(`recipientKind.${route.recipient.kind}`)})_ — ${t('chain.route.sent', { date: formatDate(locale, route.sentAt) })}, ${t(`sendingState.${route.state}`)}${replyText}`,
      )
    }
  }
  if (chain.followUps.length > 0) {
    lines.push('', `**${t('chain.step.followUps')}**`, '')
    lines.push(...chain.followUps.map((followUp) => markdownFollowUp(followUp, locale, t)))
  }
  return lines
}

/** The report as Markdown: the coordinator's own Markdown as written, the figures as tables. */
export function welfareReportMarkdown(document: WelfareReportDocument, locale: Locale): string {
  const t = getTranslate(locale)
  const placeName = placeNamer(locale, document.places)
  const lines = [
    `# ${oneLine(document.title)}`,
    '',
    `${oneLine(welfareContributionLine(t, locale, document))} · ${formatPeriod(locale, document)}`,
  ]
  if (document.introduction.trim()) lines.push('', document.introduction.trim())
  lines.push('', `## ${t('welfare.view.figures')}`, '', ...markdownFigures(document.figures, locale, t, 3, placeName))
  lines.push(...markdownFollowUpFigures(document, locale, t))
  document.sections.forEach((section, index) => {
    lines.push('', `## ${index + 1}. ${oneLine(section.title)}`)
    const category = section.category ? figureLabel(t, 'category', section.category) : null
    if (category) lines.push('', `_${t('welfare.view.category', { category })}_`)
    if (section.body.trim()) lines.push('', section.body.trim())
    if (category) {
      lines.push('', `### ${t('welfare.view.sectionFigures', { category })}`, '')
      lines.push(...markdownFigures(section.figures, locale, t, 4, placeName))
    }
    if (section.kind === 'what_was_done') {
      lines.push('', `### ${t('chain.welfare.whatWasDone')}`, '')
      lines.push(t('chain.welfare.whatWasDoneScope', { period: formatPeriod(locale, document) }), '')
      if (section.followUps.length === 0) lines.push(t('chain.welfare.whatWasDoneEmpty'))
      lines.push(...section.followUps.map((followUp) => markdownFollowUp(followUp, locale, t)))
    }
    if (section.phenomena.length > 0) {
      lines.push('', `### ${t('welfare.view.phenomena')}`)
      for (const phenomenon of section.phenomena) {
        lines.push('', `#### ${oneLine(phenomenon.title)}`, '')
        lines.push(
          t('welfare.view.reportCount', {
            count: formatCount(locale, phenomenon.reportCount, section.figures.threshold),
          }),
        )
        if (phenomenon.description.trim()) lines.push('', phenomenon.description.trim())
        lines.push(...markdownActions(phenomenon.actions, t), ...markdownDecisions(phenomenon.decisions, locale, t))
        lines.push(...markdownChain(phenomenon.chain, locale, t))
      }
    }
    if (section.reports.length > 0) {
      lines.push('', `### ${t('welfare.view.reports')}`)
      for (const report of section.reports) {
        lines.push('', `#### ${oneLine(report.title)}`, '', t(`status.${report.status}`))
        lines.push(...markdownActions(report.actions, t), ...markdownDecisions(report.decisions, locale, t))
        lines.push(...markdownChain(report.chain, locale, t))
      }
    }
  })
  return lines.join('\n') + '\n'
}

// --- HTML -----------------------------------------------------------------------------------------------------

/**
 * A standalone, print-ready HTML document: styles inline, charts as inline SVG with their data tables, no scripts.
 * The style sheet carries the response's CSP nonce, so the document also reads styled when served by the app.
 */
export function welfareReportHtml(document: WelfareReportDocument, locale: Locale, styleNonce?: string): string {
  const markup = renderToStaticMarkup(
    createElement(WelfareReportExport, {
      document,
      html: renderWelfareHtml(document),
      locale,
      t: getTranslate(locale),
      styleNonce,
    }),
  )
  return `<!DOCTYPE html>\n${markup}\n`
}

// --- CSV ------------------------------------------------------------------------------------------------------

/**
 * How the CSV is laid out: `spreadsheet` opens right in the reader's Excel (headers in their language, the
 * language's separator and decimal mark); `data` is for programs (fixed English headers, commas, decimal points).
 */
export type CsvLayout = 'spreadsheet' | 'data'

/** Every figure of the report, whole period and each section with a category, one per row; "<5" where suppressed. */
export function welfareReportCsv(
  document: WelfareReportDocument,
  locale: Locale,
  layout: CsvLayout = 'spreadsheet',
): string {
  const t = getTranslate(locale)
  const placeName = placeNamer(locale, document.places)
  const scopes = [
    { name: t('welfare.export.scopeWhole'), figures: document.figures },
    ...document.sections
      .filter((section) => section.category)
      .map((section) => ({ name: section.title, figures: section.figures })),
  ]
  const figures = [
    ...scopes.flatMap((scope) =>
      flattenFigures(t, scope.figures, placeName).map((figure) => ({ scope: scope.name, ...figure }) as const),
    ),
    ...followUpFigureRows(t, document.followUpFigures, String).map(
      (figure) => ({ scope: t('welfare.export.scopeWhole'), dimension: 'followUps', ...figure }) as const,
    ),
  ]
  if (layout === 'data') {
    const rows = figures.map((figure) => [figure.scope, figure.dimension, figure.key, figure.label, figure.value])
    return csvDocument([['scope', 'dimension', 'key', 'label', 'count'], ...rows])
  }
  const { separator, decimal } = spreadsheetConvention(locale)
  const dimensionName = (dimension: (typeof figures)[number]['dimension']) =>
    dimension === 'summary'
      ? t('welfare.export.csv.summary')
      : dimension === 'followUps'
        ? t('chain.figures.title')
        : t(dimensionTitles[dimension])
  const header = [
    t('welfare.export.csv.column.scope'),
    t('welfare.export.csv.column.dimension'),
    t('welfare.export.csv.column.label'),
    t('welfare.export.csv.column.value'),
  ]
  const rows = figures.map((figure) => [
    figure.scope,
    dimensionName(figure.dimension),
    figure.label,
    figure.value.replace(/^(\d+)\.(\d+)$/, `$1${decimal}$2`),
  ])
  return csvDocument([header, ...rows], separator)
}

const contentTypes: Record<WelfareExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

interface ExportOptions {
  styleNonce?: string
  csvLayout: CsvLayout
}

const renderers: Record<
  WelfareExportFormat,
  (document: WelfareReportDocument, locale: Locale, options: ExportOptions) => string
> = {
  md: (document, locale) => welfareReportMarkdown(document, locale),
  html: (document, locale, { styleNonce }) => welfareReportHtml(document, locale, styleNonce),
  csv: (document, locale, { csvLayout }) => welfareReportCsv(document, locale, csvLayout),
}

/**
 * The export as a file; not cached, since it changes whenever the coordinator edits the report. The printable HTML
 * opens in the browser, ready to print; the others download.
 */
export function welfareExportResponse(
  document: WelfareReportDocument,
  format: WelfareExportFormat,
  locale: Locale,
  options: ExportOptions = { csvLayout: 'spreadsheet' },
): Response {
  const filename = exportFilename(document, format)
  const disposition = format === 'html' ? 'inline' : 'attachment'
  return new Response(renderers[format](document, locale, options), {
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `${disposition}; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}

/** The three export routes: any member of the organisation may download what they may read on the page. */
export async function welfareExportLoader(
  { request, params, context }: LoaderFunctionArgs,
  format: WelfareExportFormat,
) {
  const user = await requireUser(request)
  const welfareReportId = requireUuid(params.welfareReportId)
  const document = await getWelfareReport(user, welfareReportId)
  if (!document) throw data({ code: 'not_found' }, { status: 404 })
  const exported = { type: 'welfare_report', id: welfareReportId } as const
  await recordRead(user, request, { action: 'welfare_report.exported', target: exported })
  // `?layout=data` is the same figures for programs: English headers, commas and decimal points.
  const csvLayout = new URL(request.url).searchParams.get('layout') === 'data' ? 'data' : 'spreadsheet'
  return welfareExportResponse(document, format, user.locale, { styleNonce: context.cspNonce, csvLayout })
}
