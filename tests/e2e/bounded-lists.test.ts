import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { demoPassword } from '#app/utils/demo.server.ts'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

/** The coordinator in a browser that runs no JavaScript at all: every step is a plain form or link. */
async function coordinatorWithoutScripts(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('e2eBaseUrl'),
    locale: 'fi-FI',
    javaScriptEnabled: false,
  })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Sähköpostiosoite').fill('koordinaattori@demo.example')
  await page.getByLabel('Salasana').fill(demoPassword)
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
  return page
}

test('the agenda picker is searched by a word of the title with the keyboard, without JavaScript', async () => {
  const coordinator = await coordinatorWithoutScripts()
  await coordinator.goto('/meetings')
  const planForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Luo kokous' }) })
  await planForm.getByLabel('Toimielin').selectOption({ label: 'Sosiaali- ja terveyslautakunta' })
  await planForm.getByLabel('Aika').fill('2030-05-12T14:00')
  await planForm.getByRole('button', { name: 'Luo kokous' }).click()
  await coordinator.waitForURL(/\/meetings\/[0-9a-f-]{36}\?planned=1$/)
  const meetingPath = new URL(coordinator.url()).pathname

  const search = coordinator.locator('#candidates-q-new')
  await search.fill('Kela')
  await search.press('Enter')
  await coordinator.waitForURL((url) => url.searchParams.get('q') === 'Kela' && url.searchParams.get('for') === 'new')
  expect(new URL(coordinator.url()).hash).toBe('#candidates-new')
  expect(await search.inputValue()).toBe('Kela')
  const picker = coordinator.getByRole('search', { name: 'Hae otsikon sanalla: Lisää asia esityslistalle' })
  expect(await picker.getByRole('status').textContent()).toMatch(
    /^(Haku "Kela", sivu 1\.|Haulla "Kela" ei löytynyt yhtään\.)$/,
  )
  const addForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Lisää asia' }) })
  const offered = await addForm
    .getByRole('group', { name: /^Eteenpäin viedyt raportit/ })
    .locator('label')
    .allTextContents()
  for (const label of offered) expect(label.toLowerCase()).toContain('kela')

  await picker.getByRole('link', { name: 'Näytä kaikki' }).click()
  await coordinator.waitForURL((url) => url.pathname === meetingPath && !url.searchParams.has('q'))
  expect(await heading(coordinator)).toMatch(/^Sosiaali- ja terveyslautakunta, /)
  await coordinator.context().close()

  // axe runs its checks as a script, so the same page is checked in a browser that runs them, wide and narrow.
  const checked = await signedInPage(browser, 'koordinaattori@demo.example')
  await checked.goto(`${meetingPath}?q=Kela&for=new#candidates-new`)
  await checkPage(checked, 'agenda-picker-searched')
  await checked.setViewportSize({ width: 390, height: 900 })
  await checkPage(checked, 'agenda-picker-searched-phone')
  await checked.context().close()
}, 180_000)
