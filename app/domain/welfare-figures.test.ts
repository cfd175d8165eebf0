import { describe, expect, test } from 'vitest'
import { getTranslate } from '#app/utils/i18n.ts'
import { type PublicStatistics } from './statistics.ts'
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
