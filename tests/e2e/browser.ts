import { mkdirSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterEach, expect, inject } from 'vitest'
import { demoPassword } from '#app/utils/demo.server.ts'

const screenshotDir = path.resolve('tests/e2e/screenshots')

/** What any page of any context reported as a Content-Security-Policy violation since the last check. */
const cspViolations: string[] = []

/** Fails the test in which a page broke the Content-Security-Policy: a blocked script or style is a broken page. */
function expectNoCspViolations() {
  expect(cspViolations.splice(0), 'Content-Security-Policy violations').toEqual([])
}

afterEach(expectNoCspViolations)

async function reportCspViolations(context: BrowserContext) {
  // Chromium logs what the policy blocks as a console error; the DOM event also names what it does not log.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      cspViolations.push(`${message.page()?.url() ?? 'a page'}: ${message.text()}`)
    }
  })
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  // Tests open contexts and pages in several ways; watching every context the browser opens covers them all.
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => {
    const context = await newContext(options)
    await reportCspViolations(context)
    return context
  }
  return browser
}

/**
 * Every visited page must have kept to the Content-Security-Policy so far and pass axe's WCAG 2.1 A and AA rules;
 * a screenshot is kept for people to look at.
 */
export async function checkPage(page: Page, name: string) {
  expectNoCspViolations()
  // A sandboxed frame (an email's HTML in the mailbox) runs no scripts, so axe could never answer from inside it.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe[sandbox]')
    .analyze()
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }))
  expect(summary, `axe violations on ${name}`).toEqual([])
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/** A fresh Finnish browser session signed in as a demo account, on the app the e2e setup started. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject('e2eBaseUrl'), locale: 'fi-FI' })
  // A step that cannot happen fails within seconds, naming the step, instead of running out the test's time.
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Sähköpostiosoite').fill(email)
  await page.getByLabel('Salasana').fill(demoPassword)
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
  return page
}
