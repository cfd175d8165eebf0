import { type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { demoPassword } from '#app/utils/demo.server.ts'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser
let phenomenonId = ''

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('a client council secretary signs in, sends a view on an open phenomenon with the keyboard and sees it in Omat näkemykset', async () => {
  const context = await browser.newContext({ baseURL: inject('e2eBaseUrl'), locale: 'fi-FI' })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  await page.goto('/login')
  // The demo contributor is listed with the other demo accounts.
  expect(await page.getByRole('cell', { name: 'osallistuja@demo.example' }).count()).toBe(1)
  await page.getByLabel('Sähköpostiosoite').fill('osallistuja@demo.example')
  await page.getByLabel('Salasana').fill(demoPassword)
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/contribute')
  const nav = page.getByRole('navigation', { name: 'Päävalikko' })
  expect(await nav.getByRole('link').allTextContents()).toEqual(['Anna näkemys', 'Omat näkemykset'])
  await checkPage(page, 'contributor-start-1280')

  // The open phenomenon: only its title and public summary, reached and answered with the keyboard.
  const phenomenonLink = page.locator('main').getByRole('list').first().getByRole('link').first()
  const title = (await phenomenonLink.textContent())!.trim()
  await phenomenonLink.focus()
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/contribute\/phenomenon\//)
  phenomenonId = new URL(page.url()).pathname.split('/').pop()!
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title)
  await page.getByLabel('Kenen puolesta kirjoitat').focus()
  await page.keyboard.press('Home')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Moni asiakas kertoi saman. Neuvontaa pitää saada ajoissa.')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/contribute/own')
  await expect.poll(() => page.locator('main').getByRole('status').textContent()).toContain('Näkemyksesi on lähetetty')
  const sent = page.locator('main').getByRole('listitem').filter({ hasText: 'Moni asiakas kertoi saman.' })
  expect(await sent.count()).toBe(1)
  expect(await sent.getByRole('heading').textContent()).toBe(title)
  expect(await sent.textContent()).toContain('Mitä tapahtui:')
  await checkPage(page, 'contributor-own-1280')
  await page.setViewportSize({ width: 390, height: 844 })
  await checkPage(page, 'contributor-own-390')

  // Staff pages stay closed.
  const refused = await page.goto('/reports')
  expect(refused?.status()).toBe(403)
  await context.close()
})

test("the coordinator reads the views without names, and a worker records a client's view, both axe clean", async () => {
  const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
  await coordinator.goto(`/phenomena/${phenomenonId}`)
  await coordinator.getByRole('link', { name: 'Osallistujien näkemykset' }).click()
  await coordinator.waitForURL((url) => url.pathname.endsWith('/views'))
  await expect.poll(() => coordinator.locator('main').textContent()).toContain('Moni asiakas kertoi saman.')
  expect(await coordinator.locator('main').textContent()).not.toContain('Outi Osallistuja')
  await checkPage(coordinator, 'contributor-views-coordinator-1280')
  await coordinator.setViewportSize({ width: 390, height: 844 })
  await checkPage(coordinator, 'contributor-views-coordinator-390')
  await coordinator.context().close()

  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.goto(`/phenomena/${phenomenonId}/client-view`)
  await worker.getByLabel('Asiakkaan näkemys').fill('Asiakas kertoo, ettei tiennyt, mistä apua saa.')
  await worker.getByRole('button', { name: 'Tallenna näkemys' }).click()
  await expect.poll(() => worker.locator('main').getByRole('status').textContent()).toContain('tallennettu')
  await checkPage(worker, 'contributor-client-view-1280')
  await worker.setViewportSize({ width: 390, height: 844 })
  await checkPage(worker, 'contributor-client-view-390')
  await worker.context().close()
})
