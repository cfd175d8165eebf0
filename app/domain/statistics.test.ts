import { describe, expect, test } from 'vitest'
import {
  formatCount,
  type ReportStatistics,
  sortCountRows,
  StatisticsFilterSchema,
  suppressCount,
  suppressPartition,
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
    // 40 − 36 would give the 4 away.
    expect(shown.negative).toBe('withheld')
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

  test.each([
    ['nothing small: all shown', [8, 9, 8], [8, 9, 8]],
    [
      'one small group takes shown ones with it until they are no longer pinned',
      [8, 9, 7, 2],
      ['withheld', 9, 'withheld', null],
    ],
    ['a withheld 5 beside a 1 would be exact: one more is withheld', [1, 5, 20], [null, 'withheld', 'withheld']],
    [
      'the same with more groups, until the hidden ones leave room',
      [8, 9, 5, 1],
      ['withheld', 'withheld', 'withheld', null],
    ],
    [
      'two small groups that sum to less than the threshold take one more',
      [30, 2, 1, 12],
      [30, null, null, 'withheld'],
    ],
    ['two small groups that hold the threshold together are enough', [30, 3, 4, 12], [30, null, null, 12]],
    ['a pair: the other one is withheld', [4, 36], [null, 'withheld']],
    ['a large group is enough on its own', [2, 30, 40], [null, 'withheld', 40]],
    ['everything small stays "<5"', [1, 2], [null, null]],
  ] as const)('partitions: %s', (_, counts, expected) => {
    expect(suppressPartition(counts, 5)).toEqual(expected)
  })

  test('municipalities and quarters are partitions; overlapping groups such as categories are not', () => {
    const shown = suppressStatistics(
      {
        ...statistics,
        byDimension: {
          ...statistics.byDimension,
          municipality: [
            { key: 'Vaasa', count: 20 },
            { key: 'Närpiö', count: 17 },
            { key: null, count: 3 },
          ],
          quarter: [
            { key: '2026-Q1', count: 38 },
            { key: '2026-Q2', count: 2 },
          ],
        },
      },
      5,
    )
    expect(shown.byDimension.municipality.map((row) => row.count)).toEqual([20, 'withheld', null])
    expect(shown.byDimension.quarter.map((row) => row.count)).toEqual(['withheld', null])
    expect(shown.byDimension.category.map((row) => row.count)).toEqual([12, null])
  })

  test('a hidden count reads "<threshold" in every language', () => {
    expect(formatCount('fi', null, 5)).toBe('<5')
    expect(formatCount('en', 1234, 5)).toBe('1,234')
    expect(formatCount('fi', null, 10)).toBe('<10')
    expect(formatCount('sv', 'withheld', 5)).toBe('–')
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
