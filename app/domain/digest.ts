const helsinkiDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day (YYYY-MM-DD) in Finland at the given moment. */
export function helsinkiDay(moment: Date): string {
  return helsinkiDayFormat.format(moment)
}

/** The Finnish calendar day before the one the moment falls on: the day a morning digest reports. */
export function previousHelsinkiDay(moment: Date): string {
  const [year, month, day] = helsinkiDay(moment).split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10)
}
