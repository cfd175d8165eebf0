import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** The first phenomenon on the list that nobody has yet said "Havaitsen saman" on. */
async function unobservedPhenomenon(page: Page): Promise<string> {
  await page.goto('/phenomena')
  const rows = page.getByRole('table').getByRole('row')
  for (let index = 1; index < (await rows.count()); index++) {
    const row = rows.nth(index)
    if ((await row.getByRole('cell').nth(4).textContent())?.trim() === '0') {
      return (await row.getByRole('link').getAttribute('href'))!
    }
  }
  throw new Error('every demo phenomenon has observations')
}

/** Says "Havaitsen saman" with the keyboard only: tabbing to each field, typing, and pressing Enter on the button. */
async function observeWithKeyboard(page: Page, sentence: string, estimate: string) {
  const form = page.locator('#havaitsen-saman')
  await form.getByLabel('Kunta').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Tab')
  await page.keyboard.type(estimate)
  await page.keyboard.press('Tab')
  await page.keyboard.type(sentence)
  await page.keyboard.press('Tab')
  await expect
    .poll(() => form.getByRole('button', { name: 'Havaitsen saman' }).evaluate((b) => b === document.activeElement))
    .toBe(true)
  await page.keyboard.press('Enter')
  await expect
    .poll(() => page.getByText('Havaintosi on kirjattu ilmiön näyttöön. Seuraat nyt ilmiötä.').isVisible())
    .toBe(true)
}

test('two workers say "Havaitsen saman" on a phenomenon with the keyboard and it shows two observations', async () => {
  const first = await signedInPage(browser, 'tyontekija@demo.example')
  const path = await unobservedPhenomenon(first)
  await first.goto(path)
  await observeWithKeyboard(first, 'Sama näkyy meilläkin asiakastyössä joka viikko', 'noin 8')

  const second = await signedInPage(browser, 'vaasa.ohjaaja@demo.example')
  await second.goto(path)
  await observeWithKeyboard(second, 'Meilläkin asiakkaat kysyvät tätä usein', '3')

  await first.goto(path)
  expect(await first.getByText('2 työntekijää havaitsee saman').count()).toBe(1)
  expect(await first.getByText('oma havaintosi').count()).toBe(1)
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await first.setViewportSize({ width, height })
    await checkPage(first, `havaitsen-saman-${width}`)
  }
  // The main navigation takes a worker to the phenomena, and the list counts the observations too.
  await first.setViewportSize({ width: 1280, height: 900 })
  await first.getByRole('navigation').getByRole('link', { name: 'Ilmiöt', exact: true }).click()
  await first.waitForURL((url) => url.pathname === '/phenomena')
  const row = first.getByRole('row').filter({ has: first.locator(`a[href="${path}"]`) })
  expect((await row.getByRole('cell').nth(4).textContent())?.trim()).toBe('2')
})
