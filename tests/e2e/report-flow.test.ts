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

test('a report goes from the worker to the lead and forward, and the timeline shows every step', async () => {
  const title = 'Asiakkaat eivät löydä sähköisen asioinnin neuvontaa'
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Uusi raportti' }).click()
  await expect.poll(() => heading(worker)).toBe('Uusi sosiaalinen raportti')
  await checkPage(worker, 'report-new')

  await worker.getByLabel('Otsikko').fill(title)
  await worker
    .getByLabel('Ilmiön kuvaus')
    .fill('Havaitsimme:\n\n- neuvontaa ei ole tarjolla iltaisin\n- asiakkaat jättävät hakemukset kesken')
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  // Said at the field and, as a link to it, in the summary at the top.
  const supportNeedError = worker.getByText('Valitse vähintään yksi tuen tarve.', { exact: true })
  await expect.poll(() => supportNeedError.isVisible()).toBe(true)
  expect(await worker.getByRole('link', { name: /Tuen tarve.*Valitse vähintään yksi tuen tarve/ }).count()).toBe(1)
  expect(await worker.getByLabel('Otsikko').inputValue()).toBe(title)
  await checkPage(worker, 'report-new-errors')

  await worker.getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' }).getByLabel('Toimintakyky').check()
  await worker.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Ikääntyneet').check()
  await worker.getByLabel('Toimenpide-ehdotus 1', { exact: true }).fill('Iltaneuvonta kirjastossa kerran viikossa.')
  await worker.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await expect.poll(() => heading(worker)).toBe(title)
  expect(await worker.locator('.prose-report li').allTextContents()).toEqual([
    'neuvontaa ei ole tarjolla iltaisin',
    'asiakkaat jättävät hakemukset kesken',
  ])
  const reportUrl = new URL(worker.url()).pathname
  await checkPage(worker, 'report-submitted')

  const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
  await lead.goto('/review')
  await checkPage(lead, 'review-queue')
  await lead.getByRole('link', { name: title }).click()
  await lead.getByRole('button', { name: 'Ota käsittelyyn' }).click()
  await expect.poll(() => lead.getByRole('button', { name: 'Pyydä täydennystä' }).isVisible()).toBe(true)
  const requestForm = lead.locator('form', { has: lead.getByRole('button', { name: 'Pyydä täydennystä' }) })
  await requestForm.getByLabel('Perustelu tai kommentti (pakollinen)').fill('Kuinka monta asiakasta viikossa?')
  await requestForm.getByRole('button', { name: 'Pyydä täydennystä' }).click()
  // The saved message is still there from taking it into review: wait for the new step itself.
  await expect.poll(() => lead.getByText('Tila: Täydennettävänä').isVisible()).toBe(true)

  await worker.goto(reportUrl)
  // The lead's request stands both at the top of the page, until resubmitted, and in the timeline.
  await expect
    .poll(() => worker.getByRole('blockquote').getByText('Kuinka monta asiakasta viikossa?').isVisible())
    .toBe(true)
  await expect
    .poll(() => worker.locator('#timeline').getByText('Kuinka monta asiakasta viikossa?').isVisible())
    .toBe(true)
  await worker.getByRole('link', { name: 'Muokkaa raporttia' }).click()
  await expect.poll(() => heading(worker)).toBe('Muokkaa raporttia')
  await worker.getByLabel('Arvio asiakkaiden määrästä').fill('15')
  await checkPage(worker, 'report-edit')
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await expect.poll(() => heading(worker)).toBe(title)

  await lead.goto(reportUrl)
  await lead.getByRole('button', { name: 'Ota käsittelyyn' }).click()
  await expect.poll(() => lead.getByRole('button', { name: 'Luo ilmiö' }).isVisible()).toBe(true)
  await lead.getByLabel('Tai luo uusi ilmiö tästä raportista').fill('Sähköisen asioinnin neuvonta puuttuu')
  await lead.getByRole('button', { name: 'Luo ilmiö' }).click()
  await expect
    .poll(() => lead.getByRole('link', { name: 'Sähköisen asioinnin neuvonta puuttuu' }).isVisible())
    .toBe(true)
  const forwardForm = lead.locator('form', { has: lead.getByRole('button', { name: 'Vie eteenpäin toimielimelle' }) })
  await forwardForm
    .getByLabel('Toimielin, jolle raportti viedään')
    .selectOption({ label: 'Sosiaali- ja terveyslautakunta' })
  await forwardForm.getByRole('button', { name: 'Vie eteenpäin toimielimelle' }).click()
  await expect.poll(() => lead.getByText('Viety eteenpäin').first().isVisible()).toBe(true)
  await checkPage(lead, 'report-forwarded-lead')

  await worker.goto(reportUrl)
  const timeline = worker.getByRole('region', { name: 'Vaiheet' })
  const steps = await timeline.locator('li > p.font-semibold').allTextContents()
  expect(steps).toEqual([
    'Luonnos luotiin',
    'Tila: Lähetetty',
    'Tila: Tiimin käsittelyssä',
    'Tila: Täydennettävänä',
    'Tila: Lähetetty',
    'Tila: Tiimin käsittelyssä',
    'Liitettiin ilmiöön ”Sähköisen asioinnin neuvonta puuttuu”',
    'Tila: Viety eteenpäin',
  ])
  await checkPage(worker, 'report-timeline-worker')

  await lead.goto('/phenomena')
  await checkPage(lead, 'phenomena')
})

test('identifying data is stopped with the fragment quoted and nothing lost', async () => {
  const worker = await signedInPage(browser, 'sosiaaliohjaaja@demo.example')
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill('Nuoret jäävät ilman tukea')
  const description = 'Nuori asiakas (puh. 040 765 4321) ei saa mitään tukea, vaikka tarvetta on selvästi.'
  await worker.getByLabel('Ilmiön kuvaus').fill(description)
  await worker
    .getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' })
    .getByLabel('Taloudellinen tuki')
    .check()
  await worker.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Nuoret aikuiset').check()
  await worker.getByLabel('Toimenpide-ehdotus 1', { exact: true }).fill('Yhteistyö Kelan kanssa.')
  await worker.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await expect.poll(() => worker.locator('#identifiability-findings').textContent()).toContain('040 765 4321')
  expect(await worker.getByLabel('Ilmiön kuvaus').inputValue()).toBe(description)
  await checkPage(worker, 'report-identifying-data')
})
