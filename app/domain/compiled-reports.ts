import { hasAnyRole, type Role } from './roles.ts'

/** A compiled report's stages, in order; each moves only to the next (ADR 037). */
export const compiledReportStages = ['draft', 'comment_round', 'approved', 'published', 'sent'] as const
export type CompiledReportStage = (typeof compiledReportStages)[number]

export function nextStage(stage: CompiledReportStage): CompiledReportStage | null {
  return compiledReportStages[compiledReportStages.indexOf(stage) + 1] ?? null
}

/** The narrative, phenomena and indicators change only before approval. */
export function isEditableStage(stage: CompiledReportStage): boolean {
  return stage === 'draft' || stage === 'comment_round'
}

/** Coordinators compile reports; members of a working group do too (checked against recipient_members). */
export const compiledReportEditorRoles = ['coordinator'] as const satisfies readonly Role[]

export function isCompiledReportCoordinator(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, compiledReportEditorRoles)
}

/** One row of an indicator CSV file as read, before it is stored. */
export interface IndicatorRow {
  name: string
  source: string
  area: string
  period: string
  value: string
}

/** A row's problem, named by the message key that says it in the user's language; line 1 is the header. */
export interface IndicatorRowError {
  line: number
  error: IndicatorRowProblem
}

export type IndicatorRowProblem =
  'columns' | 'name' | 'source' | 'area' | 'period' | 'value' | 'duplicate' | 'empty' | 'header'

export const indicatorColumns = ['name', 'source', 'area', 'period', 'value'] as const
export const maxIndicatorRows = 5000

/** YYYY, YYYY-MM or YYYY-Qn (Q1–Q4), the periods the import accepts. */
const periodPattern = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/

/** Splits one CSV line at the separator, honouring double quotes. */
function splitLine(line: string, separator: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index)
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === separator) {
      fields.push(field)
      field = ''
    } else field += char
  }
  fields.push(field)
  return fields.map((value) => value.trim())
}

/**
 * A number as a spreadsheet writes it in Finnish, Swedish or English: a decimal comma or point, spaces as
 * thousands separators. The canonical text ("1234.5"), or null when it is no number.
 */
export function parseIndicatorNumber(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-')
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return null
  return compact.replace(',', '.')
}

/**
 * Reads an indicator CSV file (columns name;source;area;period;value, semicolons or commas): every row checked,
 * every problem named by line. The separator is the header's: a semicolon file may carry decimal commas.
 */
export function parseIndicatorCsv(
  text: string,
): { ok: true; rows: IndicatorRow[] } | { ok: false; errors: IndicatorRowError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop()
  const headerLine = lines[0]
  if (headerLine === undefined || lines.length < 2) return { ok: false, errors: [{ line: 1, error: 'empty' }] }
  const separator = headerLine.includes(';') ? ';' : ','
  const header = splitLine(headerLine, separator).map((column) => column.toLowerCase())
  if (header.join(',') !== indicatorColumns.join(',')) return { ok: false, errors: [{ line: 1, error: 'header' }] }
  const rows: IndicatorRow[] = []
  const errors: IndicatorRowError[] = []
  const seen = new Set<string>()
  lines.slice(1, maxIndicatorRows + 1).forEach((raw, index) => {
    const line = index + 2
    if (raw.trim() === '') return
    const fields = splitLine(raw, separator)
    if (fields.length !== indicatorColumns.length) return errors.push({ line, error: 'columns' })
    const [name = '', source = '', area = '', period = '', value = ''] = fields
    const problem: IndicatorRowProblem | null =
      name === '' || name.length > 200
        ? 'name'
        : source === '' || source.length > 200
          ? 'source'
          : area === '' || area.length > 100
            ? 'area'
            : !periodPattern.test(period)
              ? 'period'
              : parseIndicatorNumber(value) === null
                ? 'value'
                : seen.has(`${name}\u0000${area}\u0000${period}`)
                  ? 'duplicate'
                  : null
    if (problem) return errors.push({ line, error: problem })
    seen.add(`${name}\u0000${area}\u0000${period}`)
    rows.push({ name, source, area, period, value: parseIndicatorNumber(value) ?? value })
  })
  if (lines.length - 1 > maxIndicatorRows) errors.push({ line: maxIndicatorRows + 2, error: 'columns' })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows }
}

/** Rows grouped into series by name (and the source the first row of that name gives). */
export function groupIndicatorRows(rows: readonly IndicatorRow[]) {
  const series = new Map<string, { name: string; source: string; values: Omit<IndicatorRow, 'name' | 'source'>[] }>()
  for (const row of rows) {
    const entry = series.get(row.name) ?? { name: row.name, source: row.source, values: [] }
    entry.values.push({ area: row.area, period: row.period, value: row.value })
    series.set(row.name, entry)
  }
  return [...series.values()]
}

/** The month or quarter a date falls in, as the time series shows it. */
export function periodOf(date: Date, granularity: 'month' | 'quarter'): string {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + 1
  return granularity === 'month'
    ? `${year}-${String(month).padStart(2, '0')}`
    : `${year}-Q${Math.floor((month - 1) / 3) + 1}`
}
