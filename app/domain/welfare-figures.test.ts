import { describe, expect, test } from 'vitest'
import { getTranslate } from '#app/utils/i18n.ts'
import { type PublicStatistics, type ReportStatistics, suppressStatistics } from './statistics.ts'
import { figureLabel, flattenFigures, formatSummaryFigure, summaryFigures } from './welfare-figures.ts'

const fi = getTranslate('fi')

const figures: PublicStatistics = {
  threshold: 5,
  total: 12,
  positive: null,
  negative: 9,
  withFeedback: 6,
  feedbackShare: 50,
  medianDaysToFeedback: null,
  byDimension: {
    category: [
      { key: 'housing', count: 7 },
      { key: 'violence', count: null },
    ],
    clientGroup: [],
    ageBand: [{ key: '65+', count: 5 }],
    gender: [],
    municipality: [
      { key: 'Kuopio', count: 8 },
      { key: null, count: null },
    ],
    quarter: [{ key: '2026-Q1', count: 12 }],
  },
}

const reportStatistics: ReportStatistics = {
  total: 40,
  positive: 4,
  negative: 36,
  withFeedback: 30,
  medianDaysToFeedback: 6.5,
  byDimension: { category: [], clientGroup: [], ageBand: [], gender: [], municipality: [], quarter: [] },
}

describe('figure labels', () => {
  test('codes, municipalities and quarters read in the user language', () => {
    expect(figureLabel(fi, 'category', 'housing')).toBe('Asuminen')
    expect(figureLabel(getTranslate('sv'), 'gender', 'women')).toBe('Kvinnor')
    expect(figureLabel(fi, 'municipality', 'Kuopio')).toBe('Kuopio')
    expect(figureLabel(fi, 'municipality', null)).toBe('Koko alue')
    expect(figureLabel(fi, 'quarter', '2026-Q1')).toBe('1. neljännes 2026')
    expect(figureLabel(getTranslate('en'), 'quarter', '2026-Q4')).toBe('Q4 2026')
    // A code no catalog knows (an old one) is shown as stored rather than failing the page.
    expect(figureLabel(fi, 'clientGroup', 'students')).toBe('students')
  })

  test('summary figures: suppressed counts read "<5", withheld shares and medians "–"', () => {
    const shown = summaryFigures(figures).map((figure) => formatSummaryFigure('fi', figure, 5))
    expect(shown).toEqual(['12', '<5', '9', '6', '50 %', '–'])
  })

  test('few good practices leave the total and the problems, the headline, on the page', () => {
    // 4 good practices among 40 reports: problems cannot be shown exactly (40 − 36 would give the 4 away), but the
    // reader sees the range they already know rather than a blank.
    const suppressed = suppressStatistics({ ...reportStatistics, total: 40, positive: 4, negative: 36 }, 5)
    const shown = summaryFigures(suppressed).map((figure) => formatSummaryFigure('fi', figure, 5))
    expect(shown.slice(0, 3)).toEqual(['40', '<5', '36–40'])
    const csv = flattenFigures(fi, suppressed).filter((row) => row.dimension === 'summary')
    expect(csv.find((row) => row.key === 'negative')!.value).toBe('36–40')
    // The range is what the total and "<5" already tell: it is the same whatever the small count is.
    const none = suppressStatistics({ ...reportStatistics, total: 40, positive: 0, negative: 40 }, 5)
    expect(summaryFigures(none).map((figure) => formatSummaryFigure('fi', figure, 5))).toEqual(shown)
    // Few problems among many good practices: problems read "<5" and nothing reveals them.
    const fewProblems = suppressStatistics({ ...reportStatistics, total: 40, positive: 37, negative: 3 }, 5)
    expect(
      summaryFigures(fewProblems)
        .map((figure) => formatSummaryFigure('fi', figure, 5))
        .slice(0, 3),
    ).toEqual(['40', '36–40', '<5'])
  })
})

describe('flattened figures for the CSV', () => {
  test('every figure once, "<5" for a suppressed count, empty for a withheld median', () => {
    const rows = flattenFigures(fi, figures)
    expect(rows.slice(0, 6).map((row) => [row.key, row.value])).toEqual([
      ['total', '12'],
      ['positive', '<5'],
      ['negative', '9'],
      ['withFeedback', '6'],
      ['feedbackShare', '50'],
      ['medianDaysToFeedback', ''],
    ])
    expect(rows.slice(6)).toEqual([
      { dimension: 'category', key: 'housing', label: 'Asuminen', value: '7' },
      {
        dimension: 'category',
        key: 'violence',
        label: 'Lähisuhde- ja perheväkivalta, muu väkivalta ja kaltoinkohtelu',
        value: '<5',
      },
      { dimension: 'ageBand', key: '65+', label: '65 ja yli', value: '5' },
      { dimension: 'municipality', key: 'Kuopio', label: 'Kuopio', value: '8' },
      { dimension: 'municipality', key: '', label: 'Koko alue', value: '<5' },
      { dimension: 'quarter', key: '2026-Q1', label: '1. neljännes 2026', value: '12' },
    ])
  })
})
