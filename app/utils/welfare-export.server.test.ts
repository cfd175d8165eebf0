import { describe, expect, test } from 'vitest'
import { type PublicStatistics } from '#app/domain/statistics.ts'
import { type ChainFollowUp, type FollowThroughChain } from '#app/domain/follow-through-chain.ts'
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

const noChain: FollowThroughChain = { reported: { kind: 'report', submittedAt: null }, routes: [], followUps: [] }

const overdueFollowUp: ChainFollowUp = {
  id: '00000000-0000-4000-8000-000000000010',
  title: 'Selvitys omaishoidon sijaishoidosta',
  responsibleUnit: 'Johtoryhmä',
  responsiblePerson: 'Pirjo Palvelualuejohtaja',
  decidedOn: '2025-02-10',
  targetDate: '2025-06-30',
  status: 'in_progress',
  statusReason: null,
  progress: 40,
  overdue: true,
  latestUpdate: { at: '2025-05-02T10:00:00.000Z', text: 'Kyselyt kunnille lähetetty.' },
}

const document: WelfareReportDocument = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Hyvinvointikertomus 2025–2026',
  periodStart: '2025-01-01',
  periodEnd: '2026-12-31',
  introduction: 'Johdanto <script>alert(1)</script> **lihavoituna**.',
  organisationName: 'Pohjois-Savon hyvinvointialue',
  organisationNameSv: null,
  places: [{ name: 'Kuopio', name_sv: null }],
  figures,
  followUpFigures: { threshold: 5, done: 6, inProgress: null, overdue: null },
  sections: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      position: 1,
      kind: 'text',
      version: '2026-01-01T10:00:00.000Z',
      title: '=HYPERLINK("http://example.org")',
      category: 'housing',
      body: '<img src=x onerror=alert(1)> Teksti.',
      figures,
      phenomena: [],
      reports: [
        {
          id: '00000000-0000-4000-8000-000000000004',
          title: 'Omaishoitajat jäävät ilman sijaista',
          status: 'in_welfare_report',
          actions: [],
          decisions: [],
          chain: {
            ...noChain,
            routes: [
              {
                id: '00000000-0000-4000-8000-000000000005',
                recipient: { name: 'Kela', nameSv: 'FPA', kind: 'partner' },
                via: null,
                sentAt: '2025-03-01T10:00:00.000Z',
                state: 'answered',
                coveringNote: 'Saate vain sovelluksessa',
                onAgendaOf: null,
                answer: { text: 'Kela selvittää asiaa.', by: 'Kaarina Kela', at: '2025-03-20T10:00:00.000Z' },
                returned: null,
                decision: null,
              },
            ],
          },
        },
      ],
      followUps: [],
    },
    {
      id: '00000000-0000-4000-8000-000000000003',
      position: 2,
      kind: 'what_was_done',
      version: '2026-01-01T10:00:00.000Z',
      title: 'Mitä tehtiin',
      category: null,
      body: '',
      figures,
      phenomena: [],
      reports: [],
      followUps: [overdueFollowUp],
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

  test('every export says it is the county’s social reporting contribution, named in the reader’s language', () => {
    const bilingual = {
      ...document,
      organisationName: 'Pohjanmaan hyvinvointialue',
      organisationNameSv: 'Österbottens välfärdsområde',
    }
    expect(welfareReportMarkdown(bilingual, 'fi')).toContain(
      'Pohjanmaan hyvinvointialue: sosiaalisen raportoinnin osuus hyvinvointikertomukseen',
    )
    const swedish = welfareReportHtml(bilingual, 'sv')
    expect(swedish).toContain(
      'Österbottens välfärdsområde: den sociala rapporteringens bidrag till välfärdsberättelsen',
    )
    expect(swedish).not.toContain('Pohjanmaan')
    // Figures by municipality name the place as the reader's language does, in every export.
    const vasa = {
      ...bilingual,
      figures: { ...figures, byDimension: { ...figures.byDimension, municipality: [{ key: 'Vaasa', count: 9 }] } },
      places: [{ name: 'Vaasa', name_sv: 'Vasa' }],
    }
    expect(welfareReportMarkdown(vasa, 'sv')).toContain('| Vasa | 9 |')
    expect(welfareReportCsv(vasa, 'sv', 'data')).toContain(',municipality,Vaasa,Vasa,9')
    expect(welfareReportHtml(vasa, 'sv')).toContain('>Vasa<')
    expect(welfareReportMarkdown(vasa, 'fi')).toContain('| Vaasa | 9 |')
    expect(welfareReportMarkdown(bilingual, 'en')).toContain(
      'Pohjanmaan hyvinvointialue: the social reporting contribution to the welfare report',
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

  test('the data CSV for programs quotes what needs quoting and never lets a spreadsheet run a formula', () => {
    const csv = welfareReportCsv(document, 'en', 'data')
    expect(csv.startsWith('\uFEFFscope,dimension,key,label,count\r\n')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://example.org"")",category,housing,Housing,6\r\n`)
    expect(csv).toContain('Whole report,category,financial,Financial support,<5\r\n')
    expect(csv).toContain('Whole report,summary,feedbackShare,Share with feedback,\r\n')
  })

  test('the spreadsheet CSV opens in Finnish Excel: headers in the language, semicolons, decimal commas', () => {
    const csv = welfareReportCsv({ ...document, figures: { ...document.figures, medianDaysToFeedback: 3.5 } }, 'fi')
    expect(csv.startsWith('\uFEFFOsa;Ryhmittely;Tunnusluku;Arvo\r\n')).toBe(true)
    expect(csv).toContain('Koko kertomus;Tukitarpeen mukaan (sosiaalihuoltolaki 11 §);Taloudellinen tuki;<5\r\n')
    expect(csv).toMatch(/\r\nKoko kertomus;Yhteenveto;[^;\r\n]+;3,5\r\n/)
    // A label holding the separator is quoted, and a formula still cannot run.
    expect(csv).toContain(
      `"'=HYPERLINK(""http://example.org"")";Tukitarpeen mukaan (sosiaalihuoltolaki 11 §);Asuminen;6\r\n`,
    )
    const english = welfareReportCsv(document, 'en')
    expect(english.startsWith('\uFEFFPart,Grouping,Figure,Value\r\n')).toBe(true)
  })

  test('every export tells the follow-ups: the figures small-count suppressed, the period’s list, each entry’s chain', () => {
    const markdown = welfareReportMarkdown(document, 'fi')
    expect(markdown).toContain('### Päätösten seuranta')
    expect(markdown).toContain('| Seurannat valmiina | 6 |')
    expect(markdown).toContain('| Seurannat käynnissä | <5 |')
    expect(markdown).toContain('### Kauden seurattavat tehtävät')
    expect(markdown).toContain(
      '- **Selvitys omaishoidon sijaishoidosta** — Tila: Käynnissä; **Myöhässä: tavoitepäivä 30.6.2025 on ohitettu.**; ' +
        'Vastuussa: Johtoryhmä; Tavoitepäivä: 30.6.2025; Edistyminen: 40 %; Viimeisin tilannetieto 2.5.2025: ' +
        'Kyselyt kunnille lähetetty.',
    )
    expect(markdown).toContain('- Kela _(Yhteistyökumppani)_ — Lähetetty 1.3.2025, Vastattu — Vastaus: Kaarina Kela')
    // A public document names the responsible body, not the person, and leaves the covering note in the app.
    for (const text of [markdown, welfareReportHtml(document, 'fi')]) {
      expect(text).not.toContain('Pirjo Palvelualuejohtaja')
      expect(text).not.toContain('Saate vain sovelluksessa')
    }
    const html = welfareReportHtml(document, 'en')
    expect(html).toContain('Overdue: the target date 30 Jun 2025 has passed.')
    expect(html).toContain('Follow-ups in progress')

    const csv = welfareReportCsv(document, 'en', 'data')
    expect(csv).toContain('Whole report,followUps,done,Follow-ups done,6\r\n')
    expect(csv).toContain('Whole report,followUps,overdue,Follow-ups overdue,<5\r\n')
  })

  test('the printable HTML opens in the browser; the others download, each with its content type and name', async () => {
    const html = welfareExportResponse(document, 'html', 'fi')
    expect(html.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('Content-Disposition')).toBe(
      `inline; filename="${exportFilename(document, 'html')}"; filename*=UTF-8''${exportFilename(document, 'html')}`,
    )
    const csv = welfareExportResponse(document, 'csv', 'fi')
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; /)
  })
})
