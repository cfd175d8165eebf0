import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

async function checkBothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await checkPage(page, `${name}-1280`)
  await page.setViewportSize({ width: 390, height: 844 })
  await checkPage(page, `${name}-390`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('a worker files a team report with a teammate, the lead asks with a template, the teammate answers', async () => {
  const admin = await signedInPage(browser, 'paakayttaja@demo.example')
  await admin.goto('/admin/templates')
  await admin.getByLabel('Nimi').fill('Asiakasmäärä')
  await admin.getByLabel('Teksti suomeksi').fill('Kuinka monella asiakkaalla havaitsitte tämän viime kuussa?')
  await admin.getByRole('button', { name: 'Tallenna' }).first().click()
  await expect.poll(() => admin.getByText('Vastauspohja on tallennettu.').isVisible()).toBe(true)
  await checkBothWidths(admin, 'response-templates')

  const title = 'Vuokravakuudet viivästyvät tiimin asiakkailla'
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill(title)
  await worker
    .getByLabel('Ilmiön kuvaus')
    .fill('Tiimipalaverissa huomasimme, että vuokravakuuspäätökset viipyvät viikkoja.')
  await worker.getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' }).getByLabel('Asuminen').check()
  await worker.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Nuoret aikuiset').check()
  await worker
    .getByLabel('Toimenpide-ehdotus 1', { exact: true })
    .fill('Sovitaan Kelan kanssa nopeutetusta käsittelystä.')
  await worker.getByRole('group', { name: 'Laadittu yhdessä' }).getByLabel('Tiimipalaveri').check()
  await worker.getByRole('group', { name: 'Muut raportoijat' }).getByLabel('Veera Vaasalainen').check()
  await worker.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
  await checkBothWidths(worker, 'team-report-form')
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await expect.poll(() => heading(worker)).toBe(title)
  expect(await worker.getByText('Tiina Työntekijä, Veera Vaasalainen').isVisible()).toBe(true)
  const reportPath = new URL(worker.url()).pathname

  const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
  await lead.goto(reportPath)
  await lead
    .getByRole('region', { name: 'Kysymykset' })
    .getByLabel('Vastauspohja')
    .selectOption({ label: 'Asiakasmäärä' })
  await lead.getByRole('region', { name: 'Kysymykset' }).getByRole('button', { name: 'Käytä pohjaa' }).click()
  const question = lead.getByLabel('Kysymys', { exact: true })
  await expect.poll(() => question.inputValue()).toBe('Kuinka monella asiakkaalla havaitsitte tämän viime kuussa?')
  await lead.getByRole('button', { name: 'Lähetä kysymys' }).click()
  await expect.poll(() => lead.getByText('Kysymys on lähetetty.', { exact: false }).isVisible()).toBe(true)
  await checkBothWidths(lead, 'question-asked')

  const teammate = await signedInPage(browser, 'vaasa.ohjaaja@demo.example')
  await teammate.goto('/reports')
  await teammate.getByRole('link', { name: title }).first().click()
  await expect.poll(() => heading(teammate)).toBe(title)
  await teammate.getByLabel('Vastauksesi').fill('Noin kahdeksalla asiakkaalla, ja määrä kasvaa.')
  await teammate.getByRole('button', { name: 'Lähetä vastaus' }).click()
  await expect.poll(() => teammate.getByText('Vastaus on tallennettu.', { exact: false }).isVisible()).toBe(true)
  await expect
    .poll(() =>
      teammate
        .getByRole('region', { name: 'Kysymykset' })
        .getByText('Noin kahdeksalla asiakkaalla, ja määrä kasvaa.')
        .isVisible(),
    )
    .toBe(true)
  await checkBothWidths(teammate, 'question-answered')
})
