import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { catalogs } from '#app/utils/i18n.ts'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Everything the page downloads from now on, as text. */
function recordDownloads(page: Page) {
  const downloads: { url: string; type: string; text: Promise<string> }[] = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    downloads.push({ url: response.url(), type, text: response.text().catch(() => '') })
  })
  return async () => Promise.all(downloads.map(async ({ url, type, text }) => ({ url, type, text: await text })))
}

// Texts found only in one language's catalog: the app's name and the new report's heading.
const swedish = [catalogs.sv['app.name'], catalogs.sv['report.new.title']]
const english = [catalogs.en['app.name'], catalogs.en['report.new.title']]

test('a Finnish browser is sent Finnish messages only, and no validation library, yet the report form works', async () => {
  const signedIn = await signedInPage(browser, 'tyontekija@demo.example')
  // The same session in a browser with nothing cached, so everything the page needs is downloaded now.
  const context = await browser.newContext({
    baseURL: inject('e2eBaseUrl'),
    locale: 'fi-FI',
    storageState: await signedIn.context().storageState(),
  })
  await signedIn.context().close()
  const page = await context.newPage()
  const downloaded = recordDownloads(page)
  await page.goto('/reports/new')
  await page.waitForLoadState('networkidle')
  await page.getByRole('heading', { level: 1, name: catalogs.fi['report.new.title'] }).waitFor()

  const bodies = await downloaded()
  const everything = bodies.map(({ text }) => text).join('\n')
  for (const text of [...swedish, ...english]) expect(everything, `downloaded "${text}"`).not.toContain(text)
  // Zod names its schema classes in strings that survive minification.
  expect(everything).not.toContain('ZodObject')
  expect(bodies.some(({ url }) => new URL(url).pathname === '/messages/fi')).toBe(true)

  // The page hydrated with those messages: a typed title is kept and the form answers in Finnish.
  await page.getByLabel(catalogs.fi['report.field.title'], { exact: true }).fill('Kelan päätökset')
  await checkPage(page, 'light-pages-report-form')
  await context.close()
})

test('the login page sends no script at all and signs in without one', async () => {
  const context = await browser.newContext({ baseURL: inject('e2eBaseUrl'), locale: 'fi-FI' })
  const page = await context.newPage()
  const downloaded = recordDownloads(page)
  await page.goto('/login')
  await page.waitForLoadState('networkidle')
  expect((await downloaded()).filter(({ type }) => type === 'script')).toEqual([])
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0)
  await checkPage(page, 'light-pages-login')
  await context.close()
})

test('switching to Swedish fetches the Swedish messages then, and the page answers in Swedish', async () => {
  const page = await signedInPage(browser, 'sosiaaliohjaaja@demo.example')
  await page.goto('/reports/new')
  await page.waitForLoadState('networkidle')
  const swedishFetched = page.waitForResponse((response) => new URL(response.url()).pathname === '/messages/sv')
  await page.getByRole('button', { name: 'Svenska' }).click()
  await swedishFetched
  await page.getByRole('heading', { level: 1, name: catalogs.sv['report.new.title'] }).waitFor()
  expect(await page.locator('html').getAttribute('lang')).toBe('sv')
  // Back to Finnish for the other tests that sign in as this person.
  await page.getByRole('button', { name: 'Suomi' }).click()
  await page.getByRole('heading', { level: 1, name: catalogs.fi['report.new.title'] }).waitFor()
  await page.context().close()
})
