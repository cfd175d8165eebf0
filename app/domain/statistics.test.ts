import { describe, expect, test } from 'vitest'
import {
  formatCount,
  type ReportStatistics,
  sortCountRows,
  StatisticsFilterSchema,
  suppressCount,
  suppressStatistics,
} from './statistics.ts'

const statistics: ReportStatistics = {
  total: 40,
  positive: 4,
  negative: 36,
  withFeedback: 30,
  medianDaysToFeedback: 6.5,
  byDimension: {
    category: [
      { key: 'housing', count: 12 },
      { key: 'violence', count: 1 },
    ],
    clientGroup: [],
    ageBand: [{ key: '18-29', count: 5 }],
    gender: [],
    municipality: [{ key: null, count: 4 }],
    quarter: [{ key: '2026-Q1', count: 40 }],
  },
}

describe('small counts', () => {
  test('every count below the threshold, zero included, is hidden; the threshold itself is shown', () => {
    expect([0, 1, 4, 5, 6].map((count) => suppressCount(count, 5))).toEqual([null, null, null, 5, 6])
    expect(suppressCount(9, 10)).toBeNull()
  })

  test('suppression reaches every figure, including those derived from a small count', () => {
    const shown = suppressStatistics(statistics, 5)
    expect(shown.positive).toBeNull()
    expect(shown.negative).toBe(36)
    expect(shown.byDimension.category).toEqual([
      { key: 'housing', count: 12 },
      { key: 'violence', count: null },
    ])
    expect(shown.byDimension.ageBand).toEqual([{ key: '18-29', count: 5 }])
    expect(shown.byDimension.municipality).toEqual([{ key: null, count: null }])
    expect(shown.feedbackShare).toBe(75)
    expect(shown.medianDaysToFeedback).toBe(6.5)
    const few = suppressStatistics({ ...statistics, withFeedback: 3 }, 5)
    expect(few.withFeedback).toBeNull()
    expect(few.feedbackShare).toBeNull()
    expect(few.medianDaysToFeedback).toBeNull()
  })

  test('a hidden count reads "<threshold" in every language', () => {
    expect(formatCount('fi', null, 5)).toBe('<5')
    expect(formatCount('en', 1234, 5)).toBe('1,234')
    expect(formatCount('fi', null, 10)).toBe('<10')
  })
})

test('rows follow the form order, quarters time order, a missing value last', () => {
  expect(
    sortCountRows('ageBand', [
      { key: '65+', count: 1 },
      { key: '0-17', count: 2 },
    ]).map((row) => row.key),
  ).toEqual(['0-17', '65+'])
  expect(
    sortCountRows('municipality', [
      { key: null, count: 1 },
      { key: 'Ähtäri', count: 1 },
      { key: 'Alavus', count: 1 },
    ]).map((row) => row.key),
  ).toEqual(['Alavus', 'Ähtäri', null])
  expect(
    sortCountRows('quarter', [
      { key: '2026-Q2', count: 1 },
      { key: '2025-Q4', count: 1 },
    ]).map((row) => row.key),
  ).toEqual(['2025-Q4', '2026-Q2'])
})

test('a period whose end comes before its start is refused on the end date', () => {
  const result = StatisticsFilterSchema.safeParse({ from: '2026-02-01', to: '2026-01-01' })
  expect(result.success).toBe(false)
  expect(result.error?.issues[0]).toMatchObject({ path: ['to'], message: 'validation.periodOrder' })
  expect(StatisticsFilterSchema.safeParse({ from: '0000-01-01', to: '2026-12-31' }).error?.issues[0]).toMatchObject({
    path: ['from'],
    message: 'validation.dateYears',
  })
  expect(StatisticsFilterSchema.parse({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
    from: '2026-01-01',
    to: '2026-12-31',
    category: null,
    municipalityId: null,
  })
})
