import { type Browser, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { demoAccounts } from '#app/utils/demo.server.ts'
import { demoPhenomena } from '#db/demo-phenomena.ts'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

const baseUrl = inject('e2eBaseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const visible = (locator: Locator) => locator.isVisible()

interface PickedReport {
  id: string
  title: string
  authorEmail: string
}

/**
 * Forwarded demo reports by three different workers, found as the coordinator finds them: in the list of every
 * report, then the author named on each report's page. Only the seed's own reports are taken (their titles come
 * from the demo phenomena), so a report another browser test forwarded is never touched.
 */
async function pickForwardedReports(coordinator: Page): Promise<PickedReport[]> {
  const seedTitle = (title: string) =>
    demoPhenomena.some((phenomenon) => title === phenomenon.title || title.startsWith(`${phenomenon.title} (`))
  const forwarded: { id: string; title: string }[] = []
  for (let pageNumber = 1; pageNumber <= 10; pageNumber++) {
    await coordinator.goto(`/reports?page=${pageNumber}`)
    await expect.poll(() => heading(coordinator)).toBe('Raportit')
    const rows = await coordinator
      .getByRole('table', { name: 'Raportit' })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const link = tr.querySelector('a')!
          return {
            id: link.getAttribute('href')!.replace('/reports/', ''),
            title: link.textContent!.trim(),
            status: tr.querySelectorAll('td')[1]!.textContent!.trim(),
          }
        }),
      )
    forwarded.push(...rows.filter((row) => row.status === 'Viety eteenpäin' && seedTitle(row.title)))
    if (!(await coordinator.getByRole('link', { name: 'Seuraava sivu' }).count())) break
  }
  const picked: PickedReport[] = []
  for (const report of forwarded) {
    await coordinator.goto(`/reports/${report.id}`)
    await expect.poll(() => heading(coordinator)).toBe(report.title)
    const author = (await coordinator
      .locator('dt', { hasText: /^Raportoija$/ })
      .locator('+ dd')
      .textContent())!
    const account = demoAccounts.find((candidate) => candidate.name === author.trim())
    if (!account?.roles.includes('worker') || picked.some((other) => other.authorEmail === account.email)) continue
    picked.push({ ...report, authorEmail: account.email })
    if (picked.length === 3) break
  }
  expect(picked.map((report) => report.authorEmail).sort()).toEqual([
    'palveluohjaaja@demo.example',
    'sosiaaliohjaaja@demo.example',
    'tyontekija@demo.example',
  ])
  return picked
}

