import { type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

/** A committee member who reads the app in Swedish meets the area's places and bodies by their Swedish names. */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('in Swedish the figures, meetings and welfare report name Vasa, Korsholm, Närpes and the county as Swedish does', async () => {
  const member = await signedInPage(browser, 'lautakunta@demo.example')
  await member.setViewportSize({ width: 1280, height: 900 })
  await member.getByRole('button', { name: 'Svenska' }).click()
  await expect.poll(() => member.locator('html').getAttribute('lang')).toBe('sv')
  try {
    await member.goto('/dashboard')
    // The header names the organisation as Swedish does.
    expect(await member.getByText('Österbottens välfärdsområde', { exact: true }).count()).toBeGreaterThan(0)
    const byMunicipality = member.getByRole('table', { name: /kommun/i })
    for (const place of ['Vasa', 'Korsholm', 'Närpes']) {
      expect(await byMunicipality.getByRole('rowheader', { name: place, exact: true }).count(), place).toBe(1)
    }
    expect(await member.getByRole('rowheader', { name: 'Mustasaari', exact: true }).count()).toBe(0)
    expect(await member.getByRole('option', { name: 'Korsholm', exact: true }).count()).toBe(1)
    await checkPage(member, 'swedish-names-dashboard')

    await member.goto('/meetings')
    expect(await member.getByRole('link', { name: /^Social- och hälsovårdsnämnden, / }).count()).toBeGreaterThan(0)

    await member.goto('/welfare-reports')
    await member.getByRole('link', { name: /^Hyvinvointikertomus \d{4}$/ }).click()
    await member.waitForURL(/\/welfare-reports\/[0-9a-f-]+$/)
    const contribution = /^Österbottens välfärdsområde: den sociala rapporteringens bidrag till välfärdsberättelsen/
    await expect.poll(() => member.getByText(contribution).isVisible()).toBe(true)
    await checkPage(member, 'swedish-names-welfare-report')
    await member.setViewportSize({ width: 390, height: 800 })
    await checkPage(member, 'swedish-names-welfare-report-phone')
  } finally {
    // The account is shared with other browser tests, which read the app in Finnish.
    await member.setViewportSize({ width: 1280, height: 900 })
    await member.getByRole('button', { name: 'Suomi' }).click()
    await expect.poll(() => member.locator('html').getAttribute('lang')).toBe('fi')
    await member.context().close()
  }
})
