import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'
import { checkPage, launchBrowser } from './browser.ts'

const baseUrl = inject('e2eBaseUrl')
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

async function submitLogin(email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('Sähköpostiosoite').fill(email)
  await page.getByLabel('Salasana').fill(password)
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
}

async function logIn(email: string) {
  await submitLogin(email, demoPassword)
  await page.waitForURL((url) => url.pathname === '/')
}

const roleAccounts = ['worker', 'team_lead', 'coordinator', 'committee_member', 'admin'].map((role) =>
  demoAccounts.find((account) => account.roles.includes(role as never))!,
)

describe('logging in and out', () => {
  test('the demo login page lists the accounts and passes axe', async () => {
    await page.goto('/login')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fi')
    await expect.poll(() => page.getByRole('heading', { name: 'Esittelytunnukset' }).isVisible()).toBe(true)
    for (const account of demoAccounts) {
      expect(await page.getByText(account.email, { exact: true }).count()).toBe(1)
    }
    await checkPage(page, 'login')
  })

  test('a wrong password shows the error and keeps the email', async () => {
    await submitLogin('tyontekija@demo.example', 'väärä-salasana')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sähköpostiosoite tai salasana on väärin')
    expect(await page.getByLabel('Sähköpostiosoite').inputValue()).toBe('tyontekija@demo.example')
    await checkPage(page, 'login-wrong-password')
  })

  for (const account of roleAccounts) {
    test(`${account.roles[0]} logs in, visits every page in the menu and logs out`, async () => {
      await logIn(account.email)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Tervetuloa, ${account.name}`)
      await checkPage(page, `${account.roles[0]}-home`)
      const menu = page.getByRole('navigation', { name: 'Päävalikko' })
      const links = await menu
        .getByRole('link')
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname))
      expect(links.includes('/admin')).toBe(account.roles.includes('admin'))
      // WCAG 2.4.2: each page's title says which page it is, before the app's name.
      const titles = [await page.title()]
      for (const link of links.filter((href) => href !== '/')) {
        await menu.locator(`a[href="${link}"]`).click()
        await page.waitForURL((url) => url.pathname.startsWith(link))
        await checkPage(page, `${account.roles[0]}${link.replaceAll('/', '-')}`)
        titles.push(await page.title())
      }
      for (const title of titles) expect(title).toMatch(/^\S.* – Sosiaalinen raportointi$/)
      expect(new Set(titles).size).toBe(titles.length)
      await page.getByRole('button', { name: 'Kirjaudu ulos' }).click()
      await page.waitForURL('**/login')
      await page.goto('/settings')
      await page.waitForURL('**/login?redirectTo=%2Fsettings')
    })
  }

  test('the login form works with the keyboard alone, starting from the skip link', async () => {
    await page.goto('/login')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Siirry sisältöön')
    await page.getByLabel('Sähköpostiosoite').focus()
    await page.keyboard.type('koordinaattori@demo.example')
    await page.keyboard.press('Tab')
    await page.keyboard.type(demoPassword)
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Tervetuloa, Kaisa Koordinaattori')
  })
})

describe('languages', () => {
  test('the switch changes the page language and is remembered for anonymous visitors', async () => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'Svenska' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in')
    await checkPage(page, 'login-sv')
    await page.reload()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in')
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Log in')
    await checkPage(page, 'login-en')
  })

  test('a signed-in user’s language is saved on the profile', async () => {
    await logIn('tiiminvetaja@demo.example')
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Timo Tiiminvetäjä')
    await checkPage(page, 'team-lead-home-en')
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My reports' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My reports')
    expect(await page.title()).toBe('My reports – Social reporting')
    await page.getByRole('button', { name: 'Suomi' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Omat raportit')
  })
})

describe('administration and errors', () => {
  test('an admin sees validation errors in place with everything typed kept', async () => {
    await logIn('paakayttaja@demo.example')
    await page.goto('/admin/users/new')
    await page.getByLabel('Nimi').fill('Uusi Työntekijä')
    await page.getByLabel('Sähköpostiosoite').fill('ei-kelvollinen')
    await page.getByLabel('Annan salasanan itse').check()
    await page.getByLabel('Alkusalasana').fill('lyhyt')
    await page.getByRole('button', { name: 'Luo käyttäjä' }).click()
    await expect
      .poll(() => page.getByText('Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.').isVisible())
      .toBe(true)
    expect(await page.getByLabel('Nimi').inputValue()).toBe('Uusi Työntekijä')
    expect(await page.getByLabel('Sähköpostiosoite').inputValue()).toBe('ei-kelvollinen')
    expect(await page.getByText('Salasanassa on oltava vähintään 12 merkkiä.').isVisible()).toBe(true)
    await checkPage(page, 'admin-new-user-errors')
    await page.goto('/admin/organisation')
    await checkPage(page, 'admin-organisation')
    await page.goto('/admin/users')
    await page.getByRole('link', { name: 'Tiina Työntekijä' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tiina Työntekijä')
    await checkPage(page, 'admin-edit-user')
  })

  test('the audit log lists the admin’s own sign-in in words and passes axe', async () => {
    await logIn('paakayttaja@demo.example')
    await page.goto('/admin/audit')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tapahtumaloki')
    expect(await page.getByRole('cell', { name: 'Kirjautui sisään' }).first().isVisible()).toBe(true)
    await checkPage(page, 'admin-audit')
  })

  test('an unknown address shows a friendly 404 in the user’s language', async () => {
    const response = await page.goto('/ei-tallaista-sivua')
    expect(response?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sivua ei löytynyt')
    expect(await page.title()).toBe('Sivua ei löytynyt – Sosiaalinen raportointi')
    expect(await page.content()).not.toMatch(/at .*\.(js|ts):\d+/)
    await checkPage(page, 'not-found')
  })

  test('the pages fit a phone screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
    await page.goto('/login')
    expect(await pageWidth()).toBeLessThanOrEqual(375)
    await checkPage(page, 'login-phone')
    await logIn('tyontekija@demo.example')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tervetuloa, Tiina Työntekijä')
    expect(await pageWidth()).toBeLessThanOrEqual(375)
    await checkPage(page, 'worker-home-phone')
    await page.goto('/reports')
    expect(await pageWidth()).toBeLessThanOrEqual(375)
    await checkPage(page, 'worker-reports-phone')
  })
})
