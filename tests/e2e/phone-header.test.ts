import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const phone = { width: 390, height: 844 }
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

async function hydrated(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => '__remixRouter' in window)
}

async function headerHeight(page: Page) {
  const box = await page.locator('body > header').boundingBox()
  return box?.height ?? Number.POSITIVE_INFINITY
}

/** Tabs from the top of the page until the focus is on the element, as a keyboard user would. */
async function tabTo(page: Page, name: string) {
  await page.locator('body').focus()
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
    if (focused === name) return
  }
  throw new Error(`Tab never reached "${name}"`)
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')

test('on a phone the header is one short bar whose menu opens, is walked and closes with the keyboard', async () => {
  const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
  await lead.setViewportSize(phone)
  await lead.goto('/')
  await hydrated(lead)
  const header = lead.locator('body > header')
  expect(await headerHeight(lead)).toBeLessThanOrEqual(80)
  // The bell stays in the bar; the navigation waits behind the menu button.
  expect(await header.getByRole('link', { name: /Päivitykset/ }).isVisible()).toBe(true)
  const main = lead.getByRole('navigation', { name: 'Päävalikko' })
  expect(await main.count()).toBe(0)
  await checkPage(lead, 'phone-header-closed-390')

  await tabTo(lead, 'Valikko')
  await lead.keyboard.press('Enter')
  await expect.poll(() => main.isVisible()).toBe(true)
  expect(await header.getByRole('button', { name: 'Kirjaudu ulos' }).isVisible()).toBe(true)
  expect(await header.getByRole('button', { name: 'Svenska' }).isVisible()).toBe(true)
  await lead.keyboard.press('Tab')
  expect(await focusedText(lead)).toBe('Etusivu')
  await checkPage(lead, 'phone-header-open-390')

  // Escape closes the menu and gives the focus back to its button.
  await lead.keyboard.press('Escape')
  await expect.poll(() => main.count()).toBe(0)
  expect(await focusedText(lead)).toBe('Valikko')

  await lead.keyboard.press('Enter')
  await expect.poll(() => main.isVisible()).toBe(true)
  for (let step = 0; step < 10 && (await focusedText(lead)) !== 'Käsittelyjono'; step++) {
    await lead.keyboard.press('Tab')
  }
  await lead.keyboard.press('Enter')
  await lead.waitForURL((url) => url.pathname === '/review')
  // The menu closes behind the reader on the new page.
  await expect.poll(() => main.count()).toBe(0)

  // A desktop keeps the full header with its navigation in view.
  await lead.setViewportSize({ width: 1280, height: 900 })
  await expect.poll(() => main.isVisible()).toBe(true)
  expect(await header.getByRole('button', { name: 'Valikko' }).count()).toBe(0)
  await checkPage(lead, 'phone-header-desktop-1280')
  await lead.context().close()
})

test('without JavaScript the menu button still opens the menu', async () => {
  const context = await browser.newContext({
    baseURL: inject('e2eBaseUrl'),
    locale: 'fi-FI',
    javaScriptEnabled: false,
    viewport: phone,
  })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  await page.goto('/login')
  const languages = page.locator('body > header').getByRole('button', { name: 'Svenska' })
  expect(await languages.isVisible()).toBe(false)
  await page.getByText('Valikko', { exact: true }).click()
  await expect.poll(() => languages.isVisible()).toBe(true)
  await context.close()
})

test("on a phone the lead's next steps on a report come before the report itself", async () => {
  const title = 'Iltaisin ei ole neuvontaa verkkoasiointiin'
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill(title)
  await worker
    .getByLabel('Ilmiön kuvaus')
    .fill('Asiakkaat jättävät hakemukset kesken, koska neuvontaa ei ole tarjolla iltaisin.')
  await worker.getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' }).getByLabel('Toimintakyky').check()
  await worker.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Ikääntyneet').check()
  await worker.getByLabel('Toimenpide-ehdotus 1', { exact: true }).fill('Iltaneuvonta kirjastossa kerran viikossa.')
  await worker.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
  await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
  await worker.waitForURL(/\/reports\/[0-9a-f-]{36}/)
  await expect.poll(() => heading(worker)).toBe(title)
  const reportUrl = new URL(worker.url()).pathname
  await worker.context().close()

  const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
  await lead.setViewportSize(phone)
  await lead.goto(reportUrl)
  await expect.poll(() => heading(lead)).toBe(title)
  const nextSteps = lead.getByRole('region', { name: 'Seuraavat vaiheet' })
  const firstAction = nextSteps.getByRole('button').first()
  expect(await firstAction.textContent()).toBe('Ota käsittelyyn')
  const description = lead.getByText('Asiakkaat jättävät hakemukset kesken')
  const actionBox = (await firstAction.boundingBox())!
  const descriptionBox = (await description.boundingBox())!
  expect(actionBox.y + actionBox.height).toBeLessThan(descriptionBox.y)
  // Within the first screen, not after a scroll through the report.
  expect(actionBox.y + actionBox.height).toBeLessThan(phone.height)
  await checkPage(lead, 'phone-report-next-steps-390')

  // On a desktop the next steps head the column beside the report.
  await lead.setViewportSize({ width: 1280, height: 900 })
  const wideAction = (await firstAction.boundingBox())!
  const wideDescription = (await description.boundingBox())!
  expect(wideAction.x).toBeGreaterThan(wideDescription.x + wideDescription.width)
  await checkPage(lead, 'phone-report-next-steps-1280')
  await lead.context().close()
})

test("a phenomenon's page lists its reports' proposed actions, each under its report", async () => {
  const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
  await coordinator.goto('/phenomena')
  await coordinator.getByRole('main').getByRole('link').first().click()
  await coordinator.waitForURL(/\/phenomena\/[0-9a-f-]{36}$/)
  const reportActions = coordinator.getByRole('region', { name: 'Raporttien toimenpide-ehdotukset' })
  await expect.poll(() => reportActions.isVisible()).toBe(true)
  // Each group is headed by its report, which leads to where the outcome is recorded.
  await expect.poll(() => reportActions.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0)
  expect(await reportActions.getByRole('heading', { level: 3 }).first().getByRole('link').count()).toBe(1)
  await checkPage(coordinator, 'phenomenon-report-actions-1280')
  await coordinator.setViewportSize(phone)
  await checkPage(coordinator, 'phenomenon-report-actions-390')
  await coordinator.context().close()
})
