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

/** Everything a submission needs besides the title and description. */
async function fillTheRest(page: Page) {
  await page.getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' }).getByLabel('Toimintakyky').check()
  await page.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Ikääntyneet').check()
  await page.getByLabel('Toimenpide-ehdotus 1', { exact: true }).fill('Iltakäynnit lisätään kotipalvelun vuorolistaan.')
  await page.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
}

test('a similar report opens in a new tab without losing the draft; "Tämä on sama ilmiö" reaches the lead, who links in one click', async () => {
  const firstTitle = 'Kotipalvelun iltakäynnit loppuvat kesken viikonloppuisin'
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill(firstTitle)
  await worker.getByLabel('Ilmiön kuvaus').fill('Ikääntyneet jäävät viikonloppuiltoina ilman käyntiä.')
  await fillTheRest(worker)
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await expect.poll(() => heading(worker)).toBe(firstTitle)
  const firstPath = new URL(worker.url()).pathname

  const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
  await lead.goto(firstPath)
  await lead.getByLabel('Tai luo uusi ilmiö tästä raportista').fill('Kotipalvelun iltakäyntien puute')
  await lead.getByRole('button', { name: 'Luo ilmiö' }).click()
  await expect.poll(() => lead.getByRole('link', { name: 'Kotipalvelun iltakäyntien puute' }).isVisible()).toBe(true)

  // The worker writes about the same thing: the hit is a link to a new tab, and the draft stays as typed.
  const typedDescription = 'Iltakäynnit jäävät tekemättä, kun vuorossa on liian vähän hoitajia.'
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill('Kotipalvelun iltakäynnit loppuvat kesken')
  await worker.getByLabel('Ilmiön kuvaus').fill(typedDescription)
  await fillTheRest(worker)
  const hit = worker.getByRole('link', { name: new RegExp(`^${firstTitle}`) })
  await expect.poll(() => hit.isVisible(), { timeout: 15_000 }).toBe(true)
  expect(await hit.getAttribute('target')).toBe('_blank')
  expect(await hit.textContent()).toContain('(avautuu uuteen välilehteen)')
  await worker.setViewportSize({ width: 1280, height: 900 })
  await checkPage(worker, 'similar-reports-hits-1280')
  await worker.setViewportSize({ width: 390, height: 844 })
  await checkPage(worker, 'similar-reports-hits-390')
  await worker.setViewportSize({ width: 1280, height: 900 })

  const asked: string[] = []
  worker.on('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.dismiss()
  })
  const [opened] = await Promise.all([worker.context().waitForEvent('page'), hit.click()])
  await expect.poll(() => heading(opened)).toBe(firstTitle)
  await opened.close()
  expect(await heading(worker)).toBe('Uusi sosiaalinen raportti')
  expect(await worker.getByLabel('Ilmiön kuvaus').inputValue()).toBe(typedDescription)

  // With the keyboard: "Tämä on sama ilmiö" saves the draft with everything typed and records the writer's word.
  await worker.getByRole('button', { name: `Tämä on sama ilmiö: ${firstTitle}` }).focus()
  await worker.keyboard.press('Enter')
  await expect.poll(() => heading(worker)).toBe('Muokkaa raporttia')
  expect(await worker.getByText('Luonnos tallennettu, ja raportti merkitty samaksi ilmiöksi.').isVisible()).toBe(true)
  expect(await worker.getByLabel('Ilmiön kuvaus').inputValue()).toBe(typedDescription)
  await expect.poll(() => worker.getByText('Merkitsit samaksi ilmiöksi.').isVisible()).toBe(true)
  expect(await worker.getByRole('button', { name: `Ei sittenkään sama: ${firstTitle}` }).isVisible()).toBe(true)
  await checkPage(worker, 'similar-reports-marked')
  expect(asked).toEqual([])
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await expect.poll(() => heading(worker)).toBe('Kotipalvelun iltakäynnit loppuvat kesken')
  const secondPath = new URL(worker.url()).pathname

  // The lead sees the writer's word on the report and links it to the same phenomenon in one click.
  await lead.goto(secondPath)
  const same = lead.getByRole('region', { name: 'Raportoijan mukaan sama ilmiö kuin' })
  expect(await same.getByRole('link', { name: firstTitle }).getAttribute('href')).toBe(firstPath)
  await checkPage(lead, 'similar-reports-lead')
  await same.getByRole('button', { name: 'Liitä samaan ilmiöön: Kotipalvelun iltakäyntien puute' }).click()
  await expect
    .poll(() => same.getByText('Liitetty samaan ilmiöön: Kotipalvelun iltakäyntien puute').isVisible())
    .toBe(true)
  const phenomenon = lead.getByRole('region', { name: 'Ilmiö', exact: true })
  expect(await phenomenon.getByRole('link', { name: 'Kotipalvelun iltakäyntien puute' }).isVisible()).toBe(true)
  await checkPage(lead, 'similar-reports-linked')
})
