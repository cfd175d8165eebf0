import { type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('an incomplete report sent with the keyboard brings the error summary into view, with the focus and links', async () => {
  const worker = await signedInPage(browser, 'tyontekija@demo.example')
  await worker.setViewportSize({ width: 1280, height: 800 })
  await worker.goto('/reports/new')
  await worker.getByLabel('Otsikko').fill('Kesken jäänyt havainto')
  const send = worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' })
  await send.focus()
  await worker.keyboard.press('Enter')

  const summary = worker.getByRole('alert').filter({ hasText: 'Korjaa nämä kohdat' })
  await expect.poll(() => summary.isVisible()).toBe(true)
  await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true)
  const inView = await summary.evaluate((element) => {
    const box = element.getBoundingClientRect()
    return box.top >= 0 && box.top < window.innerHeight
  })
  expect(inView).toBe(true)
  await expect.poll(() => worker.title()).toMatch(/^Virhe: /)
  expect(await summary.getByRole('link').allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Ilmiön kuvaus: /), expect.stringMatching(/^Tuen tarve/)]),
  )
  await checkPage(worker, 'error-summary-report-form')

  await summary.getByRole('link', { name: /^Ilmiön kuvaus: / }).click()
  await expect.poll(() => worker.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('description')
  expect(await worker.getByLabel('Otsikko').inputValue()).toBe('Kesken jäänyt havainto')
  await worker.context().close()
})
