import { type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

const baseUrl = inject('e2eBaseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

function me(token: string) {
  return fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } })
}

test('a worker creates an API token in the settings, uses it, and revokes it', async () => {
  const page = await signedInPage(browser, 'sosiaaliohjaaja@demo.example')

  await page.goto('/settings')
  await page.getByRole('button', { name: 'Luo avain' }).click()
  await expect.poll(() => page.getByText('Anna avaimelle nimi.').isVisible()).toBe(true)
  await page.getByLabel('Avaimen nimi').fill('Tilastoskripti')
  await page.getByRole('button', { name: 'Luo avain' }).click()
  const shown = page.getByRole('textbox', { name: 'Avain', exact: true })
  await expect.poll(() => shown.inputValue()).toMatch(/^srt_/)
  const token = await shown.inputValue()
  await checkPage(page, 'settings-api-token-created')

  const answer = await me(token)
  expect(answer.status).toBe(200)
  expect(await answer.json()).toMatchObject({ email: 'sosiaaliohjaaja@demo.example', roles: ['worker'] })

  await page.reload()
  expect(await page.getByRole('textbox', { name: 'Avain', exact: true }).count()).toBe(0)
  await page.getByRole('button', { name: 'Peru avain Tilastoskripti' }).click()
  await expect.poll(() => page.getByText('Avain on peruttu.').isVisible()).toBe(true)
  await checkPage(page, 'settings-api-token-revoked')
  expect((await me(token)).status).toBe(401)
  await page.context().close()
})
