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
const widths = [1280, 390] as const

/** A click before React has taken over the page posts the form as a browser without JavaScript would. */
async function hydrated(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => '__remixRouter' in window)
}

for (const width of widths) {
  test(`withdrawing a report asks in a dialog first, then says so in words (${width} px)`, async () => {
    const worker = await signedInPage(browser, 'tyontekija@demo.example')
    await worker.setViewportSize({ width, height: 900 })
    const title = `Peruttava raportti ${width}`
    await worker.goto('/reports/new')
    await worker.getByLabel('Otsikko').fill(title)
    await worker.getByRole('button', { name: 'Tallenna luonnos' }).click()
    await worker.waitForURL(/\/reports\/[0-9a-f-]{36}/)
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(worker.url())![1]!
    await worker.goto(`/reports/${reportId}`)
    await expect.poll(() => heading(worker)).toBe(title)
    await hydrated(worker)

    await worker.getByRole('button', { name: 'Peru raportti' }).click()
    const dialog = worker.getByRole('dialog', { name: 'Vahvista toiminto' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.textContent()).toContain('Perumista ei voi perua.')
    await checkPage(worker, `confirm-withdraw-dialog-${width}`)

    // Cancelling leaves the report as it was.
    await dialog.getByRole('button', { name: 'Peruuta' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(await worker.getByText('Luonnos', { exact: true }).first().isVisible()).toBe(true)

    await worker.getByRole('button', { name: 'Peru raportti' }).click()
    await dialog.getByRole('button', { name: 'Kyllä, peru raportti' }).click()
    await expect.poll(() => worker.getByText('Raportti on peruttu. Sitä ei käsitellä.').isVisible()).toBe(true)
    expect(await worker.getByText('Raportoija saa tiedon').count()).toBe(0)
    await expect.poll(() => worker.getByRole('button', { name: 'Peru raportti', exact: true }).count()).toBe(0)
    await checkPage(worker, `confirm-withdraw-done-${width}`)
    await worker.context().close()
  })

  test(`deleting a welfare section asks first, then says so in words (${width} px)`, async () => {
    const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
    await coordinator.setViewportSize({ width, height: 900 })
    await coordinator.goto('/welfare-reports')
    await coordinator
      .getByRole('link', { name: /^Hyvinvointikertomus \d{4}$/ })
      .first()
      .click()
    await coordinator.waitForURL(/\/welfare-reports\/[0-9a-f-]+$/)
    await hydrated(coordinator)
    const sectionTitle = `Poistettava luku ${width}`
    const addForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Lisää luku' }) })
    await addForm.getByLabel('Luvun otsikko').fill(sectionTitle)
    await addForm.getByRole('button', { name: 'Lisää luku' }).click()
    await expect.poll(() => coordinator.getByText('Luku on lisätty kertomuksen loppuun.').isVisible()).toBe(true)
    const section = coordinator.getByRole('region', { name: new RegExp(`^\\d+\\. ${sectionTitle}$`) })

    await section.getByRole('button', { name: 'Poista luku' }).click()
    const dialog = coordinator.getByRole('dialog', { name: 'Vahvista toiminto' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.textContent()).toContain(`Luku ”${sectionTitle}” poistetaan kertomuksesta`)
    await checkPage(coordinator, `confirm-section-dialog-${width}`)
    await dialog.getByRole('button', { name: 'Kyllä, poista luku' }).click()
    await expect.poll(() => coordinator.getByText('Luku on poistettu.').isVisible()).toBe(true)
    expect(await section.count()).toBe(0)
    await checkPage(coordinator, `confirm-section-done-${width}`)
    await coordinator.getByRole('button', { name: 'Kumoa poisto' }).click()
    await expect.poll(() => coordinator.getByText('Luku on palautettu paikalleen.').isVisible()).toBe(true)
    await expect.poll(() => section.isVisible()).toBe(true)
    await coordinator.context().close()
  })
}

test('without JavaScript the same question comes as a page, and yes carries the action through', async () => {
  const context = await browser.newContext({ baseURL: inject('e2eBaseUrl'), locale: 'fi-FI', javaScriptEnabled: false })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Sähköpostiosoite').fill('tyontekija@demo.example')
  await page.getByLabel('Salasana').fill(demoPassword)
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await page.goto('/reports/new')
  await page.getByLabel('Otsikko').fill('Ilman JavaScriptiä peruttava')
  await page.getByRole('button', { name: 'Tallenna luonnos' }).click()
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}/)
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(page.url())![1]!
  await page.goto(`/reports/${reportId}`)

  await page.getByRole('button', { name: 'Peru raportti', exact: true }).click()
  const question = page.getByRole('region', { name: 'Vahvista toiminto' })
  await expect.poll(() => question.isVisible()).toBe(true)
  expect(await question.textContent()).toContain('Perumista ei voi perua.')
  // axe runs inside the page, so a page without JavaScript is only photographed; its markup is the dialog's.
  await page.screenshot({ path: 'tests/e2e/screenshots/confirm-withdraw-nojs.png', fullPage: true })
  await question.getByRole('button', { name: 'Kyllä, peru raportti' }).click()
  await expect.poll(() => page.getByText('Raportti on peruttu. Sitä ei käsitellä.').isVisible()).toBe(true)
  await context.close()
})

test('a deleted agenda item is put back in its place by undo (390 px)', async () => {
  const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
  await coordinator.setViewportSize({ width: 390, height: 900 })
  await coordinator.goto('/meetings')
  const planForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Luo kokous' }) })
  await planForm.getByLabel('Toimielin').selectOption({ label: 'Sosiaali- ja terveyslautakunta' })
  await planForm.getByLabel('Aika').fill(`${new Date().getUTCFullYear() + 2}-03-10T17:00`)
  await planForm.getByRole('button', { name: 'Luo kokous' }).click()
  await coordinator.waitForURL(/\/meetings\/[0-9a-f-]{36}\?planned=1$/)
  await hydrated(coordinator)
  const addForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Lisää asia' }) })
  for (const title of ['Palautettava asia', 'Toinen asia']) {
    await addForm.getByLabel('Otsikko', { exact: true }).fill(title)
    await addForm.getByRole('button', { name: 'Lisää asia' }).click()
    await expect.poll(() => coordinator.getByText(`§ ${title}`).first().isVisible()).toBe(true)
  }

  await coordinator.getByText('Muokkaa asiaa 1 § Palautettava asia').click()
  await coordinator.getByRole('button', { name: 'Poista asia: 1 § Palautettava asia' }).click()
  const dialog = coordinator.getByRole('dialog', { name: 'Vahvista toiminto' })
  await expect.poll(() => dialog.isVisible()).toBe(true)
  await dialog.getByRole('button', { name: 'Kyllä, poista asia' }).click()
  await expect.poll(() => coordinator.getByText('Asia poistettu esityslistalta.').isVisible()).toBe(true)
  await checkPage(coordinator, 'confirm-agenda-deleted-390')

  await coordinator.getByRole('button', { name: 'Kumoa poisto' }).click()
  await expect.poll(() => coordinator.getByText('Asia on palautettu esityslistalle.').isVisible()).toBe(true)
  await expect.poll(() => coordinator.getByText('Muokkaa asiaa 1 § Palautettava asia').isVisible()).toBe(true)
  await checkPage(coordinator, 'confirm-agenda-restored-390')
  await coordinator.context().close()
})
