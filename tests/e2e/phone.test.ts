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

test('on a phone the review queue lists each report as a card with its status, municipality, team and date', async () => {
  const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
  await lead.setViewportSize({ width: 390, height: 844 })
  await lead.goto('/review')
  const cards = lead.getByRole('list', { name: /Käsittelyjono|Raportit/ }).getByRole('listitem')
  await expect.poll(() => cards.count()).toBeGreaterThan(0)
  const first = cards.first()
  const text = (await first.textContent()) ?? ''
  for (const label of ['Kunta', 'Tiimi']) expect(text).toContain(label)
  // Every fact fits the card: nothing is clipped sideways.
  const overflow = await first.evaluate((card) => card.scrollWidth > card.clientWidth)
  expect(overflow).toBe(false)
  expect(await lead.getByRole('table').count()).toBe(0)
  await checkPage(lead, 'review-queue-390')

  await lead.setViewportSize({ width: 1280, height: 900 })
  await expect.poll(() => lead.getByRole('table').count()).toBe(1)
  await lead.context().close()
})