/** A CSV export's rows; fields may be quoted, with "" for a quote inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n') {
      row.push(field.replace(/\r$/, ''))
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field || row.length > 0) rows.push([...row, field])
  return rows
}

test(
  'committee work: reports gathered into a phenomenon, decided in a meeting, heard by their writers, and reported to the council',
  { timeout: 300_000 },
  async () => {
    const stamp = Date.now()
    const phenomenonTitle = `Testi-ilmiö ${stamp}`
    const itemTitle = `Kelan ja sosiaalityön yhteistyö ${stamp}`
    const decisionText = `Lautakunta päätti perustaa Kelan kanssa yhteisen ohjausmallin (${stamp}).`
    const sectionTitle = `Yhteistyö Kelan kanssa ${stamp}`

    // 1. The coordinator gathers three forwarded reports by three workers into a new phenomenon.
    const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
    const reports = await pickForwardedReports(coordinator)
    const [first, ...others] = reports
    await coordinator.goto(`/reports/${first!.id}`)
    await coordinator.getByLabel('Tai luo uusi ilmiö tästä raportista').fill(phenomenonTitle)
    await coordinator.getByRole('button', { name: 'Luo ilmiö' }).click()
    const phenomenonLink = coordinator.getByRole('link', { name: phenomenonTitle, exact: true })
    await expect.poll(() => visible(phenomenonLink)).toBe(true)
    const phenomenonPath = (await phenomenonLink.getAttribute('href'))!
    for (const report of others) {
      await coordinator.goto(`/reports/${report.id}`)
      await expect.poll(() => heading(coordinator)).toBe(report.title)
      await coordinator.getByLabel('Liitä olemassa olevaan ilmiöön').selectOption({ label: phenomenonTitle })
      await coordinator.getByRole('button', { name: 'Liitä', exact: true }).click()
      await expect.poll(() => visible(coordinator.getByRole('link', { name: phenomenonTitle, exact: true }))).toBe(true)
    }
    await coordinator.goto(phenomenonPath)
    await expect.poll(() => heading(coordinator)).toBe(phenomenonTitle)
    expect(await coordinator.getByText(/^3 raporttia, 3 tiimiä, \d kuntaa?;/).count()).toBe(1)
    const phenomenonReports = coordinator.getByRole('table', { name: 'Ilmiön raportit' })
    for (const report of reports) {
      expect(await phenomenonReports.getByRole('link', { name: report.title, exact: true }).count()).toBe(1)
    }

    // 2. The coordinator plans a meeting of Sosiaali- ja terveyslautakunta, puts the phenomenon on its agenda and publishes.
    await coordinator.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Kokoukset' }).click()
    await expect.poll(() => heading(coordinator)).toBe('Toimielinten kokoukset')
    const planForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Luo kokous' }) })
    await planForm.getByLabel('Toimielin').selectOption({ label: 'Sosiaali- ja terveyslautakunta' })
    // Held last week: decisions are recorded on the meeting's day or after it.
    const lastWeek = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
    await planForm.getByLabel('Aika').fill(`${lastWeek}T17:00`)
    await planForm.getByLabel('Paikka').fill('Vaasan kaupungintalo, kokoushuone 2')
    await planForm.getByRole('button', { name: 'Luo kokous' }).click()
    await coordinator.waitForURL(/\/meetings\/[0-9a-f-]{36}\?planned=1$/)
    const meetingPath = new URL(coordinator.url()).pathname
    await expect.poll(() => heading(coordinator)).toMatch(/^Sosiaali- ja terveyslautakunta, /)
    const meetingName = (await heading(coordinator))!

    const addForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Lisää asia' }) })
    await addForm.getByLabel('Otsikko', { exact: true }).fill(itemTitle)
    await addForm
      .getByLabel('Selostus', { exact: true })
      .fill(
        'Kolme tiimiä on havainnut saman ilmiön:\n\n- **Kela** ei ohjaa asiakkaita sosiaalityöhön\n- tuki jää hakematta',
      )
    await addForm
      .getByLabel('Päätösehdotus', { exact: true })
      .fill('Lautakunta päättää valmistella yhteisen ohjausmallin Kelan kanssa.')
    await addForm
      .getByRole('group', { name: /^Ilmiöt/ })
      .getByLabel(`${phenomenonTitle} – eteenpäin viedyt raportit: 3`)
      .check()
    await addForm.getByRole('button', { name: 'Lisää asia' }).click()
    await expect.poll(() => visible(coordinator.getByText('Asia lisätty esityslistalle.'))).toBe(true)

    // Reordering by keyboard keeps the focus with the moved item, even where the pressed button is gone.
    await addForm.getByLabel('Otsikko', { exact: true }).fill('Muut asiat')
    await addForm.getByRole('button', { name: 'Lisää asia' }).click()
    await expect
      .poll(() => visible(coordinator.getByRole('button', { name: 'Siirrä ylös: 2 § Muut asiat' })))
      .toBe(true)
    await coordinator.getByRole('button', { name: 'Siirrä ylös: 2 § Muut asiat' }).focus()
    await coordinator.keyboard.press('Enter')
    const focusedLabel = () => coordinator.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
    await expect.poll(focusedLabel).toBe('Siirrä alas: 1 § Muut asiat')
    await coordinator.keyboard.press('Enter')
    await expect.poll(focusedLabel).toBe('Siirrä ylös: 2 § Muut asiat')
    await coordinator.getByText('Muokkaa asiaa 2 § Muut asiat').click()
    await coordinator.getByRole('button', { name: 'Poista asia: 2 § Muut asiat' }).click()
    const confirmDelete = coordinator.getByRole('dialog', { name: 'Vahvista toiminto' })
    expect(await confirmDelete.textContent()).toContain('Asia ”Muut asiat” poistetaan esityslistalta')
    await confirmDelete.getByRole('button', { name: 'Kyllä, poista asia' }).click()
    await expect.poll(() => visible(coordinator.getByText('Asia poistettu esityslistalta.'))).toBe(true)

    await coordinator.getByLabel('Esityslista on valmis julkaistavaksi').check()
    await coordinator.getByRole('button', { name: 'Julkaise esityslista' }).click()
    await expect.poll(() => visible(coordinator.getByText(/^Esityslista julkaistu /))).toBe(true)
    const publishedItem = coordinator.getByRole('article', { name: `1 § ${itemTitle}` })
    await expect.poll(() => visible(publishedItem.getByText('Raportit (3)'))).toBe(true)
    expect(await publishedItem.locator('.prose-report strong').textContent()).toBe('Kela')
    await checkPage(coordinator, 'committee-meeting-published')

    // 3. The chair opens the meeting, reads the evidence and records the decision; then the printable minutes.
    const chair = await signedInPage(browser, 'lautakunta@demo.example')
    await chair.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Kokoukset' }).click()
    await chair.getByRole('link', { name: meetingName, exact: true }).click()
    await expect.poll(() => heading(chair)).toBe(meetingName)
    const item = chair.getByRole('article', { name: `1 § ${itemTitle}` })
    await expect.poll(() => visible(item.getByRole('link', { name: phenomenonTitle, exact: true }))).toBe(true)
    expect(await item.getByText(/^3 raporttia, 3 tiimiä, \d kuntaa?; havaittu .+ alkaen\.$/).count()).toBe(1)
    expect(await item.getByText('Raportit (3)').isVisible()).toBe(true)
    for (const report of reports) {
      expect(await item.getByRole('link', { name: report.title, exact: true }).isVisible()).toBe(true)
    }
    expect(await item.getByText(`ilmiön ”${phenomenonTitle}” kautta`).count()).toBe(3)
    const decisionForm = item.locator('form', { has: chair.getByRole('button', { name: 'Kirjaa päätös' }) })
    await decisionForm
      .getByRole('group', { name: `Päätös asiassa 1 § ${itemTitle}` })
      .getByLabel('Päätetty toimenpiteistä')
      .check()
    await decisionForm.getByLabel('Päätöksen teksti').fill(decisionText)
    await decisionForm.getByRole('button', { name: 'Kirjaa päätös' }).click()
    await expect.poll(() => visible(chair.getByText(/^Päätös kirjattu\./))).toBe(true)
    // The success message shows as soon as the action answers; the decision itself once the page data reloads.
    await expect.poll(() => visible(item.getByText(decisionText))).toBe(true)
    expect(await item.getByRole('button', { name: 'Kirjaa päätös' }).count()).toBe(0)
    await checkPage(chair, 'committee-meeting-decided')

    await chair.getByRole('link', { name: 'Pöytäkirja tulostettavana' }).click()
    await expect.poll(() => heading(chair)).toBe('Pöytäkirja')
    expect(await chair.getByText(decisionText).isVisible()).toBe(true)
    expect(await chair.getByText('Päätetty toimenpiteistä').first().isVisible()).toBe(true)
    expect(chair.url()).toBe(`${baseUrl}${meetingPath}/minutes`)
    await checkPage(chair, 'committee-minutes')

    // 4. Each writer sees the decision on their report: in the notifications, in "My reports" and on the timeline.
    for (const [index, report] of reports.entries()) {
      const worker = await signedInPage(browser, report.authorEmail)
      await worker.goto('/notifications')
      await expect.poll(() => heading(worker)).toBe('Päivitykset')
      const entry = worker
        .getByRole('list', { name: 'Päivitykset uusimmasta alkaen' })
        .getByRole('listitem')
        .filter({
          has: worker.getByRole('link', { name: report.title, exact: true }),
        })
      await expect.poll(() => visible(entry.getByText(decisionText).first())).toBe(true)
      expect(await entry.getByText('Toimielimen päätös: Päätetty toimenpiteistä').first().isVisible()).toBe(true)
      if (index === 0) await checkPage(worker, 'committee-decision-notifications')

      await worker.goto('/reports?status=decided')
      await expect.poll(() => heading(worker)).toBe('Omat raportit')
      const own = worker.getByRole('list', { name: 'Omat raportit' }).locator(`a[href="/reports/${report.id}"]`)
      await expect.poll(() => own.count()).toBe(1)
      await own.click()
      await expect.poll(() => heading(worker)).toBe(report.title)
      const timeline = worker.getByRole('region', { name: 'Vaiheet' })
      await expect.poll(() => visible(timeline.getByText('Toimielimen päätös: Päätetty toimenpiteistä'))).toBe(true)
      expect(await timeline.getByText(decisionText).isVisible()).toBe(true)
      await worker.context().close()
    }

    // 5. The coordinator takes the phenomenon into this year's welfare report and exports it.
    const year = new Date().getUTCFullYear()
    await coordinator
      .getByRole('navigation', { name: 'Päävalikko' })
      .getByRole('link', { name: 'Hyvinvointikertomus', exact: true })
      .click()
    await coordinator.getByRole('link', { name: `Hyvinvointikertomus ${year}`, exact: true }).click()
    await expect.poll(() => heading(coordinator)).toBe(`Hyvinvointikertomus ${year}`)
    const welfarePath = new URL(coordinator.url()).pathname
    const sectionForm = coordinator.locator('form', {
      has: coordinator.getByRole('button', { name: 'Lisää luku' }),
    })
    await sectionForm.getByLabel('Luvun otsikko').fill(sectionTitle)
    await sectionForm
      .getByLabel('Tuen tarve, jota luvun tunnusluvut koskevat')
      .selectOption({ label: 'Muu toimintakyky (fyysinen, psyykkinen, sosiaalinen, kognitiivinen)' })
    await sectionForm
      .getByLabel('Luvun teksti')
      .fill('Asiakkaat jäävät ilman sosiaalityön tukea, kun **ohjaus** Kelasta ei toimi.')
    await sectionForm.getByRole('button', { name: 'Lisää luku' }).click()
    await expect.poll(() => visible(coordinator.getByText('Luku on lisätty kertomuksen loppuun.'))).toBe(true)
    const section = coordinator.getByRole('region', { name: new RegExp(`^\\d+\\. ${sectionTitle}$`) })
    await section.getByText('Ota mukaan ilmiöitä ja raportteja').click()
    await section.getByLabel(`${phenomenonTitle} (päätettyjä raportteja: 3)`).check()
    await section.getByRole('button', { name: 'Ota valitut mukaan' }).click()
    await expect
      .poll(() => visible(coordinator.getByText('Valitut on otettu mukaan, ja raportoijille on kerrottu.')))
      .toBe(true)
    await expect.poll(() => visible(section.getByRole('heading', { name: phenomenonTitle, level: 4 }))).toBe(true)
    expect(await section.getByText('Ilmiön raportteja yhteensä: <5.').isVisible()).toBe(true)
    expect(await section.getByText(decisionText).first().isVisible()).toBe(true)
    for (const report of reports) {
      const entry = section.locator('li', { has: coordinator.getByRole('heading', { name: report.title, level: 4 }) })
      expect(await entry.getByText('Hyvinvointikertomuksessa', { exact: true }).isVisible()).toBe(true)
    }
    await checkPage(coordinator, 'committee-welfare-report')

    await coordinator.goto(phenomenonPath)
    const rows = coordinator.getByRole('table', { name: 'Ilmiön raportit' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.getByText('Hyvinvointikertomuksessa', { exact: true }).count()).toBe(3)

    // The three exports: the same content, figures suppressed below the threshold.
    const exportUrl = (format: string) => `${baseUrl}${welfarePath}/export.${format}`
    const htmlExport = await coordinator.request.get(exportUrl('html'))
    expect(htmlExport.status()).toBe(200)
    expect(htmlExport.headers()['content-type']).toBe('text/html; charset=utf-8')
    const html = await htmlExport.text()
    expect(html).toContain(sectionTitle)
    expect(html).toContain(phenomenonTitle)
    expect(html).toContain(decisionText)

    const markdownExport = await coordinator.request.get(exportUrl('md'))
    expect(markdownExport.headers()['content-type']).toBe('text/markdown; charset=utf-8')
    const markdown = await markdownExport.text()
    expect(markdown).toMatch(new RegExp(`^## \\d+\\. ${sectionTitle}$`, 'm'))
    expect(markdown).toContain(`#### ${phenomenonTitle}`)
    expect(markdown).toContain('Asiakkaat jäävät ilman sosiaalityön tukea, kun **ohjaus** Kelasta ei toimi.')

    // The CSV opens in Finnish Excel as it is: Finnish headers, semicolons.
    const spreadsheet = await coordinator.request.get(exportUrl('csv'))
    expect((await spreadsheet.text()).startsWith('\uFEFFOsa;Ryhmittely;Tunnusluku;Arvo\r\n')).toBe(true)
    const csvExport = await coordinator.request.get(`${exportUrl('csv')}?layout=data`)
    expect(csvExport.headers()['content-type']).toBe('text/csv; charset=utf-8')
    const [header, ...figureRows] = parseCsv((await csvExport.text()).replace(/^\uFEFF/, ''))
    expect(header).toEqual(['scope', 'dimension', 'key', 'label', 'count'])
    expect(figureRows.some((row) => row[0] === sectionTitle)).toBe(true)
    const counts = figureRows.filter(
      ([, dimension, key]) => dimension !== 'summary' || !['feedbackShare', 'medianDaysToFeedback'].includes(key!),
    )
    expect(counts.map((row) => row[4]).filter((value) => value === '<5').length).toBeGreaterThan(0)
    // Every count is a number of at least 5, "<5", "–" where withheld so that a small one cannot be derived, or a
    // withheld headline's range of at least 5 that the total already tells ("36–40").
    const atLeastFive = (value: string) => value.split('–').every((end) => end !== '' && Number(end) >= 5)
    const bareSmall = counts.filter(([, , , , value]) => value !== '<5' && value !== '–' && !atLeastFive(value!))
    expect(bareSmall, 'counts below 5 shown as numbers').toEqual([])

    const exportPage = await coordinator.context().newPage()
    await exportPage.setContent(html)
    await expect.poll(() => heading(exportPage)).toBe(`Hyvinvointikertomus ${year}`)
    expect(await exportPage.getByText(sectionTitle).first().isVisible()).toBe(true)
    // The decision's own text stands on its own line under the decision, as on the page.
    const exportedDecision = exportPage.getByText(decisionText).first()
    expect(await exportedDecision.evaluate((element) => getComputedStyle(element).display)).toBe('block')
    await checkPage(exportPage, 'welfare-export-html')
    await exportPage.close()

    // The committee's picture of the situation.
    await chair.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tilannekuva' }).click()
    await expect.poll(() => heading(chair)).toBe('Tilannekuva')
    await expect.poll(() => visible(chair.getByRole('heading', { name: /^Raportit / }))).toBe(true)
    await checkPage(chair, 'committee-dashboard')

    await chair.context().close()
    await coordinator.context().close()
  },
)

test('meetings, welfare reports, the dashboard and the exported document fit a phone screen', async () => {
  const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
  await coordinator.setViewportSize({ width: 390, height: 800 })
  const pageWidth = () => coordinator.evaluate(() => document.documentElement.scrollWidth)
  await coordinator.goto('/meetings')
  await expect.poll(() => heading(coordinator)).toBe('Toimielinten kokoukset')
  expect(await pageWidth()).toBeLessThanOrEqual(390)
  await coordinator.getByRole('table', { name: 'Toimielinten kokoukset' }).getByRole('link').first().click()
  await coordinator.waitForURL(/\/meetings\/[0-9a-f-]+$/)
  expect(await pageWidth()).toBeLessThanOrEqual(390)
  await checkPage(coordinator, 'meeting-phone')
  await coordinator.goto('/welfare-reports')
  await expect.poll(() => heading(coordinator)).toBe('Hyvinvointikertomukset')
  expect(await pageWidth()).toBeLessThanOrEqual(390)
  await checkPage(coordinator, 'welfare-reports-phone')
  await coordinator
    .getByRole('link', { name: /^Hyvinvointikertomus \d{4}$/ })
    .first()
    .click()
  await coordinator.waitForURL(/\/welfare-reports\/[0-9a-f-]+$/)
  expect(await pageWidth()).toBeLessThanOrEqual(390)
  const exported = await coordinator.request.get(`${coordinator.url()}/export.html`)
  // The export is read as a file of its own, not under the Content-Security-Policy of the page it was taken from.
  await coordinator.goto('about:blank')
  await coordinator.setContent(await exported.text())
  expect(await pageWidth()).toBeLessThanOrEqual(390)
  await coordinator.goto('/dashboard')
  await expect.poll(() => heading(coordinator)).toBe('Tilannekuva')
  expect(await pageWidth()).toBeLessThanOrEqual(390)
  await checkPage(coordinator, 'dashboard-phone')
  await coordinator.context().close()
})
