/** One figure the bench holds to a goal: what was measured, the limit, their ratio, and whether the goal is met. */
export interface Figure {
  name: string
  measured: number
  limit: number
  unit: string
  /** Throughput must reach its limit; times must stay under theirs. */
  atLeast: boolean
  /** Where the limit comes from, when it is not a fixed number. */
  limitFrom?: string
}

export function figureLine({ name, measured, limit, unit, atLeast, limitFrom }: Figure): string {
  const met = atLeast ? measured >= limit : measured <= limit
  const number = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 0 })
  const from = limitFrom ? ` (${limitFrom})` : ''
  return `${name}: measured ${number(measured)} ${unit}, limit ${atLeast ? '≥' : '≤'} ${number(limit)} ${unit}${from}, ratio ${(measured / limit).toFixed(2)}×, goal ${met ? 'met' : 'NOT met'}`
}
