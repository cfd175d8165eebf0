import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

test(
  'recipients: an admin adds a working group and a partner, a coordinator sends a phenomenon to both, the group answers in the app and the partner through its link',
  { timeout: 240_000 },
  async () => {
    const suffix = crypto.randomUUID().slice(0, 6)
    const group = `Selaintyöryhmä ${suffix}`
    const partner = `Selainkumppani ${suffix}`

    const admin = await signedInPage(browser, 'paakayttaja@demo.example')
    await admin.goto('/admin/recipients')
    const newForm = admin.locator('form', { has: admin.getByRole('button', { name: 'Lisää', exact: true }) })
    await newForm.getByLabel('Nimi', { exact: true }).fill(group)
    await newForm.getByRole('button', { name: 'Lisää', exact: true }).click()
    await expect.poll(() => admin.getByText('Vastaanottaja on lisätty.').isVisible()).toBe(true)
    // The form empties once the added recipient is in the list; typing before that would be wiped.
    await expect.poll(() => newForm.getByLabel('Nimi', { exact: true }).inputValue()).toBe('')
    // A partner without its address is refused, with what was typed kept.
    await newForm.getByLabel('Laji').selectOption({ label: 'Yhteistyökumppani' })
    await newForm.getByLabel('Nimi', { exact: true }).fill(partner)
    await newForm.getByRole('button', { name: 'Lisää', exact: true }).click()
    await expect.poll(() => admin.getByText('Anna yhteistyökumppanin sähköpostiosoite').first().isVisible()).toBe(true)
    expect(await newForm.getByLabel('Nimi', { exact: true }).inputValue()).toBe(partner)
    await newForm.getByLabel('Yhteyssähköposti (yhteistyökumppanille)').fill(`kumppani-${suffix}@example.org`)
    await newForm.getByLabel('Viestien kieli (yhteistyökumppanille)').selectOption({ label: 'Svenska' })
    await newForm.getByRole('button', { name: 'Lisää', exact: true }).click()
    await expect.poll(() => admin.getByRole('heading', { name: partner }).isVisible()).toBe(true)
    const groupItem = admin.locator('li', { has: admin.getByRole('heading', { name: group }) })
    await groupItem
      .getByLabel('Lisää jäsen')
      .selectOption({ label: 'Kaisa Koordinaattori (koordinaattori@demo.example)' })
    await groupItem.getByRole('button', { name: 'Lisää jäsen' }).click()
    await expect.poll(() => admin.getByText('Jäsen on lisätty.').isVisible()).toBe(true)
    await checkPage(admin, 'recipients-admin')

    const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
    await coordinator.goto('/phenomena')
    const phenomenonLink = coordinator.getByRole('main').locator('a[href^="/phenomena/"]').first()
    const title = (await phenomenonLink.textContent())!.trim()
    await phenomenonLink.click()
    await expect.poll(() => heading(coordinator)).toBe(title)
    const sendForm = coordinator.locator('#send')
    await sendForm.getByLabel(group).check()
    await sendForm.getByLabel(partner).check()
    await sendForm.getByLabel('Saate').fill('Pyydämme arviota siitä, mitä asialle voisi tehdä.')
    await sendForm.getByRole('button', { name: 'Lähetä', exact: true }).click()
    await expect.poll(() => coordinator.getByText('Lähetetty 2 vastaanottajalle.').isVisible()).toBe(true)
    await checkPage(coordinator, 'sendings-sent')

    await coordinator.getByRole('link', { name: 'Lähetykset' }).click()
    await expect.poll(() => heading(coordinator)).toBe('Lähetykset')
    await checkPage(coordinator, 'sendings-list')
    await coordinator
      .getByRole('row', { name: new RegExp(group) })
      .getByRole('link', { name: title })
      .click()
    await expect.poll(() => heading(coordinator)).toBe(`Lähetys: ${title}`)
    await coordinator.getByLabel('Vastaus', { exact: true }).fill('Työryhmä ottaa asian syksyn työohjelmaan.')
    await coordinator.getByRole('button', { name: 'Tallenna vastaus' }).click()
    await expect
      .poll(() => coordinator.getByText('Vastaus on tallennettu. Raportoija saa tiedon.').isVisible())
      .toBe(true)
    await checkPage(coordinator, 'sending-answered')

    // The partner's request waits in the local mailbox, in Swedish, with its single-use link.
    await admin.goto('/admin/mailbox')
    const subject = new RegExp(`begäran om svar – ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    await expect
      .poll(
        async () => {
          await admin.reload()
          return admin.getByRole('link', { name: subject }).first().isVisible()
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    await admin.getByRole('link', { name: subject }).first().click()
    const link = await admin.locator('pre a', { hasText: '/respond/' }).first().getAttribute('href')

    const visitor = await (await browser.newContext({ baseURL: inject('e2eBaseUrl'), locale: 'fi-FI' })).newPage()
    await visitor.goto(link!)
    await expect.poll(() => heading(visitor)).toBe('Svar på begäran')
    await checkPage(visitor, 'respond-form')
    await visitor.getByLabel('Svar', { exact: true }).fill('Kela ser över anvisningarna i sina beslut.')
    await visitor.getByRole('button', { name: 'Skicka svaret' }).click()
    await expect.poll(() => heading(visitor)).toBe('Tack för svaret')
    await checkPage(visitor, 'respond-done')
    await visitor.goto(link!)
    await expect.poll(() => heading(visitor)).toBe('Denna begäran är redan besvarad')
    await checkPage(visitor, 'respond-used')
  },
)
