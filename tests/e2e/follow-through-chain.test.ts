import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { caregiverRespiteReport } from '#db/demo-phenomena.ts'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

/**
 * The demo's follow-through chain as people read it: the reporter on their report page (wide, on a phone and on
 * paper), the coordinator on a phenomenon page, the printable minutes and the welfare report.
 */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

test('the reporter reads where the report went, the decision and its follow-ups, on any screen and on paper', async () => {
  const reporter = await signedInPage(browser, 'palveluohjaaja@demo.example')
  await reporter.setViewportSize({ width: 1280, height: 900 })
  await reporter.goto('/reports?status=decided')
  await reporter.getByRole('link', { name: caregiverRespiteReport.title, exact: true }).first().click()
  await expect.poll(() => heading(reporter)).toBe(caregiverRespiteReport.title)
  const chain = reporter.getByRole('region', { name: 'Mitä asialle on tehty' })
  await expect.poll(() => chain.isVisible()).toBe(true)
  expect(await chain.getByText('Sosiaali- ja terveyslautakunta', { exact: true }).isVisible()).toBe(true)
  expect(await chain.getByText(/^Päätös .+: Päätetty toimenpiteistä$/).isVisible()).toBe(true)
  expect(await chain.getByText('Närpiön kaupungin hyvinvointityö', { exact: true }).isVisible()).toBe(true)
  expect(await chain.getByText('Odottaa vastausta.').isVisible()).toBe(true)
  const inquiry = chain.getByRole('link', { name: 'Selvitys omaishoidon sijaishoidon järjestämisestä' })
  expect(await inquiry.getAttribute('href')).toMatch(/^\/follow-ups\/[0-9a-f-]{36}$/)
  expect(await chain.getByText('30 %').isVisible()).toBe(true)
  // The adopted action and the decision agree: no proposed action is left undecided.
  expect(await reporter.getByText('Ei vielä päätetty').count()).toBe(0)
  await checkPage(reporter, 'follow-through-report')

  await reporter.setViewportSize({ width: 390, height: 800 })
  expect(await pageWidth(reporter)).toBeLessThanOrEqual(390)
  await checkPage(reporter, 'follow-through-report-phone')

  await reporter.setViewportSize({ width: 1280, height: 900 })
  await reporter.emulateMedia({ media: 'print' })
  expect(await chain.getByText('Selvitys omaishoidon sijaishoidon järjestämisestä').isVisible()).toBe(true)
  await reporter.screenshot({ path: 'tests/e2e/screenshots/follow-through-report-print.png', fullPage: true })
  await reporter.context().close()
})

test('the coordinator reads a phenomenon’s chain, the minutes’ follow-ups and the welfare report’s', async () => {
  const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
  await coordinator.goto('/phenomena')
  await coordinator
    .getByRole('link', { name: 'Kela ei ohjaa perustoimeentulotuen asiakkaita sosiaalityöhön', exact: true })
    .click()
  const chain = coordinator.getByRole('region', { name: 'Mitä asialle on tehty' })
  await expect.poll(() => chain.isVisible()).toBe(true)
  expect(await chain.getByText('Kela, Länsi-Suomen vakuutuspiiri', { exact: true }).isVisible()).toBe(true)
  expect(await chain.getByText(/^Vastaus: Kaarina Kelanen, palvelupäällikkö, /).isVisible()).toBe(true)
  expect(await chain.getByText('Rakenteellisen sosiaalityön työryhmä', { exact: true }).isVisible()).toBe(true)
  await checkPage(coordinator, 'follow-through-phenomenon')

  // The past meeting's minutes: each decision with the follow-ups it set, the overdue one said in words.
  await coordinator.goto('/meetings')
  const meetingLinks = await coordinator
    .getByRole('table', { name: 'Toimielinten kokoukset' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
  let found = false
  for (const href of meetingLinks) {
    const response = await coordinator.goto(`${href}/minutes`)
    if (response?.status() !== 200) continue
    if ((await coordinator.getByText('Omaishoitajien vapaapäivien sijaishoito').count()) === 0) continue
    found = true
    break
  }
  expect(found).toBe(true)
  await expect.poll(() => heading(coordinator)).toBe('Pöytäkirja')
  expect(await coordinator.getByRole('heading', { name: 'Päätöksen seuranta' }).count()).toBe(2)
  expect(await coordinator.getByText(/^Myöhässä: tavoitepäivä .+ on ohitettu\.$/).isVisible()).toBe(true)
  await checkPage(coordinator, 'follow-through-minutes')

  // The welfare report: the follow-up figures and the section that lists what was done.
  await coordinator.goto('/welfare-reports')
  await coordinator
    .getByRole('link', { name: /^Hyvinvointikertomus \d{4}$/ })
    .first()
    .click()
  await expect.poll(() => heading(coordinator)).toMatch(/^Hyvinvointikertomus \d{4}$/)
  expect(await coordinator.getByRole('heading', { name: 'Päätösten seuranta' }).isVisible()).toBe(true)
  const section = coordinator.getByRole('region', { name: /^\d+\. Mitä päätöksistä seurasi$/ })
  expect(await section.getByRole('heading', { name: 'Kauden seurattavat tehtävät' }).isVisible()).toBe(true)
  expect(await section.getByText('Asumisinfot nuorille yhdessä vuokrataloyhtiön kanssa').isVisible()).toBe(true)
  await checkPage(coordinator, 'follow-through-welfare-report')
  await coordinator.setViewportSize({ width: 390, height: 800 })
  expect(await pageWidth(coordinator)).toBeLessThanOrEqual(390)
  await coordinator.context().close()
})
