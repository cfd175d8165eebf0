/** One CSV field: quoted when it must be, and never read by a spreadsheet as a formula. */
export function csvField(value: string): string {
  // A leading =, +, - or @ would make a spreadsheet run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Rows as a CSV file; the byte order mark makes Excel read it as UTF-8, so ä and ö survive. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
