import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { getPageTitle, pageTitles } from './page-titles.ts'

const routesDir = join(import.meta.dirname, '..', 'routes')
const routeModules = readdirSync(routesDir)
  .filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'))
  .map((name) => ({
    id: `routes/${name.replace(/\.tsx?$/, '')}`,
    // A module without a default export renders no page: an API, an export, an action or a redirect.
    rendersPage: /^export default /m.test(readFileSync(join(routesDir, name), 'utf8')),
  }))

describe('the page titles table', () => {
  test('names every route module that renders a page, and only those', () => {
    expect(routeModules.length).toBeGreaterThan(40)
    const pages = routeModules.filter((route) => route.rendersPage).map((route) => route.id)
    expect(Object.keys(pageTitles).sort()).toEqual(pages.sort())
  })
})

const root = { id: 'root', data: { locale: 'fi' } }

describe('a page title', () => {
  test('names the page first and the app after it, in the user’s language', () => {
    const matches = [root, { id: 'routes/reports._index', data: { view: 'own' } }]
    expect(getPageTitle({ locale: 'fi', matches })).toBe('Omat raportit – Sosiaalinen raportointi')
    expect(getPageTitle({ locale: 'sv', matches })).toBe('Mina rapporter – Social rapportering')
    expect(getPageTitle({ locale: 'en', matches })).toBe('My reports – Social reporting')
    const visible = [root, { id: 'routes/reports._index', data: { view: 'visible' } }]
    expect(getPageTitle({ locale: 'en', matches: visible })).toBe('Reports – Social reporting')
  })

  test('takes a report’s, meeting’s or welfare report’s own title from its loader', () => {
    const report = { id: 'routes/reports.$reportId', data: { report: { title: 'Nuorten ensimmäinen vuokra-asunto' } } }
    expect(getPageTitle({ locale: 'sv', matches: [root, report] })).toBe(
      'Nuorten ensimmäinen vuokra-asunto – Social rapportering',
    )
    const meeting = {
      committee_name: 'Perusturvalautakunta',
      committee_name_sv: 'Grundtrygghetsnämnden',
      starts_at: new Date('2026-03-05T15:00:00Z'),
    }
    expect(
      getPageTitle({ locale: 'fi', matches: [root, { id: 'routes/meetings.$meetingId', data: { meeting } }] }),
    ).toBe('Perusturvalautakunta, 5.3.2026 klo 17.00 – Sosiaalinen raportointi')
    expect(
      getPageTitle({ locale: 'en', matches: [root, { id: 'routes/meetings.$meetingId_.minutes', data: { meeting } }] }),
    ).toBe('Minutes – Perusturvalautakunta, 5 Mar 2026, 17:00 – Social reporting')
    expect(
      getPageTitle({ locale: 'sv', matches: [root, { id: 'routes/meetings.$meetingId_.minutes', data: { meeting } }] }),
    ).toMatch(/Grundtrygghetsnämnden/)
    const welfare = { id: 'routes/welfare-reports.$welfareReportId', data: { document: { title: 'Kertomus 2026' } } }
    expect(getPageTitle({ locale: 'fi', matches: [root, welfare] })).toBe('Kertomus 2026 – Sosiaalinen raportointi')
  })

  test('the deepest match that has a title wins', () => {
    const matches = [root, { id: 'routes/admin', data: {} }, { id: 'routes/admin.users._index', data: {} }]
    expect(getPageTitle({ locale: 'fi', matches })).toBe('Käyttäjät – Sosiaalinen raportointi')
  })

  test('a page whose loader returned nothing falls back to its kind', () => {
    const matches = [root, { id: 'routes/phenomena.$phenomenonId', data: undefined }]
    expect(getPageTitle({ locale: 'fi', matches })).toBe('Ilmiö – Sosiaalinen raportointi')
  })

  test('an error page is titled by its error', () => {
    const matches = [root, { id: 'routes/reports.$reportId', data: undefined }]
    expect(getPageTitle({ locale: 'en', matches, errorTitle: 'error.notFound.title' })).toBe(
      'Page not found – Social reporting',
    )
  })
})
