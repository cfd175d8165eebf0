import { formatCount, type PublicCount, shownCount } from '#app/domain/statistics.ts'
import { type Locale } from '#app/utils/i18n.ts'

export interface BarChartRow {
  key: string
  label: string
  /** Null is a count below the threshold: drawn as a hatched stub and labelled "<5", never as its size. */
  count: PublicCount
}

// Colours checked against white: bars 9.6:1, text 17:1, the hatched stub's outline 9.6:1 (WCAG 1.4.11 asks 3:1).
const barColour = '#174a7c'
const textColour = '#0f172a'
const gridColour = '#94a3b8'

// The chart is drawn at this width and scales with its box; 14 units of text stay legible at a phone's width.
const width = 400
const valueSpace = 56
const barMax = width - valueSpace
const fontSize = 14
const lineHeight = 18
const barHeight = 16
const rowGap = 12
const labelChars = 46
/** The same for every suppressed or withheld count, so its width says nothing about the number it hides. */
const stubWidth = 24

/** Splits a long label into lines at spaces, so a § 11 category's full name fits above its bar. */
function wrapLabel(label: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > labelChars) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}

/**
 * A horizontal bar chart drawn on the server as SVG, with the same figures in a data table beside it: the table
 * is what screen readers, copying and printing rely on; the picture is for seeing proportions at a glance.
 */
export function BarChart({
  id,
  title,
  rows,
  threshold,
  locale,
  labelHeader,
  countHeader,
  emptyText,
  headingLevel = 3,
}: {
  /** Unique on the page; the SVG's title, description and pattern take their ids from it. */
  id: string
  title: string
  rows: BarChartRow[]
  threshold: number
  locale: Locale
  labelHeader: string
  countHeader: string
  emptyText: string
  headingLevel?: 2 | 3 | 4
}) {
  const Heading = `h${headingLevel}` as const
  const headingId = `${id}-heading`
  if (rows.length === 0) {
    return (
      <section aria-labelledby={headingId} className="figure grid content-start gap-2">
        <Heading id={headingId} className="text-lg font-bold text-brand-900">
          {title}
        </Heading>
        <p className="figure-empty text-slate-700">{emptyText}</p>
      </section>
    )
  }
  const largest = Math.max(threshold, ...rows.map((row) => shownCount(row.count) ?? 0))
  const layout = rows.map((row) => ({ ...row, lines: wrapLabel(row.label) }))
  let y = 0
  const placed = layout.map((row) => {
    const top = y
    y += row.lines.length * lineHeight + 4 + barHeight + rowGap
    return { ...row, top }
  })
  const height = y
  const description = rows.map((row) => `${row.label}: ${formatCount(locale, row.count, threshold)}`).join('; ')
  return (
    <section aria-labelledby={headingId} className="figure grid content-start gap-3">
      <Heading id={headingId} className="text-lg font-bold text-brand-900">
        {title}
      </Heading>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        className="h-auto max-w-[30rem]"
        fontFamily="'Source Sans 3', 'Segoe UI', system-ui, sans-serif"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={barColour} strokeWidth="2" />
          </pattern>
        </defs>
        <line x1="0.5" y1="0" x2="0.5" y2={height - rowGap} stroke={gridColour} strokeWidth="1" />
        {placed.map((row) => {
          const barTop = row.top + row.lines.length * lineHeight + 4
          const value = shownCount(row.count)
          const barWidth = value === null ? stubWidth : Math.max(2, (barMax * value) / largest)
          return (
            <g key={row.key}>
              <text x="4" y={row.top + fontSize} fontSize={fontSize} fill={textColour}>
                {row.lines.map((line, index) => (
                  <tspan key={index} x="4" dy={index === 0 ? 0 : lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
              {value === null ? (
                <rect
                  x="1"
                  y={barTop}
                  width={barWidth}
                  height={barHeight}
                  fill={`url(#${id}-hatch)`}
                  stroke={barColour}
                  strokeWidth="1.5"
                  strokeDasharray="3 2"
                />
              ) : (
                <rect x="1" y={barTop} width={barWidth} height={barHeight} fill={barColour} />
              )}
              <text x={barWidth + 8} y={barTop + barHeight - 3} fontSize={fontSize} fontWeight="700" fill={textColour}>
                {formatCount(locale, row.count, threshold)}
              </text>
            </g>
          )
        })}
      </svg>
      <div className="figure-table overflow-x-auto">
        <table className="w-full max-w-xl text-left text-sm">
          {/* The heading above already shows the title; the caption names the table for screen readers. */}
          <caption className="sr-only">{title}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">
                {labelHeader}
              </th>
              <th scope="col" className="p-2 text-right">
                {countHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {row.label}
                </th>
                <td className="p-2 text-right tabular-nums">{formatCount(locale, row.count, threshold)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
