import { type Browser, type Page } from 'playwright-core'
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

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

/** The unread count the bell announces (its accessible name), 0 when it names no count. */
async function unreadCount(page: Page): Promise<number> {
  const name = (await page.getByRole('link', { name: /^Päivitykset/ }).getAttribute('aria-label')) ?? ''
  return Number(/(\d+) lukemato(?:n|nta)\b/.exec(name)?.[1] ?? 0)
}

async function transition(page: Page, button: string, fields: Record<string, string> = {}) {
  const form = page.locator('form', { has: page.getByRole('button', { name: button }) })
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label)
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption({ label: value })
    else await field.fill(value)
  }
  await form.getByRole('button', { name: button }).click()
  // Done when the step is no longer on offer: the report has moved on.
  await expect.poll(() => page.getByRole('button', { name: button, exact: true }).count()).toBe(0)
  expect(await page.getByText('Tallennettu. Raportoija saa tiedon.').isVisible()).toBe(true)
}

test(
  'the feedback loop: every step of a report reaches its writer, in the app and by email',
  { timeout: 240_000 },
  async () => {
    const title = 'Pitkäaikaistyöttömät eivät tiedä kuntouttavan työtoiminnan paikoista'
    const worker = await signedInPage(browser, 'tyontekija@demo.example')
    const unreadAtStart = await unreadCount(worker)

    await worker.goto('/reports/new')
    await worker.getByLabel('Otsikko').fill(title)
    await worker
      .getByLabel('Ilmiön kuvaus')
      .fill('Asiakkaat kertovat:\n\n- paikoista ei ole koottua tietoa\n- jonot ovat pitkiä')
    await worker.getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' }).getByLabel('Toimintakyky').check()
    await worker.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Aikuiset', { exact: true }).check()
    await worker
      .getByLabel('Toimenpide-ehdotus 1', { exact: true })
      .fill('Koottu paikkalista työllisyyspalveluiden kanssa.')
    await worker.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
    await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
    await expect.poll(() => heading(worker)).toBe(title)
    const reportPath = new URL(worker.url()).pathname

    const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
    await lead.goto(reportPath)
    await transition(lead, 'Ota käsittelyyn')
    await transition(lead, 'Pyydä täydennystä', {
      'Perustelu tai kommentti (pakollinen)': 'Missä kunnissa tämä näkyy?',
    })

    // The worker's bell counts both steps; the email waits in the local mailbox (no Resend key in the demo).
    await worker.goto('/')
    await expect.poll(() => unreadCount(worker), { timeout: 15_000 }).toBe(unreadAtStart + 2)
    await checkPage(worker, 'feedback-bell')
    await worker.getByRole('link', { name: /^Päivitykset/ }).click()
    await expect.poll(() => heading(worker)).toBe('Päivitykset')
    await expect.poll(() => worker.getByText(title).first().isVisible()).toBe(true)
    await checkPage(worker, 'feedback-notifications')

    const admin = await signedInPage(browser, 'paakayttaja@demo.example')
    await admin.goto('/admin/mailbox')
    const subject = `Raporttisi ”${title}” on nyt: Täydennettävänä`
    await expect
      .poll(
        async () => {
          await admin.reload()
          return admin.getByRole('link', { name: subject }).isVisible()
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    await checkPage(admin, 'feedback-mailbox')
    await admin.getByRole('link', { name: subject }).click()
    await expect.poll(() => admin.getByText('Missä kunnissa tämä näkyy?').first().isVisible()).toBe(true)
    // The HTML part is a framed document of its own, with the inline styles the page's own policy forbids.
    const htmlPart = admin.frameLocator('iframe[title="Viestin HTML-versio"]').getByText('Missä kunnissa tämä näkyy?')
    await expect.poll(() => htmlPart.isVisible()).toBe(true)
    expect(await htmlPart.evaluate((element) => getComputedStyle(element).lineHeight)).toBe('24px')
    await checkPage(admin, 'feedback-mailbox-email')
    const emailLink = await admin.locator('pre a', { hasText: reportPath }).first().getAttribute('href')
    expect(emailLink).toContain(`${baseUrl}${reportPath}`)

    // The worker follows the link from the email, fixes the report and sends it again.
    await worker.goto(emailLink!)
    await expect.poll(() => heading(worker)).toBe(title)
    await expect.poll(() => worker.getByText('Missä kunnissa tämä näkyy?').first().isVisible()).toBe(true)
    await worker.getByRole('link', { name: 'Muokkaa raporttia' }).click()
    await expect.poll(() => heading(worker)).toBe('Muokkaa raporttia')
    await worker.getByLabel('Arvio asiakkaiden määrästä').fill('25')
    await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
    await expect.poll(() => heading(worker)).toBe(title)

    await lead.goto(reportPath)
    await transition(lead, 'Ota käsittelyyn')
    await transition(lead, 'Sulje', {
      Ratkaisu: 'Ratkaistu tiimissä',
      'Perustelu tai kommentti (pakollinen)': 'Paikkalista koottiin tiimin kokouksessa ja jaettiin kaikille.',
    })

    await worker.goto('/notifications')
    await expect
      .poll(() => worker.getByText('Paikkalista koottiin tiimin kokouksessa ja jaettiin kaikille.').first().isVisible())
      .toBe(true)
    await worker.goto(reportPath)
    const timeline = worker.getByRole('region', { name: 'Vaiheet' })
    await expect.poll(() => timeline.getByText('Ratkaistu tiimissä').first().isVisible()).toBe(true)
    await expect
      .poll(() => timeline.getByText('Paikkalista koottiin tiimin kokouksessa ja jaettiin kaikille.').isVisible())
      .toBe(true)
    await checkPage(worker, 'feedback-closed-timeline')
  },
)
