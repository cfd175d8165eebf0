import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest'
import { demoPassword } from '#app/utils/demo.server.ts'
import { checkPage, launchBrowser } from './browser.ts'

const baseUrl = inject('e2eBaseUrl')
const accounts = inject('e2eSsoAccounts')
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

beforeEach(async () => {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fi-FI' })
  page = await context.newPage()
  return () => context.close()
})

/** From the app's login page to the sign-in service's form, signed in there as `login`, and back. */
async function signInWithOrganisationAccount(login: string) {
  await page.goto('/login')
  await checkPage(page, 'sso-login')
  await page.getByRole('link', { name: 'Kirjaudu organisaation tunnuksella' }).click()
  await page.waitForURL((url) => url.origin !== baseUrl)
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('mikä tahansa')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.waitForURL((url) => url.origin === baseUrl)
}

async function signInWithPassword(email: string) {
  await page.goto('/login')
  await page.getByLabel('Sähköpostiosoite').fill(email)
  await page.getByLabel('Salasana').fill(demoPassword)
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
}

describe('single sign-on in the browser', () => {
  test('a person an admin added signs in through the sign-in service and lands in the app', async () => {
    await signInWithOrganisationAccount(accounts.member.login)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Tervetuloa, Kaisa Koordinaattori')
    expect(new URL(page.url()).pathname).toBe('/')
    await checkPage(page, 'sso-signed-in')
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click()
    await page.waitForURL('**/login')
  })

  test('someone no admin has added is told so in their language, and can go back to the login page', async () => {
    await signInWithOrganisationAccount(accounts.outsider.login)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kirjautuminen ei onnistunut')
    await expect.poll(() => page.getByText('kukaan ylläpitäjä ei ole lisännyt sinua').isVisible()).toBe(true)
    await checkPage(page, 'sso-not-added')
    await page.getByRole('link', { name: 'Takaisin kirjautumiseen' }).click()
    await page.waitForURL('**/login')
  })

  test('password sign-in still works beside it', async () => {
    await signInWithPassword('tyontekija@demo.example')
  })

  test('an admin without an organisation account of their own cannot turn password sign-in off', async () => {
    await signInWithPassword('paakayttaja@demo.example')
    await page.goto('/admin/organisation')
    const allowPasswords = page.getByRole('checkbox', { name: 'Salli kirjautuminen salasanalla' })
    expect(await allowPasswords.isChecked()).toBe(true)
    await checkPage(page, 'sso-admin-organisation')
    await allowPasswords.uncheck()
    await page
      .getByRole('checkbox', { name: 'Salli kirjautuminen salasanalla' })
      .locator('xpath=ancestor::form')
      .getByRole('button', { name: 'Tallenna' })
      .click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Kirjaudu ensin itse organisaation tunnuksella')
    await checkPage(page, 'sso-admin-needs-identity')
  })
})
