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
const autosaveAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'Luonnosta ei voitu tallentaa' })

/** The same page at a desktop's and a phone's width, checked and photographed at each. */
async function checkAtBothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await checkPage(page, `${name}-1280`)
  await page.setViewportSize({ width: 390, height: 844 })
  await checkPage(page, `${name}-390`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('nothing typed is lost: autosave failures are said in words, a rough count saves, leaving asks', async () => {
  const title = 'Iltaisin ei ole neuvontaa sähköiseen asiointiin'
  const description = 'Asiakkaat jättävät hakemukset kesken, koska neuvontaa ei ole iltaisin.'
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill(title)
  await worker.getByLabel('Ilmiön kuvaus').fill(description)
  await worker.getByLabel('Arvio asiakkaiden määrästä').fill('abc')

  await expect.poll(() => autosaveAlert(worker).textContent(), { timeout: 15_000 }).toContain('Korjaa kenttä')
  expect(await worker.getByText('Anna asiakkaiden määrä numeroina, esimerkiksi 15 tai noin 15.').isVisible()).toBe(true)
  expect(await worker.getByLabel('Ilmiön kuvaus').inputValue()).toBe(description)
  expect(await worker.getByLabel('Arvio asiakkaiden määrästä').inputValue()).toBe('abc')
  await checkAtBothWidths(worker, 'unsaved-work-autosave-error')

  await worker.getByLabel('Arvio asiakkaiden määrästä').fill('noin 15')
  await expect
    .poll(() => worker.getByText('Luonnos tallennettu automaattisesti').isVisible(), { timeout: 15_000 })
    .toBe(true)
  expect(await autosaveAlert(worker).count()).toBe(0)

  // A change not yet saved: following a link in the app asks first, and staying keeps the text.
  await worker.getByLabel('Ilmiön kuvaus').fill(`${description} Lisäys, jota ei ole tallennettu.`)
  const asked: string[] = []
  worker.once('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.dismiss()
  })
  await worker.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Omat raportit' }).click()
  await expect.poll(() => asked).toEqual([expect.stringContaining('Kaikkia muutoksiasi ei ole vielä tallennettu')])
  expect(await heading(worker)).toBe('Uusi sosiaalinen raportti')
  expect(await worker.getByLabel('Ilmiön kuvaus').inputValue()).toContain('Lisäys, jota ei ole tallennettu.')

  // Saving is not leaving: the draft is saved with the count as a number, and no question is asked.
  worker.on('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.dismiss()
  })
  await worker.getByRole('button', { name: 'Tallenna luonnos' }).click()
  await expect.poll(() => heading(worker)).toBe('Muokkaa raporttia')
  expect(await worker.getByLabel('Arvio asiakkaiden määrästä').inputValue()).toBe('15')
  await worker.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Omat raportit' }).click()
  await expect.poll(() => heading(worker)).not.toBe('Muokkaa raporttia')
  expect(asked).toHaveLength(1)
})

test("the lead's request for changes shows at the top of the edit page in the lead's words", async () => {
  const title = 'Vuokrarästit kasautuvat ensimmäisenä vuonna'
  const request = 'Kuinka monta asiakasta tämä koskee viikossa?'
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill(title)
  await worker
    .getByLabel('Ilmiön kuvaus')
    .fill('Nuoret aikuiset eivät tunne vuokrasopimuksen ehtoja ja rästit kasvavat.')
  await worker.getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' }).getByLabel('Toimintakyky').check()
  await worker.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Ikääntyneet').check()
  await worker.getByLabel('Toimenpide-ehdotus 1', { exact: true }).fill('Asumisinfo yhdessä vuokranantajan kanssa.')
  await worker.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await expect.poll(() => heading(worker)).toBe(title)
  const reportUrl = new URL(worker.url()).pathname

  const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
  await lead.goto(reportUrl)
  await lead.getByRole('button', { name: 'Ota käsittelyyn' }).click()
  await expect.poll(() => lead.getByRole('button', { name: 'Pyydä täydennystä' }).isVisible()).toBe(true)
  const requestForm = lead.locator('form', { has: lead.getByRole('button', { name: 'Pyydä täydennystä' }) })
  await requestForm.getByLabel('Perustelu tai kommentti (pakollinen)').fill(request)
  await requestForm.getByRole('button', { name: 'Pyydä täydennystä' }).click()
  await expect.poll(() => lead.getByText('Tila: Täydennettävänä').isVisible()).toBe(true)

  await worker.goto(reportUrl)
  const onReportPage = worker.getByRole('region', { name: /Tiimin vetäjän täydennyspyyntö/ })
  await expect.poll(() => onReportPage.textContent()).toContain(request)
  await worker.getByRole('link', { name: 'Muokkaa raporttia' }).click()
  await expect.poll(() => heading(worker)).toBe('Muokkaa raporttia')
  const onEditPage = worker.getByRole('region', { name: /Tiimin vetäjän täydennyspyyntö/ })
  await expect.poll(() => onEditPage.textContent()).toContain(request)
  await checkAtBothWidths(worker, 'unsaved-work-change-request')
})
