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

/** Autosave listens for typing only once React has taken over the page. */
async function hydrated(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => '__remixRouter' in window)
}

test('autosave meeting an identity code stores nothing, marks it under the field and says the draft was NOT saved', async () => {
  const title = 'Asiointi ilman verkkopankkitunnuksia ei onnistu'
  const description = 'Asiakas 131052-308T ei pystynyt hakemaan tukea sähköisesti.'
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.goto('/reports/new')
  await hydrated(worker)
  await worker.getByLabel('Otsikko').fill(title)
  await worker.getByLabel('Ilmiön kuvaus').fill(description)

  const notSaved = worker.getByRole('alert').filter({ hasText: 'Luonnosta EI tallennettu' })
  await expect.poll(() => notSaved.count(), { timeout: 15_000 }).toBe(1)
  expect(await worker.getByText('”131052-308T” näyttää olevan henkilötunnus.').isVisible()).toBe(true)
  expect(await worker.getByText('Luonnos tallennettu automaattisesti').count()).toBe(0)
  expect(await worker.getByLabel('Ilmiön kuvaus').inputValue()).toBe(description)
  await checkPage(worker, 'identifying-data-autosave')

  // What is typed is looked up for similar reports only by POST: a URL with the text in it is refused.
  expect((await worker.request.get('/reports/similar?q=131052-308T')).status()).toBe(405)

  // Leaving asks first, as nothing was saved; having left, no draft was stored.
  worker.on('dialog', (dialog) => void dialog.accept())
  await worker.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Omat raportit' }).click()
  await expect.poll(() => heading(worker)).toBe('Omat raportit')
  expect(await worker.getByText(title).count()).toBe(0)
})

test('the admin’s page for removing data from reports is accessible', async () => {
  const admin = await signedInPage(browser, 'paakayttaja@demo.example')
  await admin.goto('/admin/redactions')
  expect(await heading(admin)).toBe('Tunnistetietojen poisto raporteista')
  await admin.getByRole('button', { name: 'Poista teksti' }).click()
  await expect.poll(() => admin.getByText('Kirjoita peruste poistolle.').isVisible()).toBe(true)
  await checkPage(admin, 'admin-redactions')
})
