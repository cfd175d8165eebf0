import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

describe('a person’s own data', () => {
  test('Settings downloads the signed-in person’s own data as JSON', async () => {
    const page = await signedInPage(browser, 'tyontekija@demo.example')
    await page.goto('/settings')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Lataa omat tietoni' }).click(),
    ])
    const text = await (await download.createReadStream()).toArray()
    const ownData = JSON.parse(Buffer.concat(text).toString('utf8'))
    expect(ownData.profile.email).toBe('tyontekija@demo.example')
    expect(ownData.memberships).toHaveLength(1)
    await checkPage(page, 'settings-own-data')
  })

  test('an admin removes a departed person after confirming, and the page then names them Entinen työntekijä', async () => {
    const page = await signedInPage(browser, 'paakayttaja@demo.example')
    await page.goto('/admin/users/new')
    await page.getByLabel('Nimi').fill('Lähtevä Työntekijä')
    await page.getByLabel('Sähköpostiosoite').fill('lahteva@demo.example')
    await page.getByRole('button', { name: 'Luo käyttäjä' }).click()
    await expect.poll(() => heading(page)).toBe('Lähtevä Työntekijä')
    await page.getByRole('button', { name: 'Poista henkilötiedot' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await checkPage(page, 'admin-remove-person-confirm')
    await dialog.getByRole('button', { name: 'Kyllä, poista henkilötiedot' }).click()
    await expect.poll(() => page.getByText('Henkilötiedot poistettiin.').isVisible()).toBe(true)
    await page.reload()
    await expect.poll(() => heading(page)).toBe('Entinen työntekijä')
    await checkPage(page, 'admin-person-removed')
  })
})
