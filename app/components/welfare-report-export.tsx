import { displayName } from '#app/domain/display-name.ts'
import { type WelfareReportDocument, welfareContributionLine } from '#app/domain/welfare-report.ts'
import { type Locale, type Translate } from '#app/utils/i18n.ts'
import { formatPeriod, type WelfareHtml, WelfareReportView } from './welfare-report-view.tsx'

// Plain CSS for the exported file, which has no Tailwind: the view's element and class names are styled here.
const exportStyles = `
*, *::before, *::after { box-sizing: border-box; }
h1, h2, h3, h4 { overflow-wrap: break-word; hyphens: auto; }
html { font-family: 'Source Sans 3', 'Segoe UI', system-ui, -apple-system, Arial, sans-serif; color: #0f172a; background: #ffffff; line-height: 1.5; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; color: #0b2946; }
h2 { font-size: 1.5rem; margin: 0 0 0.75rem; color: #0b2946; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; color: #0b2946; }
h4 { font-size: 1.05rem; margin: 0.75rem 0 0.25rem; }
h5 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
p { margin: 0.5rem 0; }
/* A decision's own text goes on its own line under the decision, as on the page. */
.block { display: block; }
.whitespace-pre-line { white-space: pre-line; }
a { color: #174a7c; }
.meta { color: #334155; margin: 0 0 2rem; }
.welfare-report > * + * { margin-top: 2.5rem; }
.report-section { border-top: 2px solid #cbd5e1; padding-top: 1.5rem; }
.section-category, .stat-note, .figure-empty { color: #334155; }
.stat-summary { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.75rem; margin: 0 0 0.75rem; }
.stat { border: 1px solid #94a3b8; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0; }
.stat dt { font-size: 0.9rem; color: #334155; }
.stat dd { margin: 0; font-size: 1.5rem; font-weight: 700; color: #0b2946; font-variant-numeric: tabular-nums; }
.figure-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 2rem; margin-top: 1rem; }
.figure { break-inside: avoid; }
.figure svg { display: block; margin: 0.5rem 0; max-width: 30rem; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
th, td { border: 1px solid #cbd5e1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #f1f5f9; }
thead th:last-child { text-align: right; }
tbody th { font-weight: 400; }
.phenomenon, .report-entry { border: 1px solid #cbd5e1; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; break-inside: avoid; }
.report-entry { list-style: none; }
ul.grid { padding: 0; }
ul { padding-left: 1.5rem; }
blockquote { border-left: 4px solid #cbd5e1; margin: 0.5rem 0; padding-left: 0.75rem; color: #334155; }
code { background: #f1f5f9; padding: 0 0.25rem; border-radius: 3px; }
.follow-up-figures .stat-summary { margin-top: 0.5rem; }
.follow-through-chain { list-style: none; margin: 0.75rem 0 0; padding: 0 0 0 0.75rem; border-left: 4px solid #d6e6f5; }
.follow-through-chain > li + li { margin-top: 0.75rem; }
.follow-through-chain h5, .follow-through-chain h6 { margin: 0.25rem 0; font-size: 1rem; }
.follow-through-chain ul, ul.follow-up-list { list-style: none; padding: 0; margin: 0.5rem 0 0; }
.chain-route, .chain-follow-up { border: 1px solid #cbd5e1; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0 0 0.5rem; break-inside: avoid; }
.chain-follow-up.overdue { border-left: 8px solid #b91c1c; }
.chain-overdue { color: #991b1b; font-weight: 700; }
.chain-reply { border-left: 4px solid #15803d; background: #f0fdf4; padding: 0.25rem 0.5rem; margin-top: 0.5rem; }
.chain-follow-up dl { display: grid; grid-template-columns: auto minmax(0, 1fr); column-gap: 0.75rem; margin: 0.25rem 0; }
.chain-follow-up dd { margin: 0; }
/* A term and its value stand in one grid row, as on the page. */
.contents { display: contents; }
.break-words { overflow-wrap: break-word; }
.chain-route > p:first-child strong, .chain-follow-up dd svg { margin-right: 0.5rem; }
.chain-follow-up dd svg { vertical-align: middle; }
.text-sm { font-size: 0.9rem; }
.font-semibold, .chain-state { font-weight: 600; }
@media (max-width: 40rem) { .figure-grid, .stat-summary { grid-template-columns: minmax(0, 1fr); } }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  .report-section { break-before: page; border-top: none; padding-top: 0; }
  .figure-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .stat-summary { grid-template-columns: repeat(3, minmax(0, 1fr)); }
}
`

/** The welfare report as a standalone document, rendered to static HTML for the export. */
export function WelfareReportExport({
  document,
  html,
  locale,
  t,
  styleNonce,
}: {
  document: WelfareReportDocument
  html: WelfareHtml
  locale: Locale
  t: Translate
  styleNonce?: string
}) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${document.title} – ${displayName(locale, document.organisationName, document.organisationNameSv)}`}</title>
        <style nonce={styleNonce} dangerouslySetInnerHTML={{ __html: exportStyles }} />
      </head>
      <body>
        <header>
          <h1>{document.title}</h1>
          <p className="meta">
            {welfareContributionLine(t, locale, document)} · {formatPeriod(locale, document)}
          </p>
        </header>
        <main>
          <WelfareReportView document={document} html={html} locale={locale} t={t} />
        </main>
      </body>
    </html>
  )
}
