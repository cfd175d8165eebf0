/** The field separator: a comma for programs; a semicolon where the spreadsheet's decimal mark is a comma. */
export type CsvSeparator = ',' | ';'

/** One CSV field: quoted when it must be, and never read by a spreadsheet as a formula. */
export function csvField(value: string, separator: CsvSeparator = ','): string {
  // A leading =, +, - or @ would make a spreadsheet run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?$/.test(value) ? `'${value}` : value
  const needsQuotes = safe.includes('"') || safe.includes('\n') || safe.includes('\r') || safe.includes(separator)
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Rows as a CSV file; the byte order mark makes Excel read it as UTF-8, so ä and ö survive. */
export function csvDocument(rows: readonly (readonly string[])[], separator: CsvSeparator = ','): string {
  return (
    '\uFEFF' + rows.map((row) => row.map((field) => csvField(field, separator)).join(separator)).join('\r\n') + '\r\n'
  )
}

/**
 * How a spreadsheet in this language reads a CSV file: Finnish and Swedish Excel split fields at semicolons and
 * read a decimal comma; English Excel splits at commas and reads a decimal point.
 */
export function spreadsheetConvention(language: 'fi' | 'sv' | 'en'): { separator: CsvSeparator; decimal: ',' | '.' } {
  return language === 'en' ? { separator: ',', decimal: '.' } : { separator: ';', decimal: ',' }
}
