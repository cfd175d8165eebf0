import { describe, expect, test } from 'vitest'
import {
  cellKeyModulus,
  type KeyedStatistics,
  maxNoise,
  noiseOf,
  perturbCount,
  perturbStatistics,
  publishCount,
  publishedPeriod,
  statisticsTeamScope,
} from './disclosure-control.ts'

/** Many cell keys spread over the whole range, as sums of random report keys are. */
const cellKeys = Array.from({ length: 2000 }, (_, index) => Math.floor((index * 2654435761) % cellKeyModulus))

describe('cell-key perturbation', () => {
  test('the same cell always gets the same noise, and the noise stays within ±2', () => {
    for (const cellKey of cellKeys) {
      const noise = noiseOf(17, cellKey)
      expect(noiseOf(17, cellKey)).toBe(noise)
      expect(Math.abs(noise)).toBeLessThanOrEqual(maxNoise)
    }
  })

  test('every noise from −2 to +2 occurs, zero most often', () => {
    const tally = new Map<number, number>()
    for (const cellKey of cellKeys) tally.set(noiseOf(40, cellKey), (tally.get(noiseOf(40, cellKey)) ?? 0) + 1)
    expect([...tally.keys()].sort()).toEqual([-1, -2, 0, 1, 2])
    const zero = tally.get(0)!
    for (const noise of [-2, -1, 1, 2]) expect(tally.get(noise)!).toBeLessThan(zero)
  })

  test('a perturbed count is never negative, and zero stays zero', () => {
    for (const cellKey of cellKeys) {
      for (const count of [0, 1, 2, 3]) expect(perturbCount(count, cellKey)).toBeGreaterThanOrEqual(0)
      expect(perturbCount(0, cellKey)).toBe(0)
    }
  })

  test('every count below the threshold reads as suppressed, and one near it may be too', () => {
    for (const cellKey of cellKeys) {
      for (const count of [0, 1, 2, 3, 4]) expect(publishCount(count, cellKey, 5)).toBeNull()
      for (const count of [5, 6, 7]) {
        const shown = publishCount(count, cellKey, 5)
        if (shown !== null) expect(shown).toBeGreaterThanOrEqual(5)
      }
    }
    const fives = cellKeys.map((cellKey) => publishCount(5, cellKey, 5))
    expect(fives).toContain(null)
    expect(fives).toContain(7)
  })

  test('a large count shown is the true one give or take two', () => {
    const shown = cellKeys.map((cellKey) => publishCount(36, cellKey, 5) as number)
    expect(Math.min(...shown)).toBe(34)
    expect(Math.max(...shown)).toBe(38)
  })
})

describe('perturbed figures', () => {
  const statistics: KeyedStatistics = {
    total: 40,
    positive: 3,
    negative: 37,
    withFeedback: 30,
    medianDaysToFeedback: 6.5,
    cellKeys: { total: 1234567, positive: 987, negative: 1233580, withFeedback: 55555 },
    byDimension: {
      category: [
        { key: 'housing', count: 12, cellKey: 77 },
        { key: 'violence', count: 1, cellKey: 3 },
      ],
      clientGroup: [],
      ageBand: [],
      gender: [],
      municipality: [{ key: 'Kuopio', count: 40, cellKey: 1234567 }],
      quarter: [],
    },
  }

  test('every count is its cell’s perturbed count; the share is worked out from the perturbed ones', () => {
    const shown = perturbStatistics(statistics, 5)
    const total = perturbCount(40, 1234567)
    const withFeedback = perturbCount(30, 55555)
    expect(shown.total).toBe(total)
    expect(shown.negative).toBe(perturbCount(37, 1233580))
    expect(shown.positive).toBeNull()
    expect(shown.withFeedback).toBe(withFeedback)
    expect(shown.feedbackShare).toBe(Math.round((withFeedback / total) * 1000) / 10)
    expect(shown.medianDaysToFeedback).toBe(6.5)
    expect(shown.byDimension.category).toEqual([
      { key: 'housing', count: perturbCount(12, 77) },
      { key: 'violence', count: null },
    ])
    // The same reports make the same cell: the one municipality's count is the total, not a second draw.
    expect(shown.byDimension.municipality).toEqual([{ key: 'Kuopio', count: total }])
  })

  test('few waits leave the median and the share out', () => {
    const few = perturbStatistics({ ...statistics, withFeedback: 2 }, 5)
    expect(few.withFeedback).toBeNull()
    expect(few.feedbackShare).toBeNull()
    expect(few.medianDaysToFeedback).toBeNull()
  })
})

test('a period is widened to its calendar quarter or year; one spanning years is not published', () => {
  const period = (from: string, to: string) => publishedPeriod({ from, to, category: null, municipalityId: null })
  expect(period('2025-03-17', '2025-03-18')).toMatchObject({ from: '2025-01-01', to: '2025-03-31' })
  expect(period('2025-04-01', '2025-06-30')).toMatchObject({ from: '2025-04-01', to: '2025-06-30' })
  expect(period('2025-08-02', '2025-09-09')).toMatchObject({ from: '2025-07-01', to: '2025-09-30' })
  expect(period('2025-12-31', '2025-12-31')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' })
  expect(period('2025-03-31', '2025-04-01')).toMatchObject({ from: '2025-01-01', to: '2025-12-31' })
  expect(period('2024-12-31', '2025-01-01')).toBeNull()
})

test('workers and team leads count their own teams only; coordinators, committee members and admins all', () => {
  const teams = [{ id: 'team-a' }, { id: 'team-b' }]
  expect(statisticsTeamScope({ roles: ['worker'], teams })).toEqual(['team-a', 'team-b'])
  expect(statisticsTeamScope({ roles: ['team_lead'], teams: [] })).toEqual([])
  for (const role of ['coordinator', 'committee_member', 'admin'] as const) {
    expect(statisticsTeamScope({ roles: ['worker', role], teams })).toBeNull()
  }
})
