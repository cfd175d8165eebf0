import { describe, expect, test } from 'vitest'
import { type PublicStatistics } from '#app/domain/statistics.ts'
import { type WelfareReportDocument } from '#app/domain/welfare-report.ts'
import {
  exportFilename,
  welfareExportResponse,
  welfareReportCsv,
  welfareReportHtml,
  welfareReportMarkdown,
} from './welfare-export.server.ts'

const figures: PublicStatistics = {
  threshold: 5,
  total: 9,
  positive: null,
  negative: 7,
  withFeedback: null,
  feedbackShare: null,
  medianDaysToFeedback: null,
  byDimension: {
    category: [
      { key: 'housing', count: 6 },
      { key: 'financial', count: null },
    ],
    clientGroup: [],
    ageBand: [],
    gender: [],
    municipality: [{ key: 'Ii | Kuivaniemi', count: 9 }],
    quarter: [{ key: '2025-Q3', count: 9 }],
  },
}

const document: WelfareReportDocument = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Hyvinvointikertomus 2025–2026',
  periodStart: '2025-01-01',
  periodEnd: '2026-12-31',
  introduction: 'Johdanto <script>alert(1)</script> **lihavoituna**.',
  organisationName: 'Pohjois-Savon hyvinvointialue',
  figures,
  sections: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      position: 1,
      version: '2026-01-01T10:00:00.000Z',
      title: '=HYPERLINK("http://example.org")',
      category: 'housing',
      body: '<img src=x onerror=alert(1)> Teksti.',
      figures,
      phenomena: [],
      reports: [],
    },
  ],
  updatedAt: '2026-01-10T10:00:00.000Z',
}

describe('welfare report exports', () => {
  test('a file name from the title and period in plain letters', () => {
    expect(exportFilename(document, 'md')).toBe('hyvinvointikertomus-2025-2026-2025-01-01_2026-12-31.md')
    expect(exportFilename({ ...document, title: 'Hyvinvointikertomus 2025', periodEnd: '2025-12-31' }, 'csv')).toBe(
      'hyvinvointikertomus-2025.csv',
    )
    expect(exportFilename({ ...document, title: 'Äänestäjät ja päättäjät', periodEnd: '2025-12-31' }, 'html')).toBe(
      'aanestajat-ja-paattajat-2025.html',
    )
  })

  test('the HTML export is a standalone document without scripts, whatever the Markdown held', () => {
    const html = welfareReportHtml(document, 'sv')
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv">')).toBe(true)
    expect(html).not.toMatch(/<script|onerror/i)
    expect(html).toContain('<strong>lihavoituna</strong>')
    expect(html).toContain('Enligt stödbehov')
    expect(html).toMatch(/<caption[^>]*>Enligt stödbehov \(socialvårdslagen 11 §\)<\/caption>/)
  })

  test('the HTML export styles only through its own style sheet, which carries the response’s CSP nonce', () => {
    const html = welfareReportHtml(document, 'fi', 'bm9uY2U=')
    expect(html).toContain('<style nonce="bm9uY2U=">')
    expect(html).toContain('<svg')
    expect(html).not.toMatch(/\sstyle=/)
  })

  test('Markdown tables stay tables when a label holds a pipe', () => {
    const markdown = welfareReportMarkdown(document, 'fi')
    expect(markdown).toContain('| Ii \\| Kuivaniemi | 9 |')
    expect(markdown).toContain('| Taloudellinen tuki | <5 |')
  })

  test('CSV quotes what needs quoting and never lets a spreadsheet run a formula', () => {
    const csv = welfareReportCsv(document, 'en')
    expect(csv.startsWith('\uFEFFscope,dimension,key,label,count\r\n')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://example.org"")",category,housing,Housing,6\r\n`)
    expect(csv).toContain('Whole report,category,financial,Financial support,<5\r\n')
    expect(csv).toContain('Whole report,summary,feedbackShare,Share with feedback,\r\n')
  })

  test('a download with its content type and an attachment name', async () => {
    const response = welfareExportResponse(document, 'html', 'fi')
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="${exportFilename(document, 'html')}"; filename*=UTF-8''${exportFilename(document, 'html')}`,
    )
  })
})
